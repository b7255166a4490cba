/**
 * THE definition of what may be attached to an idea. The content checks (server/files/receive.ts
 * and checks.ts) and the UploadThing file route (server/files/uploadthing-route.ts)
 * are both derived from this table; the browser may import it too (no server-only imports here).
 *
 * Sizes use the unit UploadThing uses: 1 MB = 1024 × 1024 bytes, so "10MB" means the same
 * number of bytes on both paths.
 */

export const MEGABYTE = 1024 * 1024;

export const ATTACHMENT_TYPES = [
  { mime: "application/pdf", label: "PDF", extensions: [".pdf"], maxMegabytes: 10 },
  { mime: "image/png", label: "PNG", extensions: [".png"], maxMegabytes: 5 },
  { mime: "image/jpeg", label: "JPEG", extensions: [".jpg", ".jpeg"], maxMegabytes: 5 },
] as const;

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export type AttachmentMime = AttachmentType["mime"];

/** Files per upload request, and per idea (the idea service enforces the latter when attaching). */
export const MAX_ATTACHMENTS = 5;

export function maxBytesFor(type: AttachmentType): number {
  return type.maxMegabytes * MEGABYTE;
}

/** The largest size any allowed type may have: files above it are refused before being read. */
export const LARGEST_ATTACHMENT_BYTES = Math.max(...ATTACHMENT_TYPES.map(maxBytesFor));

/**
 * Largest multipart body an upload request may need: every file at the largest size plus
 * 1 MB for the multipart framing and other form fields. Meant for the HTTP body limit.
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_ATTACHMENTS * LARGEST_ATTACHMENT_BYTES + MEGABYTE;

/** For `<input type="file" accept=...>`. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((type) => [type.mime, ...type.extensions]).join(",");

/** "10 MB", "512 KB", "1,5 MB" (es) / "1.5 MB" (en): sizes as people read them in messages. */
export function formatSize(bytes: number, locale = "es"): string {
  const units = [
    { unit: "GB", size: MEGABYTE * 1024 },
    { unit: "MB", size: MEGABYTE },
    { unit: "KB", size: 1024 },
  ];
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  for (const { unit, size } of units) {
    if (bytes >= size) return `${number(bytes / size)} ${unit}`;
  }
  return `${number(bytes)} B`;
}
