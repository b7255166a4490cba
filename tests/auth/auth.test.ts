import { describe, expect, it } from "vitest";
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, sessionIdFromToken } from "../../server/auth/session";
import { callerAs, callerFor, cookieValue, failureOf, useTestServices } from "../support/callers";

const suite = useTestServices();

let n = 0;
const email = () => `persona${++n}-${Date.now()}@barrancabermeja.co`;
const goodPassword = "Ciénaga-San-Silvestre-42";

describe("auth.register", () => {
  it("creates the account, starts a session cookie and stores only an Argon2id hash", async () => {
    const { caller, setCookies } = await callerFor(suite.services);
    const address = email();
    const user = await caller.auth.register({ name: "Ana Ruiz", email: address.toUpperCase(), password: goodPassword, role: "ENTREPRENEUR" });
    expect(user).toMatchObject({ email: address, name: "Ana Ruiz", role: "ENTREPRENEUR" });
    const cookie = setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // NODE_ENV=test; production adds Secure
    const stored = await suite.db.user.findUniqueOrThrow({ where: { email: address } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(goodPassword);
    // The table keeps the token's SHA-256, never the token itself.
    const token = cookieValue(setCookies)!;
    const session = await suite.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).not.toBe(token);
  });

  it("refuses self-registration as SECRETARIAT", async () => {
    const { caller } = await callerFor(suite.services);
    const address = email();
    const failure = await failureOf(
      caller.auth.register({ name: "Intrusa", email: address, password: goodPassword, role: "SECRETARIAT" as never }),
    );
    expect(failure.httpStatus).toBe(400);
    expect(failure.fieldErrors.role).toMatch(/Secretaría/);
    expect(await suite.db.user.count({ where: { email: address } })).toBe(0);
  });

  it("gives field-level Spanish messages and writes nothing for bad input", async () => {
    const { caller } = await callerFor(suite.services);
    const before = await suite.db.user.count();
    const failure = await failureOf(caller.auth.register({ name: "", email: "no-es-correo", password: "corta", role: "ENTREPRENEUR" }));
    expect(failure.httpStatus).toBe(400);
    expect(failure.fieldErrors).toEqual({
      name: "Este campo es obligatorio.",
      email: "Escribe un correo electrónico válido, por ejemplo nombre@dominio.co.",
      password: "La contraseña debe tener al menos 10 caracteres.",
    });
    expect(await suite.db.user.count()).toBe(before);
  });

  it("speaks English when the caller asks for it", async () => {
    const { caller } = await callerFor(suite.services, { locale: "en" });
    const failure = await failureOf(caller.auth.register({ name: "Ann", email: "x", password: goodPassword, role: "COMPANY" }), "en");
    expect(failure.fieldErrors.email).toBe("Enter a valid email address, such as name@domain.co.");
  });

  it("rejects common passwords and passwords containing the email", async () => {
    const { caller } = await callerFor(suite.services);
    const common = await failureOf(caller.auth.register({ name: "Ana", email: email(), password: "barrancabermeja", role: "ACADEMIA" }));
    expect(common.fieldErrors.password).toBe("Esta contraseña es muy común y fácil de adivinar. Elige otra.");
    const address = `mariacamila${Date.now()}@uni.edu.co`;
    const containsEmail = await failureOf(
      caller.auth.register({ name: "María", email: address, password: `x${address.split("@")[0]}!`, role: "ACADEMIA" }),
    );
    expect(containsEmail.fieldErrors.password).toBe("La contraseña no puede contener tu correo.");
  });

  it("lets exactly one of many parallel registrations with the same email succeed", async () => {
    const address = email();
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, async () => {
        const { caller } = await callerFor(suite.services);
        return caller.auth.register({ name: "Doble", email: address, password: goodPassword, role: "COMPANY" });
      }),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(rejected).toHaveLength(7);
    for (const r of rejected) expect((r.reason as { code: string }).code).toBe("CONFLICT");
    expect(await suite.db.user.count({ where: { email: address } })).toBe(1);
  });
});

describe("auth.login, auth.me, sessions", () => {
  async function registered() {
    const address = email();
    const { caller } = await callerFor(suite.services);
    await caller.auth.register({ name: "Luis Pérez", email: address, password: goodPassword, role: "ENTREPRENEUR" });
    return address;
  }

  it("logs in with the right password (any email case) and `me` knows who it is", async () => {
    const address = await registered();
    const { caller, setCookies } = await callerFor(suite.services, { ip: "198.51.100.1" });
    await caller.auth.login({ email: ` ${address.toUpperCase()} `, password: goodPassword });
    const token = cookieValue(setCookies)!;
    const { caller: signedIn } = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(await signedIn.auth.me()).toMatchObject({ email: address, role: "ENTREPRENEUR" });
  });

  it("answers the same message for a wrong password and an unknown email", async () => {
    const address = await registered();
    const { caller } = await callerFor(suite.services, { ip: "198.51.100.2" });
    const wrong = await failureOf(caller.auth.login({ email: address, password: "otra-clave-cualquiera" }));
    const unknown = await failureOf(caller.auth.login({ email: email(), password: goodPassword }));
    expect(wrong.httpStatus).toBe(401);
    expect(wrong.message).toBe("El correo o la contraseña no son correctos.");
    expect(unknown.message).toBe(wrong.message);
  });

  it("throttles guesses at one account from one connection after 5 failures, even in parallel", async () => {
    const address = await registered();
    const ip = "192.0.2.77";
    const results = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const { caller } = await callerFor(suite.services, { ip });
        return failureOf(caller.auth.login({ email: address, password: "no-es-la-clave" }));
      }),
    );
    expect(results.filter((r) => r.httpStatus === 401)).toHaveLength(5);
    const throttled = results.filter((r) => r.httpStatus === 429);
    expect(throttled).toHaveLength(7);
    expect(throttled[0]!.message).toMatch(/^Demasiados intentos de ingreso\. Espera \d+ minutos/);
  });

  it("throttles one IP that tries many different accounts", async () => {
    const ip = "203.0.113.99";
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const { caller } = await callerFor(suite.services, { ip });
      statuses.push((await failureOf(caller.auth.login({ email: email(), password: "adivinando-claves" }))).httpStatus);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("forgives failures after a successful login", async () => {
    const address = await registered();
    const ip = "198.51.100.50";
    for (let i = 0; i < 4; i++) {
      const { caller } = await callerFor(suite.services, { ip });
      await failureOf(caller.auth.login({ email: address, password: "equivocada-1234" }));
    }
    const { caller } = await callerFor(suite.services, { ip });
    await caller.auth.login({ email: address, password: goodPassword });
    for (let i = 0; i < 4; i++) {
      const { caller: again } = await callerFor(suite.services, { ip });
      expect((await failureOf(again.auth.login({ email: address, password: "equivocada-1234" }))).httpStatus).toBe(401);
    }
  });

  it("logout revokes the session; the old cookie no longer works", async () => {
    const { caller, ctx, cookie, setCookies } = await callerAs(suite.services, "COMPANY");
    const sessionId = ctx.session!.id;
    await caller.auth.logout();
    expect(setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=;`) && c.includes("Max-Age=0"))).toBe(true);
    expect(await suite.db.session.findUnique({ where: { id: sessionId } })).toBeNull();
    const { caller: reused } = await callerFor(suite.services, { cookie });
    expect(await reused.auth.me()).toBeNull();
  });

  it("logoutEverywhere revokes every session of the account and no other", async () => {
    const { caller, user } = await callerAs(suite.services, "ACADEMIA");
    const other = await createSession(suite.db, user!.id, {});
    const bystander = await callerAs(suite.services, "ACADEMIA");
    expect(await caller.auth.logoutEverywhere()).toEqual({ revoked: 2 });
    const { caller: stale } = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${other.token}` });
    expect(await stale.auth.me()).toBeNull();
    expect(await bystander.caller.auth.me()).toMatchObject({ id: bystander.user!.id });
  });

  it("treats an expired session as signed out and clears its cookie", async () => {
    const { user } = await callerAs(suite.services, "ENTREPRENEUR");
    const { token } = await createSession(suite.db, user!.id, {}, new Date(Date.now() - SESSION_TTL_MS - 1000));
    const { caller, setCookies } = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(await caller.auth.me()).toBeNull();
    expect(setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=;`) && c.includes("Max-Age=0"))).toBe(true);
    expect(await suite.db.session.findUnique({ where: { id: sessionIdFromToken(token) } })).toBeNull();
  });

  it("slides the expiry of a session used in its last 15 days", async () => {
    const { user } = await callerAs(suite.services, "ENTREPRENEUR");
    const twentyDaysAgo = new Date(Date.now() - 20 * 24 * 3600 * 1000);
    const { token } = await createSession(suite.db, user!.id, {}, twentyDaysAgo);
    const { caller, setCookies } = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(await caller.auth.me()).toMatchObject({ id: user!.id });
    const row = await suite.db.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(token) } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(cookieValue(setCookies)).toBe(token);
  });

  it("requires a session for logout and logoutEverywhere", async () => {
    const { caller } = await callerFor(suite.services);
    expect((await failureOf(caller.auth.logout())).httpStatus).toBe(401);
    expect((await failureOf(caller.auth.logoutEverywhere())).message).toBe("Debes ingresar para continuar.");
  });
});
