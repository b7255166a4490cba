/**
 * Page titles and description in the visitor's language. `meta` runs outside React (no
 * useTranslation), on the server and in the browser, so the language comes from the root loader's
 * data, which every match carries, and its copy from the registered messages (app/i18n/index.ts).
 */
import type { MetaDescriptor } from "@remix-run/node";
import { translatorFor, type UiKey } from "../i18n";
import { copyAreasOf } from "../i18n/areas";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../server/i18n/locale";

interface MatchData {
  id: string;
  data?: unknown;
  handle?: unknown;
}

/** The request's language, as the root loader sent it; Spanish when the root has no data (its own error). */
export function rootLocale(matches: readonly MatchData[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** A translate function for `meta`, which runs outside React. */
export function metaTranslator(matches: readonly MatchData[]): (key: UiKey, params?: Record<string, string>) => string {
  const i18n = translatorFor(rootLocale(matches), copyAreasOf(matches));
  return (key, params) => i18n.t(key, params);
}

/**
 * Title and description of a page. Remix v2 uses only the deepest route's `meta`, so each page
 * repeats the description rather than losing it.
 */
export function pageMeta(matches: readonly MatchData[], page?: string): MetaDescriptor[] {
  const t = metaTranslator(matches);
  return [
    { title: page ? t("meta.pageTitle", { page }) : t("meta.homeTitle") },
    { name: "description", content: t("meta.description") },
  ];
}

/** `meta` for a page titled by one UI copy key: `export const meta = titledPage("nav.ideas")`. */
export function titledPage(key: UiKey) {
  return ({ matches }: { matches: readonly MatchData[] }): MetaDescriptor[] => pageMeta(matches, metaTranslator(matches)(key));
}
