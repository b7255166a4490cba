import type { UiKey } from "./es";
import { FALLBACK_MESSAGES } from "./fallback";
import type { CopyArea } from "./areas";
import { createTranslator, type Translator } from "../../server/i18n/translate";

import { TIME_ZONE, type Locale } from "../../server/i18n/locale";

export type { Locale, UiKey };
export type { CopyArea } from "./areas";
export type { Translator } from "../../server/i18n/translate";

/** One language's UI copy. */
export type UiMessages = Record<UiKey, string>;

/**
 * The copy each language has here, by part: the base every page needs and the areas of
 * ./areas.ts. The server registers every part of both dictionaries (./messages.server.ts); the
 * browser registers the parts the page was rendered with, which the server links from the page's
 * head as scripts cached under versioned names (entry.server.tsx, routes/copia.$name.ts), and an
 * area's part when it navigates to a page that needs it (./load-area.ts). Changing
 * language reloads the document.
 */
export type CopyPart = "base" | CopyArea;
const registered = new Map<Locale, Map<CopyPart, Readonly<Record<string, string>>>>();

/** The id of the base copy script's element; area scripts carry `data-copy-area`. entry.client.tsx waits for them. */
export const COPY_SCRIPT_ID = "cocrea-copy";

export function registerCopy(locale: Locale, part: CopyPart, messages: Readonly<Record<string, string>>): void {
  let parts = registered.get(locale);
  if (!parts) registered.set(locale, (parts = new Map()));
  parts.set(part, messages);
  for (const key of instances.keys()) if (key.startsWith(`${locale}:`)) instances.delete(key);
}

export function hasCopy(locale: Locale, part: CopyPart): boolean {
  return registered.get(locale)?.has(part) ?? false;
}

/**
 * The base copy of `locale` and the given areas', or, where the base is not registered, the
 * Spanish error-page copy (./fallback.ts). The server answers with exactly the areas a page
 * declares, as the browser will, so a key from an undeclared area shows as the key on both.
 */
function messagesFor(locale: Locale, areas: readonly CopyArea[]): { messages: Readonly<Record<string, string>>; complete: boolean } {
  const parts = registered.get(locale);
  const base = parts?.get("base");
  if (!parts || !base) return { messages: FALLBACK_MESSAGES, complete: false };
  if (areas.length === 0) return { messages: base, complete: true };
  const messages = { ...base };
  let complete = true;
  for (const area of areas) {
    const part = parts.get(area);
    if (part) Object.assign(messages, part);
    else complete = false;
  }
  return { messages, complete };
}

/** One translator per language and set of areas, built when first needed (an incomplete one is not kept: see above). */
const instances = new Map<string, Translator>();

export function translatorFor(locale: Locale, areas: readonly CopyArea[]): Translator {
  const key = `${locale}:${areas.join(",")}`;
  const cached = instances.get(key);
  if (cached) return cached;
  const { messages, complete } = messagesFor(locale, areas);
  const translator = createTranslator(locale, messages);
  if (complete) instances.set(key, translator);
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
