/**
 * The unsubscribe page over HTTP, as a mail program and a person reach it: GET only asks (a link
 * scanner changes nothing), POST stops that kind of email without a session (RFC 8058 one-click
 * body, no Origin header), an altered token is a 404. Plus the mail settings' validation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "../../server/config";
import { appSecret, unsubscribeToken } from "../../server/notification/unsubscribe";
import { callerFor, createUser, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

describe("/baja/:token", () => {
  it("GET asks for confirmation and changes nothing; the one-click POST unsubscribes; a tampered token is refused", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const token = unsubscribeToken(appSecret(suite.services.env), user.id, "IDEA_STATUS_CHANGED");

    const page = await fetch(`${app.base}/baja/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Dejar de recibir estos correos");
    expect(await suite.db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);

    const tampered = `${token.slice(0, -3)}abc`;
    const refused = await fetch(`${app.base}/baja/${tampered}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(refused.status).toBe(404);
    expect(await suite.db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);

    const oneClick = await fetch(`${app.base}/baja/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await suite.db.notificationPreference.findMany({ where: { userId: user.id }, select: { kind: true, delivery: true } })).toEqual([
      { kind: "IDEA_STATUS_CHANGED", delivery: "NONE" },
    ]);
  });
});

describe("sign-up language", () => {
  it("an account remembers the language it signed up in, for its emails", async () => {
    const { caller } = await callerFor(suite.services, { locale: "en" });
    const user = await caller.auth.register({ name: "Ana Torres", email: `ana-${Date.now()}@example.co`, password: "Una-clave-muy-larga-2026", role: "ENTREPRENEUR" });
    expect((await suite.db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  });
});

describe("mail settings", () => {
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadEnv(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it("are validated at start, one line per problem", () => {
    expect(problemsOf({ SMTP_URL: "http://mail.example.co" })).toEqual([expect.stringMatching(/^SMTP_URL: must be an smtp/)]);
    expect(problemsOf({ SMTP_URL: "smtp://mail.example.co", SMTP_HOST: "mail.example.co" })).toEqual([expect.stringMatching(/^SMTP_HOST: set SMTP_URL or SMTP_HOST/)]);
    expect(problemsOf({ SMTP_USER: "cocrea", SMTP_PASSWORD: "x" })).toEqual([expect.stringMatching(/^SMTP_HOST: SMTP_USER and SMTP_PASSWORD need SMTP_HOST/)]);
    expect(problemsOf({ SMTP_HOST: "mail.example.co", SMTP_USER: "cocrea" })).toEqual([expect.stringMatching(/^SMTP_PASSWORD:/)]);
    expect(problemsOf({ APP_SECRET: "corto" })).toEqual([expect.stringMatching(/^APP_SECRET: must be at least 32/)]);
    expect(problemsOf({ WORKER_POLL_INTERVAL_MS: "5" })).toHaveLength(1);
    expect(loadEnv({ SMTP_HOST: "mail.example.co", SMTP_PORT: "465", SMTP_SECURE: "true", SMTP_USER: "u", SMTP_PASSWORD: "p" })).toMatchObject({
      SMTP_PORT: 465,
      SMTP_SECURE: true,
      WORKER_ENABLED: true,
    });
  });
});
