/**
 * Page titles and description in the visitor's language. `meta` runs outside React (no
 * useTranslation), so the language comes from the root loader's data, which every match carries.
 */
import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { createI18n, type Locale } from "../i18n";
import type { UiKey } from "../i18n/es";
import { DEFAULT_LOCALE, isLocale } from "../../server/i18n/locale";

interface MatchData {
  id: string;
  data?: unknown;
}

// One fixed-language instance per locale: never switched, so sharing it across requests is safe.
const translators = new Map<Locale, TFunction>();

function translator(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).getFixedT(locale);
    translators.set(locale, t);
  }
  return t;
}

export function uiText(locale: Locale, key: UiKey, params: Record<string, string> = {}): string {
  return translator(locale)(key, params);
}

/** The request's language, as the root loader resolved it; Spanish when the root has no data (its own error). */
export function localeOf(matches: readonly MatchData[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/**
 * Title and description of a page. Remix v2 uses only the deepest route's `meta`, so each page
 * repeats the description rather than losing it.
 */
export function pageMeta(locale: Locale, page?: string): MetaDescriptor[] {
  return [
    { title: page ? uiText(locale, "meta.pageTitle", { page }) : uiText(locale, "meta.homeTitle") },
    { name: "description", content: uiText(locale, "meta.description") },
  ];
}

/** `meta` for a page titled by one UI copy key: `export const meta = titledPage("nav.ideas")`. */
export function titledPage(key: UiKey) {
  return ({ matches }: { matches: readonly MatchData[] }): MetaDescriptor[] => {
    const locale = localeOf(matches);
    return pageMeta(locale, uiText(locale, key));
  };
}
