/**
 * Page titles and description in the visitor's language. `meta` runs outside React (no
 * useTranslation), on the server and in the browser, so the language and its copy come from the
 * root loader's data, which every match carries.
 */
import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { createI18n, type Locale, type UiKey, type UiMessages } from "../i18n";
import { FALLBACK_MESSAGES } from "../i18n/fallback";
import { DEFAULT_LOCALE, isLocale } from "../../server/i18n/locale";

interface MatchData {
  id: string;
  data?: unknown;
}

interface RootCopy {
  locale: Locale;
  messages: Partial<UiMessages>;
}

/** The request's language and copy, as the root loader sent them; Spanish fallback copy when the root has no data (its own error). */
export function rootCopy(matches: readonly MatchData[]): RootCopy {
  const data = matches.find((match) => match.id === "root")?.data as { locale?: unknown; messages?: unknown } | undefined;
  if (isLocale(data?.locale) && typeof data.messages === "object" && data.messages !== null) {
    return { locale: data.locale, messages: data.messages as UiMessages };
  }
  return { locale: DEFAULT_LOCALE, messages: FALLBACK_MESSAGES };
}

// Keyed by the messages object: in the browser it stays the same until the root loader runs again.
const translators = new WeakMap<object, TFunction>();

function translator({ locale, messages }: RootCopy): (key: UiKey, params?: Record<string, string>) => string {
  let t = translators.get(messages);
  if (!t) {
    t = createI18n(locale, messages).getFixedT(locale);
    translators.set(messages, t);
  }
  return t;
}

/**
 * Title and description of a page. Remix v2 uses only the deepest route's `meta`, so each page
 * repeats the description rather than losing it.
 */
export function pageMeta(matches: readonly MatchData[], page?: string): MetaDescriptor[] {
  const t = translator(rootCopy(matches));
  return [
    { title: page ? t("meta.pageTitle", { page }) : t("meta.homeTitle") },
    { name: "description", content: t("meta.description") },
  ];
}

/** `meta` for a page titled by one UI copy key: `export const meta = titledPage("nav.ideas")`. */
export function titledPage(key: UiKey) {
  return ({ matches }: { matches: readonly MatchData[] }): MetaDescriptor[] => pageMeta(matches, translator(rootCopy(matches))(key));
}
