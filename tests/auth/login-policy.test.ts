import { describe, expect, it } from "vitest";
import { LOGIN_RULES, REGISTRATION_RULE } from "../../server/auth/throttle";
import { DEVICE_COOKIE } from "../../server/auth/trusted-device";
import { SESSION_COOKIE, sessionIdFromToken } from "../../server/auth/session";
import { callerAs, callerFor, cookieValue, failureOf, useTestServices } from "../support/callers";

const suite = useTestServices();

let n = 0;
const email = () => `politica${++n}-${Date.now()}@barrancabermeja.co`;
const password = "Ciénaga-San-Silvestre-42";

async function registered(ip = "198.51.100.200") {
  const address = email();
  const { caller, setCookies } = await callerFor(suite.services, { ip });
  await caller.auth.register({ name: "Dueña de la cuenta", email: address, password, role: "ENTREPRENEUR" });
  return { address, deviceToken: cookieValue(setCookies, DEVICE_COOKIE)! };
}

/** Wrong passwords for `address` from `count` different addresses, one failure each. */
async function strangersGuess(address: string, count: number, firstOctet: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const { caller } = await callerFor(suite.services, { ip: `10.${firstOctet}.${Math.floor(i / 250)}.${(i % 250) + 1}` });
    statuses.push((await failureOf(caller.auth.login({ email: address, password: "adivinanza-equivocada" }))).httpStatus);
  }
  return statuses;
}

describe("sign-in policy", () => {
  it("does not let five strangers' failures lock the owner out, wherever the owner signs in from", async () => {
    const { address } = await registered();
    expect(await strangersGuess(address, 5, 1)).toEqual([401, 401, 401, 401, 401]);
    // A new browser on a new connection: the per-account-and-IP counter is the owner's own.
    const { caller } = await callerFor(suite.services, { ip: "198.51.100.201" });
    expect(await caller.auth.login({ email: address, password })).toMatchObject({ email: address });
  });

  it("stops a distributed attack on one account, but the owner's trusted browser still gets in", async () => {
    const { address, deviceToken } = await registered();
    const statuses = await strangersGuess(address, LOGIN_RULES.ACCOUNT.limit + 1, 2);
    expect(statuses.slice(0, LOGIN_RULES.ACCOUNT.limit).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The right password from a browser that never signed in to this account: still refused.
    const { caller: stranger } = await callerFor(suite.services, { ip: "198.51.100.202" });
    expect((await failureOf(stranger.auth.login({ email: address, password }))).httpStatus).toBe(429);
    // The owner's browser (its device cookie) is not subject to the per-account limit.
    const { caller: owner, setCookies } = await callerFor(suite.services, {
      ip: "198.51.100.203",
      cookie: `${DEVICE_COOKIE}=${deviceToken}`,
    });
    expect(await owner.auth.login({ email: address, password })).toMatchObject({ email: address });
    expect(cookieValue(setCookies)).toBeTruthy();
  });

  it("a device cookie of another account does not exempt anyone", async () => {
    const victim = await registered();
    const other = await registered();
    await strangersGuess(victim.address, LOGIN_RULES.ACCOUNT.limit, 3);
    const { caller } = await callerFor(suite.services, { ip: "198.51.100.204", cookie: `${DEVICE_COOKIE}=${other.deviceToken}` });
    expect((await failureOf(caller.auth.login({ email: victim.address, password }))).httpStatus).toBe(429);
  });

  it("revokes the session a browser had when it signs in again", async () => {
    const { address } = await registered();
    const first = await callerFor(suite.services);
    await first.caller.auth.login({ email: address, password });
    const firstToken = cookieValue(first.setCookies)!;
    const second = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${firstToken}` });
    await second.caller.auth.login({ email: address, password });
    const secondToken = cookieValue(second.setCookies)!;
    expect(secondToken).not.toBe(firstToken);
    expect(await suite.db.session.findUnique({ where: { id: sessionIdFromToken(firstToken) } })).toBeNull();
    const { caller: stale } = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${firstToken}` });
    expect(await stale.auth.me()).toBeNull();
    const { caller: current } = await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${secondToken}` });
    expect(await current.auth.me()).toMatchObject({ email: address });
  });

  it("revokes the previous session when a signed-in browser registers a new account", async () => {
    const { caller, ctx } = await callerAs(suite.services, "COMPANY");
    await caller.auth.register({ name: "Cuenta nueva", email: email(), password, role: "ACADEMIA" });
    expect(await suite.db.session.findUnique({ where: { id: ctx.session!.id } })).toBeNull();
  });
});

describe("registration limit per connection", () => {
  it("allows the documented number of accounts per connection and hour, and does not count failed forms", async () => {
    const ip = "203.0.113.150";
    const { caller } = await callerFor(suite.services, { ip });
    // Invalid forms do not use up the allowance.
    for (let i = 0; i < 3; i++) {
      expect((await failureOf(caller.auth.register({ name: "X", email: "no", password: "corta", role: "COMPANY" }))).httpStatus).toBe(400);
    }
    const results = await Promise.allSettled(
      Array.from({ length: REGISTRATION_RULE.limit + 3 }, async () => {
        const { caller: c } = await callerFor(suite.services, { ip });
        return c.auth.register({ name: "Persona del taller", email: email(), password, role: "ENTREPRENEUR" });
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(REGISTRATION_RULE.limit);
    const refused = await failureOf(caller.auth.register({ name: "Una más", email: email(), password, role: "COMPANY" }));
    expect(refused.httpStatus).toBe(429);
    expect(refused.message).toMatch(/^Se han creado demasiadas cuentas desde esta conexión\. Espera \d+ minutos/);
    // Another connection is not affected.
    const { caller: elsewhere } = await callerFor(suite.services, { ip: "203.0.113.151" });
    expect(await elsewhere.auth.register({ name: "Otra persona", email: email(), password, role: "COMPANY" })).toBeTruthy();
  });
});
