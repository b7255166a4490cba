import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/**
 * The confirmation a page shows after a form sent the person back with `?hecho=<word>` (or another
 * parameter): the copy `<prefix><word>`, or `<prefix><words[word]>` where the page maps its Spanish
 * address words to keys. An unknown word (a hand-edited address) shows nothing.
 */
export function DoneNotice({ prefix, param = "hecho", words }: { prefix: string; param?: string; words?: Readonly<Record<string, string>> }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const word = params.get(param);
  if (word === null) return null;
  const suffix = words ? (Object.hasOwn(words, word) ? words[word] : undefined) : word;
  const key = suffix === undefined ? null : `${prefix}${suffix}`;
  if (!key || !i18n.exists(key)) return null;
  return (
    <p className="notice" role="status">
      {t(key)}
    </p>
  );
}
