import type { Locale } from "./locale";
import { isMessageKey, translate, type MessageKey } from "./messages";

/** What a zod issue carries that a person's sentence needs (server/validation.ts makes `message` a key). */
export interface ValidationIssue {
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/**
 * One zod issue as a sentence in `locale`, with its limits filled in. The same function serves the
 * server (describeError) and the browser (forms validated as the person types), so both say the
 * same thing; it only needs the message catalogue, which bundles for the browser.
 */
export function issueMessage(issue: ValidationIssue, locale: Locale): string {
  const key: MessageKey = isMessageKey(issue.message) ? issue.message : "validation.invalid";
  return translate(locale, key, { min: Number(issue.minimum ?? 0), max: Number(issue.maximum ?? 0) });
}
