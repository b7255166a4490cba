import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";

export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** An action's error answer: the status of the error (4xx), its translated message and fields. */
export function actionFailure(context: AppLoadContext, error: unknown, values: Record<string, string> = {}) {
  const { message, fieldErrors, httpStatus } = context.describeError(error);
  return json<ActionFailure>({ ok: false, message, fieldErrors, values }, { status: httpStatus });
}

/** Only same-site paths: an attacker-supplied ?redirectTo=https://evil.example is ignored. */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}

export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")]));
}
