/**
 * How call pages write dates and money: a date with its time in America/Bogota
 * ("14 de diciembre de 2026, 5:00 p. m.") and prizes in Colombian pesos ("$ 10.000.000").
 * Pure, and light enough for the browser bundle (Intl only).
 */
import { formatDate, htmlLang, type Locale } from "~/i18n";
import type { Translator } from "../../server/i18n/translate";
import { TIME_ZONE } from "../../server/i18n/locale";

const timeFormatters = new Map<Locale, Intl.DateTimeFormat>();
const moneyFormatters = new Map<Locale, Intl.NumberFormat>();

function timeOf(value: string | Date, locale: Locale): string {
  let formatter = timeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(htmlLang(locale), { timeStyle: "short", timeZone: TIME_ZONE });
    timeFormatters.set(locale, formatter);
  }
  return formatter.format(new Date(value));
}

/** "14 de diciembre de 2026, 5:00 p. m." in Bogotá. */
export function formatCallDate(value: string | Date, i18n: Pick<Translator, "t" | "language">): string {
  const locale = i18n.language as Locale;
  return i18n.t("callDate.at", { date: formatDate(value, locale), time: timeOf(value, locale) });
}

/** Pesos, whole: "$ 10.000.000" (es-CO), whatever the page's language, since it is an amount in COP. */
export function formatCop(amount: number, locale: Locale): string {
  let formatter = moneyFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === "es" ? "es-CO" : "en-US", { style: "currency", currency: "COP", maximumFractionDigits: 0 });
    moneyFormatters.set(locale, formatter);
  }
  return formatter.format(amount);
}
