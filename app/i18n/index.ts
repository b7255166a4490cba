import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { UiKey } from "./es";

import { TIME_ZONE, type Locale } from "../../server/i18n/locale";

export type { Locale, UiKey };

/** One language's UI copy, as app/i18n/messages.server.ts gives it and the root loader sends it. */
export type UiMessages = Record<UiKey, string>;

/**
 * One i18next instance per render (server) or per page load (browser): a shared instance
 * would leak one request's language into another's on the server. `messages` are the language's
 * copy from the root loader (partial only for the error page's fallback); a missing key shows as
 * the key.
 */
export function createI18n(locale: Locale, messages: Partial<UiMessages>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { [locale]: { translation: messages } },
    lng: locale,
    // Nothing to fall back to: the page has only its own language's copy.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

const HTML_LANG: Record<Locale, string> = { es: "es-CO", en: "en" };
export const htmlLang = (locale: Locale) => HTML_LANG[locale];

export function formatDate(value: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(htmlLang(locale), { dateStyle: "long", timeZone: TIME_ZONE }).format(new Date(value));
}

/** Date and time, for histories where several things happen on one day. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(htmlLang(locale), { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(value));
}
