import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { MessageKey, MessageParams } from "../i18n/messages";

/**
 * The one error type domain code throws. It carries message keys, not text: the tRPC error
 * formatter translates them into the caller's language, so the same rule speaks Spanish or
 * English to the API, the Remix pages and the tests alike.
 */
export class AppError extends TRPCError {
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
