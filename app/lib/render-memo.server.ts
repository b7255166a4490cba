import { createHash, randomBytes } from "node:crypto";

/**
 * Rendering is a pure function of what the loaders returned, the URL, the status and the language
 * (every component reads time and the user from loader data, never from the clock or the request),
 * so a page whose loaders returned the same data as a moment ago renders to the same HTML. This
 * keeps the last renders by a digest of those inputs: the loaders still run on every request, so a
 * change shows at once; only the React render of identical input is skipped (ADR 009).
 *
 * The CSP nonce differs per response: pages are rendered with a placeholder that is replaced.
 */
export const NONCE_PLACEHOLDER = `nonce-${randomBytes(12).toString("hex")}`;

const MAX_ENTRIES = 200;
const renders = new Map<string, string>();

export function renderDigest(parts: { url: string; status: number; locale: string; handoff: string }): string {
  return createHash("sha1").update(`${parts.status}\0${parts.locale}\0${parts.url}\0`).update(parts.handoff).digest("base64");
}

export function rememberedRender(digest: string): string | undefined {
  const html = renders.get(digest);
  if (html !== undefined) {
    // Most recently used last: the Map's order is the eviction order.
    renders.delete(digest);
    renders.set(digest, html);
  }
  return html;
}

export function rememberRender(digest: string, html: string): void {
  renders.set(digest, html);
  if (renders.size > MAX_ENTRIES) renders.delete(renders.keys().next().value!);
}

export function withNonce(html: string, nonce: string): string {
  return html.replaceAll(NONCE_PLACEHOLDER, nonce);
}
