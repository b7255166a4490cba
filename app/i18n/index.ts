import type { UiKey } from "./es";
import { FALLBACK_MESSAGES } from "./fallback";
import { createTranslator, type Translator } from "../../server/i18n/translate";

import { TIME_ZONE, type Locale } from "../../server/i18n/locale";

export type { Locale, UiKey };
export type { Translator } from "../../server/i18n/translate";

/** One language's UI copy. */
export type UiMessages = Record<UiKey, string>;

/**
 * The copy each language has here. The server registers both dictionaries
 * (./messages.server.ts); the browser registers the one language the page was rendered in, which
 * the server links from the page's head as a script cached under a versioned name (entry.server.tsx,
 * routes/copia.$name.ts) rather than into the root loader's data, so client navigations never
 * carry it again. Changing language reloads the document.
 */
const registered = new Map<Locale, UiMessages>();

/** The id of the copy script's element, which entry.client.tsx waits for. */
export const COPY_SCRIPT_ID = "cocrea-copy";

export function registerMessages(locale: Locale, messages: UiMessages): void {
  registered.set(locale, messages);
  instances.delete(locale);
}

/** The copy of `locale`, or, where it is not registered, the Spanish error-page copy (./fallback.ts). */
export function messagesFor(locale: Locale): Partial<UiMessages> {
  return registered.get(locale) ?? FALLBACK_MESSAGES;
}

/** One translator per language, built when first needed (the fallback's is not kept: see above). */
const instances = new Map<Locale, Translator>();

export function translatorFor(locale: Locale): Translator {
  const cached = instances.get(locale);
  if (cached) return cached;
  const translator = createTranslator(locale, messagesFor(locale) as Readonly<Record<string, string>>);
  if (registered.has(locale)) instances.set(locale, translator);
  return translator;
}

const HTML_LANG: Record<Locale, string> = { es: "es-CO", en: "en" };
export const htmlLang = (locale: Locale) => HTML_LANG[locale];

/** Building an Intl formatter costs far more than formatting with one: one per language and style. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(htmlLang(locale), { dateStyle: "long", ...(withTime ? { timeStyle: "short" } : {}), timeZone: TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(value: string | Date, locale: Locale): string {
  return dateFormatter(locale, false).format(new Date(value));
}

/** Date and time, for histories where several things happen on one day. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return dateFormatter(locale, true).format(new Date(value));
}
