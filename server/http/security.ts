import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { Env } from "../config";
import { translate, type MessageKey } from "../i18n/messages";
import { resolveLocale } from "../i18n/locale";
import { nodeHeaders } from "./node-headers";

/** script-src carries a nonce on pages (Remix's inline scripts); elsewhere no inline script may run at all. */
export function contentSecurityPolicy(nonce: string | null): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https://utfs.io https://*.ufs.sh",
    "connect-src 'self' https://*.uploadthing.com https://*.ingest.uploadthing.com",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Every header of securityHeaders except the Content-Security-Policy. */
export function fixedSecurityHeaders(env: Env): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ...(env.NODE_ENV === "production" ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]] : []),
  ];
}

/** A fresh nonce per response lets Remix's inline scripts run under a strict CSP. */
export function securityHeaders(env: Env) {
  const fixed = fixedSecurityHeaders(env);
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce));
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string | undefined): boolean {
  return SAFE_METHODS.has(method ?? "GET");
}

/** How the request reached us: Express's req.protocol, computed the same way for the node:http path. */
export function requestProtocol(req: IncomingMessage, trustProxy: boolean): string {
  const own = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  if (!trustProxy) return own;
  const forwarded = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || own;
}

/**
 * The caller's address: the socket's, or behind one trusted proxy (TRUST_PROXY) the last
 * X-Forwarded-For hop, as Express computes req.ip with `trust proxy` 1.
 */
export function requestIp(req: IncomingMessage, trustProxy: boolean): string {
  let ip = req.socket.remoteAddress;
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((hop) => hop.trim()).filter(Boolean);
    ip = hops.at(-1) ?? ip;
  }
  return (ip ?? "unknown").replace(/^::ffff:/, "");
}

/**
 * Cross-site requests cannot change anything (as lucia-auth.com recommends): every non-GET
 * request whose Sec-Fetch-Site or Origin names another site is refused, before any route runs,
 * so Remix actions, tRPC mutations and uploads share this one check. Clients that send
 * neither header (curl, server-to-server webhooks) carry no victim's browser cookies.
 */
export function isCrossSiteMutation(env: Env, req: IncomingMessage, protocol: string): boolean {
  if (isSafeMethod(req.method)) return false;
  const configuredOrigin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : null;
  const site = header(req, "sec-fetch-site");
  const origin = header(req, "origin");
  const expected = configuredOrigin ?? `${protocol}://${header(req, "host")}`;
  return (site !== undefined && site !== "same-origin" && site !== "none") || (origin !== undefined && origin !== expected);
}

export function rejectCrossSiteMutations(env: Env) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isCrossSiteMutation(env, req, req.protocol)) return next();
    sendHttpError(req, res, 403, "FORBIDDEN", "security.crossSite");
  };
}

/**
 * Bodies are bounded before any handler reads them: the largest legitimate request is an idea
 * with every attachment at its maximum. A body without a declared length (chunked) could not
 * be bounded up front, so mutations must declare one, as browsers always do. A request with
 * neither header has no body at all (RFC 9112 §6.3), like a bare DELETE: routes answer those.
 * Returns the refusal's status (411 or 413), or 0 when the body may be read.
 */
export function bodyRefusal(req: IncomingMessage, maxBytes: number): 0 | 411 | 413 {
  if (isSafeMethod(req.method)) return 0;
  const declared = header(req, "content-length");
  const chunked = header(req, "transfer-encoding") !== undefined;
  return declared === undefined ? (chunked ? 411 : 0) : Number(declared) > maxBytes ? 413 : 0;
}

export function limitRequestBodies(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const status = bodyRefusal(req, maxBytes);
    if (!status) return next();
    res.set("Connection", "close");
    if (status === 411) sendHttpError(req, res, 411, "LENGTH_REQUIRED", "request.lengthRequired");
    else sendHttpError(req, res, 413, "PAYLOAD_TOO_LARGE", "request.tooLarge");
  };
}

/** What each refusal of the HTTP layer answers. */
export const REFUSALS = {
  403: { code: "FORBIDDEN", key: "security.crossSite" },
  411: { code: "LENGTH_REQUIRED", key: "request.lengthRequired" },
  413: { code: "PAYLOAD_TOO_LARGE", key: "request.tooLarge" },
} as const satisfies Record<number, { code: string; key: MessageKey }>;

/** The caller's language for messages of the HTTP layer itself. */
export function httpErrorMessage(req: IncomingMessage, key: MessageKey): string {
  return translate(resolveLocale(nodeHeaders(req)), key);
}

/** The JSON body of an error answered under /api/ by the HTTP layer itself. */
export function httpErrorJson(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * Errors answered by the HTTP layer itself, before tRPC or Remix: in the caller's language,
 * as JSON under /api/ and as plain text for pages.
 */
export function sendHttpError(req: Request, res: Response, status: number, code: string, key: MessageKey) {
  const message = httpErrorMessage(req, key);
  res.status(status);
  if (req.path.startsWith("/api/")) res.json({ error: { code, message } });
  else res.type("text/plain; charset=utf-8").send(message);
}

export function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

