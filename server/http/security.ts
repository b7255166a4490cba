import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Env } from "../config";
import { translate, type MessageKey } from "../i18n/messages";
import { resolveLocale } from "../i18n/locale";
import { toFetchHeaders } from "./fetch-bridge";

/** A fresh nonce per response lets Remix's inline scripts run under a strict CSP. */
export function securityHeaders(env: Env) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data: https://utfs.io https://*.ufs.sh",
        "connect-src 'self' https://*.uploadthing.com https://*.ingest.uploadthing.com",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (env.NODE_ENV === "production") {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site requests cannot change anything (as lucia-auth.com recommends): every non-GET
 * request whose Sec-Fetch-Site or Origin names another site is refused, before any route runs,
 * so Remix actions, tRPC mutations and uploads share this one check. Clients that send
 * neither header (curl, server-to-server webhooks) carry no victim's browser cookies.
 */
export function rejectCrossSiteMutations(env: Env) {
  const configuredOrigin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const expected = configuredOrigin ?? `${req.protocol}://${req.get("host")}`;
    const crossSite = (site !== undefined && site !== "same-origin" && site !== "none") || (origin !== undefined && origin !== expected);
    if (!crossSite) return next();
    sendHttpError(req, res, 403, "FORBIDDEN", "security.crossSite");
  };
}

/**
 * Bodies are bounded before any handler reads them: the largest legitimate request is an idea
 * with every attachment at its maximum. A body without a declared length (chunked) could not
 * be bounded up front, so mutations must declare one, as browsers always do. A request with
 * neither header has no body at all (RFC 9112 §6.3), like a bare DELETE: routes answer those.
 */
export function limitRequestBodies(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const declared = req.get("content-length");
    const chunked = req.get("transfer-encoding") !== undefined;
    const status = declared === undefined ? (chunked ? 411 : 0) : Number(declared) > maxBytes ? 413 : 0;
    if (!status) return next();
    res.set("Connection", "close");
    if (status === 411) sendHttpError(req, res, 411, "LENGTH_REQUIRED", "request.lengthRequired");
    else sendHttpError(req, res, 413, "PAYLOAD_TOO_LARGE", "request.tooLarge");
  };
}

/**
 * Errors answered by the HTTP layer itself, before tRPC or Remix: in the caller's language,
 * as JSON under /api/ and as plain text for pages.
 */
export function sendHttpError(req: Request, res: Response, status: number, code: string, key: MessageKey) {
  const message = translate(resolveLocale(toFetchHeaders(req)), key);
  res.status(status);
  if (req.path.startsWith("/api/")) res.json({ error: { code, message } });
  else res.type("text/plain; charset=utf-8").send(message);
}

export function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}
