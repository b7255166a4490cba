import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { pageCopyPaths } from "./i18n/messages.server";
import { COPY_SCRIPT_ID } from "./i18n";
import { copyAreasOf } from "./i18n/areas";
import { NonceProvider } from "./lib/nonce";
import { NONCE_PLACEHOLDER, rememberRender, rememberedRender, renderDigest, withNonce } from "./lib/render-memo.server";

/**
 * Pages are rendered whole, then sent in one piece: no route defers data or suspends, so a stream
 * would deliver the same bytes later and at a higher CPU cost per page (ADR 009). A route that
 * starts deferring data must bring streaming back here.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const locale = loadContext.ctx.locale;
  const digest = renderDigest({ url: request.url, status: responseStatusCode, locale, handoff: remixContext.serverHandoffString ?? "" });
  let page = rememberedRender(digest);
  if (page === undefined) {
    const markup = renderToString(
      <NonceProvider value={NONCE_PLACEHOLDER}>
        <RemixServer context={remixContext} url={request.url} nonce={NONCE_PLACEHOLDER} />
      </NonceProvider>,
    );
    // The page's copy (the base and the areas its routes declare): loaded early, without holding up the first paint; entry.client.tsx waits for it.
    const matches = remixContext.staticHandlerContext.matches.map((match) => ({ handle: remixContext.routeModules[match.route.id]?.handle }));
    const paths = pageCopyPaths(locale, copyAreasOf(matches));
    const copy = [
      `<script id="${COPY_SCRIPT_ID}" src="${paths.base}" async nonce="${NONCE_PLACEHOLDER}"></script>`,
      ...paths.areas.map(({ area, path }) => `<script data-copy-area="${area}" src="${path}" async nonce="${NONCE_PLACEHOLDER}"></script>`),
    ].join("");
    const headEnd = markup.indexOf("</head>");
    page = `<!DOCTYPE html>${markup.slice(0, headEnd)}${copy}${markup.slice(headEnd)}`;
    rememberRender(digest, page);
  }
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(withNonce(page, loadContext.cspNonce), { headers: responseHeaders, status: responseStatusCode });
}
