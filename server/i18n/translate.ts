import type { Locale } from "./locale";

export type TranslateParams = Record<string, unknown>;

/** What components translate with: `t(key, params)`, the language, and whether a key exists. */
export interface Translator {
  language: Locale;
  t: (key: string, params?: TranslateParams) => string;
  exists: (key: string) => boolean;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const NESTED = /\$t\(([\w.]+)\)/g;

/**
 * The translate function of the UI copy and of the API's messages. The copy uses three things
 * only: `{{name}}` placeholders (inserted as they are: React escapes text), plural forms chosen by
 * `count` (`key_one`, `key_other`, by the language's plural rules) and, in API messages, another
 * message nested as `$t(key)` after placeholders are filled (`$t(ideaStatus.{{status}})`). This
 * does exactly that; i18next did it at many times the cost per page and the bytes in the browser
 * (ADR 009). A missing key shows as the key, so a gap is visible rather than blank.
 */
export function createTranslator(language: Locale, messages: Readonly<Record<string, string>>): Translator {
  const plurals = new Intl.PluralRules(language);
  const lookup = (key: string, count: unknown): string | undefined => {
    if (typeof count === "number") {
      const form = messages[`${key}_${plurals.select(count)}`] ?? messages[`${key}_other`];
      if (form !== undefined) return form;
    }
    return messages[key];
  };
  return {
    language,
    t(key, params) {
      const template = lookup(key, params?.count);
      if (template === undefined) return key;
      const filled =
        params && template.includes("{{")
          ? template.replace(PLACEHOLDER, (whole, name: string) => {
              const value = params[name];
              return value === undefined || value === null ? whole : String(value);
            })
          : template;
      return filled.includes("$t(") ? filled.replace(NESTED, (whole, nested: string) => messages[nested] ?? whole) : filled;
    },
    exists: (key) => messages[key] !== undefined || messages[`${key}_other`] !== undefined,
  };
}
