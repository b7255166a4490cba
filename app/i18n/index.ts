import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { es } from "./es";

import { TIME_ZONE, type Locale } from "../../server/i18n/locale";

export type { Locale };

/**
 * One i18next instance per render (server) or per page load (browser): a shared instance
 * would leak one request's language into another's on the server.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: locale,
    fallbackLng: "es",
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
