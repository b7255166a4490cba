import { createHash } from "node:crypto";
import { LOCALES, type Locale } from "../../server/i18n/locale";
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
const scripts = new Map<Locale, { source: string; path: string }>();

function copyScript(locale: Locale) {
  let script = scripts.get(locale);
  if (!script) {
    const source = `window.__cocreaCopy=${JSON.stringify({ locale, messages: MESSAGES[locale] }).replace(/</g, "\\u003c")};`;
    const version = createHash("sha256").update(source).digest("hex").slice(0, 12);
    scripts.set(locale, (script = { source, path: `/copia/${locale}.${version}.js` }));
  }
  return script;
}

/** The script that hands the browser the copy of the page's language (window.__cocreaCopy, read by entry.client.tsx). */
export function pageCopyScript(locale: Locale): string {
  return copyScript(locale).source;
}

/**
 * Where pages load that script from: a name that changes with the copy, so browsers keep it for a
 * year and each page carries a link instead of ~20 KB of text.
 */
export function pageCopyPath(locale: Locale): string {
  return copyScript(locale).path;
}

/** The copy script a path names (its current version), or null: an old version is answered, uncached, with the current one. */
export function copyScriptAt(name: string): { source: string; current: boolean } | null {
  const match = /^([a-z]{2})\.([0-9a-f]{12})\.js$/.exec(name);
  const locale = LOCALES.find((candidate) => candidate === match?.[1]);
  if (!match || !locale) return null;
  const script = copyScript(locale);
  return { source: script.source, current: script.path.endsWith(`/${name}`) };
}
