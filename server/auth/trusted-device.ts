import type { Db } from "../db/client";
import { generateSessionToken, sessionIdFromToken } from "./session";

/**
 * OWASP's "device cookie": a browser that has signed in to an account carries a random token
 * (only its SHA-256 is stored), and the per-account sign-in limit does not apply to it. Strangers
 * who exhaust that limit from many addresses therefore cannot lock the owner out of their own
 * browser, while their guesses stay throttled.
 */
export const DEVICE_COOKIE = "cocrea_device";
const DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export async function isTrustedDevice(db: Db, token: string | null, email: string, now = new Date()): Promise<boolean> {
  if (!token || !TOKEN_SHAPE.test(token)) return false;
  const device = await db.trustedDevice.findFirst({
    where: { id: sessionIdFromToken(token), expiresAt: { gt: now }, user: { email } },
    select: { id: true },
  });
  return device !== null;
}

/** Marks this browser as trusted for `userId`; returns the cookie to set, or null when it already is. */
export async function trustDevice(
  db: Db,
  userId: string,
  currentToken: string | null,
  secure: boolean,
  now = new Date(),
): Promise<string | null> {
  if (currentToken && TOKEN_SHAPE.test(currentToken)) {
    const { count } = await db.trustedDevice.updateMany({
      where: { id: sessionIdFromToken(currentToken), userId },
      data: { expiresAt: new Date(now.getTime() + DEVICE_TTL_MS) },
    });
    if (count === 1) return null;
  }
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + DEVICE_TTL_MS);
  await db.trustedDevice.create({ data: { id: sessionIdFromToken(token), userId, expiresAt } });
  return [
    `${DEVICE_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.floor(DEVICE_TTL_MS / 1000)}`,
    secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}
