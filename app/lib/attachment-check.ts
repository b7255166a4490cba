/**
 * The attachment rules, checked in the browser on what each file declares (name, size, type)
 * before anything is sent: an 11 MB PDF is refused at once instead of after its upload. The
 * server checks again on the bytes; the rules (server/files/rules.ts) and the sentences
 * (server/i18n/file-check-messages.ts, part of the page's UI copy) are the server's own, so both
 * sides say the same thing.
 */
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, formatSize, maxBytesFor, type AttachmentType } from "../../server/files/rules";
import { isLocale, type Locale } from "../../server/i18n/locale";
import type { Translator } from "../../server/i18n/translate";

export interface DeclaredFile {
  name: string;
  size: number;
  /** The browser's guess from the extension; may be empty. */
  type: string;
}

function declaredType(file: DeclaredFile): AttachmentType | undefined {
  const byMime = ATTACHMENT_TYPES.find((type) => type.mime === file.type);
  if (byMime) return byMime;
  if (file.type) return undefined;
  const name = file.name.toLowerCase();
  return ATTACHMENT_TYPES.find((type) => type.extensions.some((extension) => name.endsWith(extension)));
}

/** The first problem with the chosen files, as the sentence the server would answer, or null. */
export function attachmentProblem(files: readonly DeclaredFile[], { t, language }: Pick<Translator, "t" | "language">): string | null {
  const locale: Locale = isLocale(language) ? language : "es";
  if (files.length > MAX_ATTACHMENTS) return t("file.tooMany", { max: MAX_ATTACHMENTS });
  for (const file of files) {
    const type = declaredType(file);
    if (!type) return t("file.typeNotAllowed", { name: file.name });
    if (file.size === 0) return t("file.empty", { name: file.name });
    const max = maxBytesFor(type);
    if (file.size > max) return t("file.tooLarge", { name: file.name, max: formatSize(max, locale) });
  }
  return null;
}
