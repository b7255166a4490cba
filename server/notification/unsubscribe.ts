/**
 * One-click unsubscribe links: `/baja/<token>`, where the token names a person and a kind of
 * email, signed with HMAC-SHA256 under the app's secret. No login: whoever holds the link (the
 * mailbox's owner, or their mail provider acting for them, RFC 8058) may stop those emails, and
 * nothing else. A token that was altered in any way is refused.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "../config";
import type { NotificationKind } from "../db/generated/enums";
import { NOTIFICATION_KINDS } from "./schemas";

/** A kind of notification email, or every kind of the daily digest. */
export type UnsubscribeScope = NotificationKind | "DIGEST";

const secrets = new Map<string, string>();

/**
 * APP_SECRET, or a random one kept in <DATA_DIR>/app-secret (created on first use), so links sent
 * yesterday still work after a restart of the same installation.
 */
export function appSecret(env: Pick<Env, "APP_SECRET" | "DATA_DIR">): string {
  if (env.APP_SECRET) return env.APP_SECRET;
  const file = path.join(env.DATA_DIR, "app-secret");
  const cached = secrets.get(file);
  if (cached) return cached;
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    secret = randomBytes(32).toString("hex");
    // "wx": two processes starting together keep the first one's secret.
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    } catch {
      secret = readFileSync(file, "utf8").trim();
    }
  }
  secrets.set(file, secret);
  return secret;
}

function sign(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest();
}

export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  const payload = `${userId}.${scope}`;
  return `${Buffer.from(payload).toString("base64url")}.${sign(secret, payload).toString("base64url")}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The person and scope a token names, or null for anything not signed by us. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0 || token.length > 300) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  // base64url decoding ignores some trailing bits: only the canonical spelling is accepted.
  if (Buffer.from(payload).toString("base64url") !== encoded || given.toString("base64url") !== signature) return null;
  const [userId, scope] = payload.split(".");
  if (!userId || !UUID.test(userId)) return null;
  if (scope !== "DIGEST" && !(NOTIFICATION_KINDS as string[]).includes(scope ?? "")) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
