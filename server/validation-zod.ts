/**
 * zod as the whole app uses it (through server/validation.ts), with one difference: every
 * `z.string()` refuses control characters. PostgreSQL cannot store NUL in text (it fails with
 * 22021, a 500), and the other C0 characters (and DEL) only ever arrive from scripts probing the forms;
 * tab, line feed and carriage return stay allowed for text areas. Doing it here, not in each
 * schema, means a schema added tomorrow is covered too.
 */
import { string as zodString, type ZodString, type core } from "zod";

export * from "zod";

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function string(params?: string | core.$ZodStringParams): ZodString {
  return zodString(params).refine((value) => !CONTROL_CHARACTERS.test(value), { message: "validation.controlChars" });
}
