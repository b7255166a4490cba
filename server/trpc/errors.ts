import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { MessageKey, MessageParams } from "../i18n/messages";

/** Shared by every copy of this module (the Remix server build bundles its own; see hasInstance). */
const APP_ERROR_BRAND = Symbol.for("cocrea.AppError");

/**
 * The one error type domain code throws. It carries message keys, not text: the tRPC error
 * formatter translates them into the caller's language, so the same rule speaks Spanish or
 * English to the API, the Remix pages and the tests alike.
 */
export class AppError extends TRPCError {
  /**
   * The Remix build bundles its own copy of this class (routes import it through *.server.ts), so a
   * route's AppError is not an instance of the server's class: describeError then lost its params
   * and field errors ("«{{name}}» supera el máximo de {{max}}"). The brand makes both copies agree.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[APP_ERROR_BRAND] === true;
  }

  readonly [APP_ERROR_BRAND] = true;

  constructor(
    code: TRPC_ERROR_CODE_KEY,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    /** Per-field messages shown next to form fields. */
    readonly fieldErrors: Partial<Record<string, { key: MessageKey; params?: MessageParams }>> = {},
  ) {
    super({ code, message: messageKey });
  }
}

export function fieldError(field: string, key: MessageKey, params: MessageParams = {}, code: TRPC_ERROR_CODE_KEY = "BAD_REQUEST") {
  return new AppError(code, key, params, { [field]: { key, params } });
}
