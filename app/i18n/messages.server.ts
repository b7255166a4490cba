import type { Locale } from "../../server/i18n/locale";
import type { UiMessages } from ".";
import { en } from "./en";
import { es } from "./es";

const MESSAGES: Record<Locale, UiMessages> = { es, en };

/**
 * The copy of one language, which the root loader sends with the page. The only place the
 * dictionaries are imported as values: `.server` keeps them (both languages, every domain) out of
 * the browser bundle, which only ever needs the language being shown.
 */
export function uiMessages(locale: Locale): UiMessages {
  return MESSAGES[locale];
}
