import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { pageCopyScript } from "./i18n/messages.server";
import { NonceProvider } from "./lib/nonce";

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
  const nonce = loadContext.cspNonce;
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  // The page's copy goes in the head, before any module script can run (app/i18n/index.ts).
  const copy = `<script nonce="${nonce}">${pageCopyScript(loadContext.ctx.locale)}</script>`;
  const headEnd = markup.indexOf("</head>");
  const html = `<!DOCTYPE html>${markup.slice(0, headEnd)}${copy}${markup.slice(headEnd)}`;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { headers: responseHeaders, status: responseStatusCode });
}
