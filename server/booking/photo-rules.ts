/** The rules of center and space photos; the browser imports them too (no server-only imports here). */
import { ATTACHMENT_TYPES } from "../files/rules";

/** Enough to show a place; more would turn the page into a gallery nobody scrolls through. */
export const MAX_PHOTOS_PER_PLACE = 6;

/** The images the upload rules accept (server/files/rules.ts: PNG and JPEG, with their size limits). */
export const PHOTO_TYPES = ATTACHMENT_TYPES.filter((type) => type.mime.startsWith("image/"));
export const PHOTO_MIMES: readonly string[] = PHOTO_TYPES.map((type) => type.mime);
