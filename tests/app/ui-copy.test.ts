/**
 * The UI copy: one file per domain and language, composed into one dictionary per language that
 * only the server imports (app/i18n/messages.server.ts). Each page links the copy of the language
 * it is shown in (a cached script, routes/copia.$name.ts), so no dictionary text may be in the JavaScript the
 * browser downloads, except the Spanish error-page fallback (app/i18n/fallback.ts).
 */
import { IdeaStatus } from "../../server/db/generated/enums";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { es } from "../../app/i18n/es";
import { FALLBACK_MESSAGES } from "../../app/i18n/fallback";
import { pageCopyPaths, pageCopyScript, uiMessages } from "../../app/i18n/messages.server";
import { COPY_AREAS, copyAreaOfKey } from "../../app/i18n/areas";
import { LOCALES } from "../../server/i18n/locale";
import { translate } from "../../server/i18n/messages";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BROWSER_BUILD = path.join(ROOT, "public", "build");

/** Each domain file of a language, by name, with the keys it defines. */
async function domainsOf(language: "es" | "en"): Promise<Map<string, string[]>> {
  const dir = path.join(ROOT, "app", "i18n", language);
  const domains = new Map<string, string[]>();
  for (const file of (await readdir(dir)).filter((name) => name.endsWith(".ts") && name !== "index.ts").sort()) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, Record<string, string>>;
    domains.set(file, Object.values(module).flatMap((copy) => Object.keys(copy)));
  }
  return domains;
}

async function scripts(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return scripts(full);
      return entry.name.endsWith(".js") ? [full] : [];
    }),
  );
  return nested.flat();
}

/** A text as esbuild writes it in a minified script: a double-quoted literal, non-ASCII letters escaped. */
function scriptLiteral(text: string): string {
  return JSON.stringify(text).replace(/[^\x00-\x7f]/g, (char) => {
    const code = char.charCodeAt(0).toString(16).toUpperCase();
    return code.length <= 2 ? `\\x${code.padStart(2, "0")}` : `\\u${code.padStart(4, "0")}`;
  });
}

describe("UI copy dictionaries", () => {
  it("every domain file is composed into its language's dictionary, and no key is in two domains", async () => {
    for (const [language, dictionary] of [["es", es], ["en", en]] as const) {
      const domains = await domainsOf(language);
      const keys = [...domains.values()].flat();
      expect(new Set(keys).size, `${language}: a key defined in two domains`).toBe(keys.length);
      expect(keys.sort(), `${language}: a domain file missing from ${language}/index.ts`).toEqual(Object.keys(dictionary).sort());
    }
    expect([...(await domainsOf("en")).keys()]).toEqual([...(await domainsOf("es")).keys()]);
  });

  it("English has exactly the Spanish keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(es).sort());
    expect(Object.entries({ ...es, ...en }).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it("the server gives each language its own copy; the fallback is Spanish error copy", () => {
    expect(uiMessages("es")["nav.skip"]).toBe("Saltar al contenido");
    expect(uiMessages("en")["nav.skip"]).toBe("Skip to content");
    expect(uiMessages("en")["error.goHome"]).toBe("Go to home");
    for (const [key, text] of Object.entries(FALLBACK_MESSAGES)) expect(es[key as keyof typeof es]).toBe(text);
    expect(FALLBACK_MESSAGES["error.goHome"]).toBe("Ir al inicio");
  });
});

const IDEA_STATUSES = Object.values(IdeaStatus);

describe("the page's copy scripts", () => {
  it("hold exactly the page's language, split into the base and its areas, and no message can close the script element", () => {
    for (const locale of LOCALES) {
      const base = pageCopyScript(locale);
      expect(base).not.toContain("<");
      const copy = JSON.parse(base.slice("window.__cocreaCopy=".length, -1)) as { locale: string; messages: Record<string, string>; areas: Record<string, string> };
      expect(copy.locale).toBe(locale);
      expect(Object.keys(copy.areas)).toEqual([...COPY_AREAS]);
      const window = { __cocreaCopy: copy } as { __cocreaCopy: typeof copy; __cocreaCopyAreas?: Record<string, Record<string, string>> };
      for (const area of COPY_AREAS) {
        const script = pageCopyScript(locale, area);
        expect(script).not.toContain("<");
        expect(copy.areas[area]).toBe(pageCopyPaths(locale, [area]).areas[0]!.path);
        new Function("window", script)(window);
        // The work tools' words stay out of the base every citizen downloads.
        expect(Object.keys(copy.messages).filter((key) => copyAreaOfKey(key) === area)).toEqual([]);
      }
      expect({ ...copy.messages, ...Object.assign({}, ...Object.values(window.__cocreaCopyAreas ?? {})) }).toEqual(uiMessages(locale));
    }
  });
});

describe("the browser bundle", () => {
  it("carries neither dictionary, only the Spanish error-page fallback", async () => {
    expect(existsSync(BROWSER_BUILD), "public/build is missing: run `npm run build` first").toBe(true);
    const bundle = (await Promise.all((await scripts(BROWSER_BUILD)).map((file) => readFile(file, "utf8")))).join("\n");
    const fallbackTexts = new Set<string>(Object.values(FALLBACK_MESSAGES));
    // The same sentence is the server's own "server.internal" message, which /ideas/nueva bundles
    // with the rest of the server's messages for its attachment check (app/lib/attachment-check.ts).
    // Likewise the idea states' names, which the server's lifecycle messages nest ("Una idea «En revisión»…").
    const serverMessages = new Set([
      ...LOCALES.map((locale) => translate(locale, "server.internal")),
      ...LOCALES.flatMap((locale) => IDEA_STATUSES.map((status) => translate(locale, `ideaStatus.${status}`))),
    ]);

    // The search must find copy that is there, or finding nothing would prove nothing.
    for (const text of fallbackTexts) expect(bundle, `fallback «${text}» not found: the search is broken`).toContain(scriptLiteral(text));

    const leaked: string[] = [];
    let searched = 0;
    for (const [language, dictionary] of [["es", es], ["en", en]] as const) {
      for (const [key, text] of Object.entries(dictionary)) {
        // A single word ("Home", "required", "ICT") is also an identifier or an enum value in code.
        if (!text.includes(" ") || fallbackTexts.has(text) || serverMessages.has(text)) continue;
        searched++;
        if (bundle.includes(scriptLiteral(text))) leaked.push(`${language} ${key}: «${text}»`);
      }
    }
    expect(searched).toBeGreaterThan(Object.keys(es).length);
    expect(leaked).toEqual([]);
  });
});
