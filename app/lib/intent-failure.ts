import type { FormFailure } from "./forms";

export interface IntentFailure {
  /** Per-field messages of the refused form. */
  errors: Record<string, string>;
  /** What was sent, to show again. */
  values: Record<string, unknown>;
  /** A refusal about no field in particular (the last owner cannot leave), said at the top of the form. */
  general?: string;
}

/**
 * On a page with several forms told apart by `intent`, the last refusal when it is about this
 * form (and, for a form repeated per row, this row: `match` lists the fields that identify it).
 */
export function intentFailure(result: FormFailure | undefined, intent: string, match: Record<string, string> = {}): IntentFailure | null {
  const values = (result?.values ?? {}) as Record<string, unknown>;
  if (!result || values.intent !== intent) return null;
  if (Object.entries(match).some(([name, value]) => values[name] !== value)) return null;
  const general = Object.keys(result.fieldErrors).length === 0 ? result.message : undefined;
  return { errors: result.fieldErrors, values, general };
}
