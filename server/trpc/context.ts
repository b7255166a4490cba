import type { Env } from "../config";
import type { Db } from "../db/client";
import type { FileService } from "../files/service";
import type { ChangeFeed } from "../live/changes";
import { readCookie, resolveLocale, type Locale } from "../i18n/locale";
import {
  SESSION_COOKIE,
  clearedSessionCookie,
  sessionCookie,
  validateSessionToken,
  type SessionUser,
} from "../auth/session";
import { DEVICE_COOKIE } from "../auth/trusted-device";
import type { Actor } from "../authz/actor";

/** Long-lived dependencies, built once when the server starts (or once per test database). */
export interface Services {
  db: Db;
  env: Env;
  files: FileService;
  /** Changes the live indicators hear (server/live/changes.ts). */
  changes: ChangeFeed;
}

/** What the transport (Express for Remix pages, server/http/trpc-handler.ts for /api/trpc) knows of a request. */
export interface RequestInfo {
  /** A fetch Headers, or node's headers read through server/http/node-headers.ts. */
  headers: { get(name: string): string | null };
  ip: string;
  /** Adds a Set-Cookie header to whatever response this request ends with. */
  setCookie(cookie: string): void;
}

export interface Context extends Services {
  locale: Locale;
  ip: string;
  userAgent: string | null;
  session: { id: string; expiresAt: Date } | null;
  user: SessionUser | null;
  /** The signed-in user as authorization policies see them (server/authz); null when anonymous. */
  actor: Actor | null;
  /** The trusted-device cookie (server/auth/trusted-device.ts), unverified. */
  deviceToken: string | null;
  secureCookies: boolean;
  setCookie(cookie: string): void;
}

export async function createContext(services: Services, request: RequestInfo): Promise<Context> {
  const secureCookies = services.env.NODE_ENV === "production";
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  const session = token ? await validateSessionToken(services.db, token) : null;
  if (token && !session) request.setCookie(clearedSessionCookie(secureCookies));
  if (token && session?.renewed) request.setCookie(sessionCookie(token, session.expiresAt, secureCookies));
  return {
    ...services,
    locale: resolveLocale(request.headers),
    ip: request.ip,
    userAgent: request.headers.get("user-agent"),
    session: session ? { id: session.id, expiresAt: session.expiresAt } : null,
    user: session?.user ?? null,
    actor: session?.actor ?? null,
    deviceToken: readCookie(request.headers.get("cookie"), DEVICE_COOKIE) ?? null,
    secureCookies,
    setCookie: request.setCookie,
  };
}
