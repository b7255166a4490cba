/**
 * How alliance pages say things in words: a commitment's amount ("40 horas de mentoría",
 * "$ 20.000.000 de financiación", "Monto no publicado") and the ids of forms that repeat on a page.
 * Light enough for the browser bundle (Intl only).
 */
import { htmlLang, type Locale } from "~/i18n";
import type { Translator } from "../../server/i18n/translate";
import { formatCop } from "./call-format";
import type { FieldConstraint } from "./forms";
import type { IntentFailure } from "./intent-failure";

/** The list's filters in the address, in Spanish: ?estado=activas&triple=si&sector=academia. */
export const STATUS_WORDS = { activas: "ACTIVE", completadas: "COMPLETED", retiradas: "WITHDRAWN" } as const;
export const SECTOR_WORDS = { publico: "PUBLIC", privado: "PRIVATE", academia: "ACADEMIA", emprendimiento: "ENTREPRENEUR" } as const;

export interface CommitmentView {
  id: string;
  kind: string;
  quantity: number | null;
  description: string;
}

/** The amount as the public reads it; null quantity means the party kept it private. */
export function commitmentAmount(commitment: Pick<CommitmentView, "kind" | "quantity">, i18n: Pick<Translator, "t" | "language">): string {
  const locale = i18n.language as Locale;
  if (commitment.quantity === null) return i18n.t("alliances.hiddenAmount");
  if (commitment.kind === "FUNDING_COP") return i18n.t("commitmentKind.funding", { amount: formatCop(commitment.quantity, locale) });
  const count = new Intl.NumberFormat(htmlLang(locale)).format(commitment.quantity);
  return `${count} ${i18n.t(`commitmentKind.${commitment.kind}` as never).toLocaleLowerCase(htmlLang(locale))}`;
}

/**
 * Ids of a form shown several times on one page (an answer per invitation, a report per
 * milestone): the form that just failed gets `field-<name>`, where its error summary's links
 * lead; the others get ids of their own.
 */
export function fieldIds(failure: IntentFailure | null, scope: string) {
  return (name: string) => (failure ? `field-${name}` : `${scope}-${name}`);
}

/** A text value the failed form sent back, to show again. */
export function sentValue(failure: IntentFailure | null, name: string): string | undefined {
  const value = failure?.values[name];
  return typeof value === "string" ? value : undefined;
}

/** The schema's limits for a control (Field's `constraints`). */
export function limits(constraint: FieldConstraint | undefined) {
  return { minLength: constraint?.minLength, maxLength: constraint?.maxLength, min: constraint?.min, max: constraint?.max };
}
