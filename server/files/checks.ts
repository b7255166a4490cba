import { createHash } from "node:crypto";
import { fieldError } from "../trpc/errors";
import { ATTACHMENTS_FIELD, tooLargeError } from "./receive";
import { LARGEST_ATTACHMENT_BYTES, MAX_ATTACHMENTS, formatSize, maxBytesFor } from "./rules";
import { sanitizeFileName, sniffAttachmentType, withExtensionFor } from "./sniff";

/**
 * Content checks: the rules of rules.ts applied to what people send. Files arriving as a form
 * are checked while they stream to a scratch (receive.ts); these are the checks for files
 * already in memory or fetched back from UploadThing.
 */

export interface CheckedFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** At least one file and at most MAX_ATTACHMENTS, as an error on the attachments field. */
export function checkAttachmentCount(count: number): void {
  if (count === 0) throw fieldError(ATTACHMENTS_FIELD, "validation.required");
  if (count > MAX_ATTACHMENTS) throw fieldError(ATTACHMENTS_FIELD, "file.tooMany", { max: MAX_ATTACHMENTS });
}

/** The sizes files claim, before a byte is copied: nothing is read when one is plainly too big. */
export function checkClaimedSizes(files: readonly File[]): void {
  for (const file of files) {
    const name = sanitizeFileName(file.name);
    if (file.size === 0) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name });
    if (file.size > LARGEST_ATTACHMENT_BYTES) throw tooLargeError(name, LARGEST_ATTACHMENT_BYTES);
  }
}

/**
 * Empty, real type by magic bytes, the type's size limit. Throws the user-facing error on the
 * attachments field.
 */
export function checkAttachment(rawName: string, bytes: Uint8Array<ArrayBuffer>): CheckedFile {
  const name = sanitizeFileName(rawName);
  if (bytes.length === 0) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name });
  const type = sniffAttachmentType(bytes);
  if (!type) throw fieldError(ATTACHMENTS_FIELD, "file.typeNotAllowed", { name });
  const max = maxBytesFor(type);
  if (bytes.length > max) throw tooLargeError(name, max);
  return {
    name: withExtensionFor(name, type),
    contentType: type.mime,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
  };
}

/**
 * Reads a download into memory and checks it, reading no further than the largest size any
 * type allows (the same too-large error as an upload otherwise).
 */
export async function checkDownloadedAttachment(rawName: string, body: ReadableStream<Uint8Array>): Promise<CheckedFile> {
  const bytes = await readCapped(body, LARGEST_ATTACHMENT_BYTES);
  if (!bytes) {
    throw fieldError(ATTACHMENTS_FIELD, "file.tooLarge", { name: sanitizeFileName(rawName), max: formatSize(LARGEST_ATTACHMENT_BYTES) });
  }
  return checkAttachment(rawName, bytes);
}

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
