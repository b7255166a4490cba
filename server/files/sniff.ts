import { ATTACHMENT_TYPES, type AttachmentType } from "./rules";

/**
 * The real type of a file, read from its first bytes. What the browser claims (the name's
 * extension, the multipart Content-Type) is never trusted: a text file renamed "informe.pdf"
 * is not a PDF.
 */
const SIGNATURES: ReadonlyArray<{ mime: AttachmentType["mime"]; magic: readonly number[] }> = [
  { mime: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/** The allowed type whose signature the content starts with, or null. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  for (const { mime, magic } of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) {
      return ATTACHMENT_TYPES.find((type) => type.mime === mime) ?? null;
    }
  }
  return null;
}

/** Longest name kept (in characters), the StoredFile.name column's size. */
export const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_NAME = "archivo";

/**
 * A file name safe to store and to send back in Content-Disposition: no folders (either kind of
 * slash), no control or invisible formatting characters (including right-to-left overrides that
 * disguise extensions), no characters Windows refuses, no leading dots, at most 200 characters
 * with the extension kept. Accents and other letters are kept (NFC-composed).
 */
export function sanitizeFileName(raw: string): string {
  let name = raw.normalize("NFC").replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "");
  name = name.split(/[/\\]/).pop() ?? "";
  name = name
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/gu, " ")
    .replace(/^[\s.]+/u, "")
    .replace(/[\s.]+$/u, "");
  if (name === "") return FALLBACK_NAME;
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    const base = chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join("").trimEnd();
    return base + extension.join("");
  }
  return chars.slice(0, MAX_FILE_NAME_LENGTH).join("").trimEnd();
}

/**
 * The name with an extension matching the detected type: "foto" or "foto.pdf" holding a PNG
 * becomes "foto.png" / "foto.pdf.png", so the download opens with the right program.
 */
export function withExtensionFor(name: string, type: AttachmentType): string {
  const lower = name.toLowerCase();
  if (type.extensions.some((extension) => lower.endsWith(extension))) return name;
  return appendExtension(name, type.extensions[0]);
}

function appendExtension(name: string, extension: string): string {
  const chars = Array.from(name);
  const room = MAX_FILE_NAME_LENGTH - extension.length;
  return (chars.length > room ? chars.slice(0, room).join("") : name) + extension;
}
