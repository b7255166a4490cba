import { mkdtemp } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import os from "node:os";
import path from "node:path";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";
import { hashPassword } from "../../server/auth/password";
import { loadEnv } from "../../server/config";
import type { Db } from "../../server/db/client";
import { Role } from "../../server/db/generated/enums";
import { createCaller } from "../../server/router";
import { createServices } from "../../server/services";
import { createContext, type Services } from "../../server/trpc/context";
import { createTestDatabase, type TestDatabase } from "./database";

export type { Role };
export const ROLES = Object.values(Role);

export async function createTestServices(db: Db, env: Record<string, string> = {}): Promise<Services> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cocrea-test-"));
  return createServices(loadEnv({ NODE_ENV: "test", DATA_DIR: dataDir, ...env }), db);
}

/**
 * A database of this test file's own and the services over it, created before its tests and
 * dropped after them. Read `suite.db` / `suite.services` inside tests (they exist from beforeAll).
 */
export function useTestServices(env: Record<string, string> = {}) {
  const suite = {} as { database: TestDatabase; db: Db; services: Services };
  beforeAll(async () => {
    suite.database = await createTestDatabase();
    suite.db = suite.database.db;
    suite.services = await createTestServices(suite.db, env);
  });
  afterAll(() => suite.database?.drop());
  return suite;
}

export interface CallOptions {
  cookie?: string;
  locale?: "es" | "en";
  ip?: string;
}

/** A caller exactly as a request would get one, plus the cookies the procedures set. */
export async function callerFor(services: Services, options: CallOptions = {}) {
  const setCookies: string[] = [];
  const headers = new Headers({ "accept-language": options.locale ?? "es", "user-agent": "vitest" });
  if (options.cookie) headers.set("cookie", options.cookie);
  const ctx = await createContext(services, { headers, ip: options.ip ?? "203.0.113.7", setCookie: (c) => setCookies.push(c) });
  return { caller: createCaller(ctx), ctx, setCookies };
}

let counter = 0;

export async function createUser(db: Db, role: Role, overrides: { email?: string; name?: string } = {}) {
  counter += 1;
  return db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${counter}-${Date.now()}@example.co`,
      name: overrides.name ?? `Usuaria ${role} ${counter}`,
      role,
      passwordHash: await hashPassword("clave-de-prueba-larga"),
    },
  });
}

/** A signed-in caller for a new user of `role` (or anonymous when role is null). */
export async function callerAs(services: Services, role: Role | null, options: CallOptions = {}) {
  if (!role) return { ...(await callerFor(services, options)), user: null, cookie: undefined };
  const user = await createUser(services.db, role);
  const { token } = await createSession(services.db, user.id, {});
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { ...(await callerFor(services, { ...options, cookie })), user, cookie };
}

/** A signed-in caller for an existing user (its memberships as the database holds them now). */
export async function callerOfUser(services: Services, userId: string, options: CallOptions = {}) {
  const { token } = await createSession(services.db, userId, {});
  return (await callerFor(services, { ...options, cookie: `${SESSION_COOKIE}=${token}` })).caller;
}

export function cookieValue(setCookies: string[], name = SESSION_COOKIE): string | undefined {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  return line?.split(";")[0]?.slice(name.length + 1);
}

/** The translated error a caller would see (message and per-field messages). */
export async function failureOf(promise: Promise<unknown>, locale: "es" | "en" = "es") {
  const { describeError } = await import("../../server/trpc/error-shape");
  try {
    await promise;
  } catch (error) {
    return describeError(error, locale);
  }
  throw new Error("expected the call to fail, but it succeeded");
}
