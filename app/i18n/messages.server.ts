import type { Locale } from "../../server/i18n/locale";
import { registerMessages, type UiMessages } from ".";
import { en } from "./en";
import { es } from "./es";

const MESSAGES: Record<Locale, UiMessages> = { es, en };

/**
 * The only place the dictionaries are imported as values: `.server` keeps them (both languages,
 * every domain) out of the browser bundle. Importing this module registers them for rendering.
 */
for (const [locale, messages] of Object.entries(MESSAGES) as [Locale, UiMessages][]) registerMessages(locale, messages);

export function uiMessages(locale: Locale): UiMessages {
  return MESSAGES[locale];
}

// `<` escaped so no message can close the script element; built once per language, not per page.
const scripts = new Map<Locale, string>();

/** The inline script that hands the browser the copy of the page's language (window.__cocreaCopy, read by entry.client.tsx). */
export function pageCopyScript(locale: Locale): string {
  let script = scripts.get(locale);
  if (!script) {
    script = `window.__cocreaCopy=${JSON.stringify({ locale, messages: MESSAGES[locale] }).replace(/</g, "\\u003c")};`;
    scripts.set(locale, script);
  }
  return script;
}
