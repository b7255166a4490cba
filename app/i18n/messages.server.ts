import { createHash } from "node:crypto";
import { LOCALES, type Locale } from "../../server/i18n/locale";
import { registerCopy, type CopyPart, type UiMessages } from ".";
import { COPY_AREAS, copyAreaOfKey, type CopyArea } from "./areas";
import { en } from "./en";
import { es } from "./es";

const MESSAGES: Record<Locale, UiMessages> = { es, en };

/** One language's dictionary cut into its base and its areas (./areas.ts). */
function splitByArea(messages: UiMessages): Record<CopyPart, Record<string, string>> {
  const parts = { base: {} } as Record<CopyPart, Record<string, string>>;
  for (const area of COPY_AREAS) parts[area] = {};
  for (const [key, value] of Object.entries(messages)) parts[copyAreaOfKey(key) ?? "base"][key] = value;
  return parts;
}

const PARTS = Object.fromEntries(LOCALES.map((locale) => [locale, splitByArea(MESSAGES[locale])])) as Record<Locale, Record<CopyPart, Record<string, string>>>;

/**
 * The only place the dictionaries are imported as values: `.server` keeps them (both languages,
 * every domain) out of the browser bundle. Importing this module registers them for rendering.
 */
for (const locale of LOCALES) for (const [part, messages] of Object.entries(PARTS[locale])) registerCopy(locale, part as CopyPart, messages);

export function uiMessages(locale: Locale): UiMessages {
  return MESSAGES[locale];
}

interface CopyScript {
  source: string;
  path: string;
}

// `<` escaped so no message can close the script element; built once per language and part, not per page.
const scripts = new Map<string, CopyScript>();
const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

function versioned(locale: Locale, part: CopyPart, source: string): CopyScript {
  const version = createHash("sha256").update(source).digest("hex").slice(0, 12);
  const name = part === "base" ? `${locale}.${version}` : `${locale}.${part}.${version}`;
  return { source, path: `/copia/${name}.js` };
}

function copyScript(locale: Locale, part: CopyPart): CopyScript {
  const cacheKey = `${locale}:${part}`;
  let script = scripts.get(cacheKey);
  if (!script) {
    // The base names where each area's script is, so the browser can load an area when it navigates to a page needing it.
    const source =
      part === "base"
        ? `window.__cocreaCopy=${json({ locale, messages: PARTS[locale].base, areas: Object.fromEntries(COPY_AREAS.map((area) => [area, copyScript(locale, area).path])) })};`
        : `(window.__cocreaCopyAreas=window.__cocreaCopyAreas||{})[${json(part)}]=${json(PARTS[locale][part])};`;
    scripts.set(cacheKey, (script = versioned(locale, part, source)));
  }
  return script;
}

/** The script that hands the browser a part of the copy of the page's language (read by entry.client.tsx). */
export function pageCopyScript(locale: Locale, part: CopyPart = "base"): string {
  return copyScript(locale, part).source;
}

/**
 * Where a page loads its copy from: the base and the areas it declares, under names that change
 * with the copy, so browsers keep them for a year and each page carries links instead of text.
 */
export function pageCopyPaths(locale: Locale, areas: readonly CopyArea[]): { base: string; areas: { area: CopyArea; path: string }[] } {
  return { base: copyScript(locale, "base").path, areas: areas.map((area) => ({ area, path: copyScript(locale, area).path })) };
}

/** The copy script a path names (its current version), or null: an old version is answered, uncached, with the current one. */
export function copyScriptAt(name: string): { source: string; current: boolean } | null {
  const match = /^([a-z]{2})(?:\.([a-z]+))?\.([0-9a-f]{12})\.js$/.exec(name);
  const locale = LOCALES.find((candidate) => candidate === match?.[1]);
  const part: CopyPart | undefined = match?.[2] === undefined ? "base" : COPY_AREAS.find((area) => area === match[2]);
  if (!match || !locale || !part) return null;
  const script = copyScript(locale, part);
  return { source: script.source, current: script.path.endsWith(`/${name}`) };
}
