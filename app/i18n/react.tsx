import { createContext, useContext, type ReactNode } from "react";
import type { Translator } from "../../server/i18n/translate";

const TranslatorContext = createContext<Translator | null>(null);

export function TranslatorProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

/** `const { t, i18n } = useTranslation()`: `i18n.language` is the page's language. */
export function useTranslation(): { t: Translator["t"]; i18n: Translator } {
  const translator = useContext(TranslatorContext);
  if (!translator) throw new Error("useTranslation outside TranslatorProvider (app/root.tsx provides it)");
  return { t: translator.t, i18n: translator };
}
