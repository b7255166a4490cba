import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { isMessageKey, translate } from "../i18n/messages";
import { issueMessage, type ValidationIssue } from "../i18n/issue-message";
import type { Locale } from "../i18n/locale";
import { isDatabaseUnavailable } from "../db/availability";
import { AppError } from "./errors";

export interface ErrorDescription {
  code: TRPCError["code"];
  httpStatus: number;
  /** A sentence for people, in the caller's language. */
  message: string;
  /** Per-field messages (dotted paths), in the caller's language. */
  fieldErrors: Record<string, string>;
}

function zodIssues(cause: unknown): ValidationIssue[] | null {
  if (cause && typeof cause === "object" && Array.isArray((cause as { issues?: unknown }).issues)) {
    return (cause as { issues: ValidationIssue[] }).issues;
  }
  return null;
}

function classify(thrown: unknown): TRPCError["code"] {
  if (zodIssues(thrown)) return "BAD_REQUEST";
  // Down or restarting: the caller may simply try again (the HTTP layers add Retry-After).
  return isDatabaseUnavailable(thrown) ? "SERVICE_UNAVAILABLE" : "INTERNAL_SERVER_ERROR";
}

/**
 * The one mapping from a thrown error to what a person sees, used by the tRPC error formatter
 * (HTTP API) and by Remix actions that call procedures through createCaller. Message keys are
 * translated, zod issues become per-field messages, and anything unexpected becomes a generic
 * sentence: its detail belongs in the server log, never in the response.
 */
export function describeError(thrown: unknown, locale: Locale): ErrorDescription {
  const error =
    thrown instanceof TRPCError && !(thrown.code === "INTERNAL_SERVER_ERROR" && isDatabaseUnavailable(thrown))
      ? thrown
      : new TRPCError({ code: classify(thrown), cause: thrown });
  const fieldErrors: Record<string, string> = {};
  let message: string;
  const issues = error.code === "BAD_REQUEST" ? zodIssues(error.cause) : null;
  if (error instanceof AppError) {
    message = translate(locale, error.messageKey, error.params);
    for (const [field, value] of Object.entries(error.fieldErrors)) {
      if (value) fieldErrors[field] = translate(locale, value.key, value.params);
    }
  } else if (issues) {
    for (const issue of issues) {
      const field = issue.path.map(String).join(".") || "_";
      if (fieldErrors[field]) continue;
      fieldErrors[field] = issueMessage(issue, locale);
    }
    const messages = Object.values(fieldErrors);
    message = messages.length === 1 ? messages[0]! : translate(locale, "validation.invalid");
  } else if (error.code === "INTERNAL_SERVER_ERROR") {
    message = translate(locale, "server.internal");
  } else if (error.code === "SERVICE_UNAVAILABLE") {
    message = translate(locale, "server.unavailable");
  } else if (isMessageKey(error.message)) {
    message = translate(locale, error.message);
  } else {
    // tRPC's own protocol errors (unknown procedure, wrong method or content type) are in English.
    message = translate(locale, error.code === "NOT_FOUND" ? "server.notFound" : "request.invalid");
  }
  return { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), message, fieldErrors };
}
