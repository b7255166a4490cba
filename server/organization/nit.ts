/**
 * Colombian NIT (Número de Identificación Tributaria) with DIAN's check digit: the base digits,
 * read right to left, are multiplied by 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71;
 * the sum's remainder modulo 11 is the check digit when it is 0 or 1, otherwise 11 minus it.
 */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

export function nitCheckDigit(base: string): number {
  if (!/^\d{1,15}$/.test(base)) throw new Error("A NIT base is 1 to 15 digits");
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += Number(base[base.length - 1 - i]) * WEIGHTS[i]!;
  const remainder = sum % 11;
  return remainder <= 1 ? remainder : 11 - remainder;
}

export type NitProblem = "format" | "checkDigit";

/**
 * "900.123.456-7", "900123456-7" and "9001234567" (the last digit is the check digit) are the
 * same NIT, normalized to "900123456-7". Spaces are ignored; anything else is a format problem.
 */
export function parseNit(value: string): { ok: true; nit: string } | { ok: false; problem: NitProblem } {
  const compact = value.replace(/\s+/g, "");
  const match = /^(\d{1,3}(?:\.\d{3})*|\d+)-?(\d)$/.exec(compact);
  if (!match) return { ok: false, problem: "format" };
  const base = match[1]!.replaceAll(".", "");
  // Colombian NITs have 8 to 10 base digits (companies 9, people up to 10).
  if (base.length < 6 || base.length > 10 || /^0+$/.test(base)) return { ok: false, problem: "format" };
  if (nitCheckDigit(base) !== Number(match[2])) return { ok: false, problem: "checkDigit" };
  return { ok: true, nit: `${base}-${match[2]}` };
}

/** "900123456-7" → "900.123.456-7", as Colombians write it. */
export function formatNit(nit: string): string {
  const [base = "", digit = ""] = nit.split("-");
  return `${base.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}-${digit}`;
}
