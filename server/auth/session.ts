import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { Prisma, queryRows, type Db } from "../db/client";
import type { MembershipRole, Role } from "../db/generated/enums";
import { actorFrom, type Actor } from "../authz/actor";

/** Sessions as lucia-auth.com describes them: the cookie holds a random token, the table its hash. */
export const SESSION_COOKIE = "cocrea_session";
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY_MS;
/** A session used in its last 15 days is pushed back to a full 30 (sliding expiry). */
const RENEW_WITHIN_MS = 15 * DAY_MS;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
}

export interface ValidatedSession {
  id: string;
  expiresAt: Date;
  /** True when this request moved the expiry, so the cookie must be sent again. */
  renewed: boolean;
  user: SessionUser;
  /** The user as policies see them, memberships included (server/authz). */
  actor: Actor;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  db: Db,
  userId: string,
  meta: { userAgent?: string | null; ip?: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ip?.slice(0, 64) ?? null,
    },
  });
  return { token, expiresAt };
}

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

interface SessionRow {
  id: string;
  expiresAt: Date;
  user: SessionUser;
  memberships: { organizationId: string; role: MembershipRole }[];
}

export async function validateSessionToken(db: Db, token: string, now = new Date()): Promise<ValidatedSession | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const id = sessionIdFromToken(token);
  // One statement for every request: the session, its user and the user's memberships.
  const [row] = await queryRows<SessionRow>(db, Prisma.sql`
    SELECT s."id", s."expiresAt",
           json_build_object('id', u."id", 'email', u."email", 'name', u."name", 'role', u."role", 'locale', u."locale") AS "user",
           COALESCE((SELECT json_agg(json_build_object('organizationId', m."organizationId", 'role', m."role"))
                       FROM "Membership" m WHERE m."userId" = u."id"), '[]'::json) AS "memberships"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."id" = ${id}`);
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db.session.update({ where: { id }, data: { expiresAt } });
    renewed = true;
  }
  return { id: row.id, expiresAt, renewed, user: row.user, actor: actorFrom({ ...row.user, memberships: row.memberships }) };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    `Expires=${expiresAt.toUTCString()}`,
    secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", secure ? "Secure" : ""]
    .filter(Boolean)
    .join("; ");
}
