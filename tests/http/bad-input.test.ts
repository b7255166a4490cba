/**
 * Bad input is the client's problem and gets a 4xx that says what is wrong; a database that
 * is down is a 503 with Retry-After. Never a 500, on the API nor on the pages.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";
import { loadEnv } from "../../server/config";
import { createDb, type Db } from "../../server/db/client";
import { createServices } from "../../server/services";
import { createUser, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const CONTROL_CHARS_ES = "No puede contener caracteres de control (como el carácter nulo).";

const query = (procedure: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers });
const mutate = (procedure: string, input: unknown) =>
  fetch(`${app.base}/api/trpc/${procedure}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
const page = (pathname: string, init: RequestInit = {}) => fetch(`${app.base}${pathname}`, { redirect: "manual", ...init });

describe("control characters in text", () => {
  it("answers a NUL in the idea search with 400 and a field message, not PostgreSQL's 500", async () => {
    const response = await query("idea.list", { q: "a\u0000b" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.data.fieldErrors).toEqual({ q: CONTROL_CHARS_ES });
  });

  it("refuses a NUL in a name at sign-up, and keeps nothing", async () => {
    const email = `nul-${Date.now()}@example.co`;
    const response = await mutate("auth.register", { name: "Ana\u0000 Gómez", email, password: "Yuma-Río-Grande-2026", role: "COMPANY" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.data.fieldErrors.name).toBe(CONTROL_CHARS_ES);
    expect(await suite.db.user.count({ where: { email } })).toBe(0);
  });

  it("still accepts tabs and line breaks, which text areas send", async () => {
    const response = await query("idea.list", { q: "agua\tpotable\r\nrural" });
    expect(response.status).toBe(200);
  });

  it("renders the ideas page with ?q=%00 as a 400 page that says why", async () => {
    const response = await page("/ideas?q=%00");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(CONTROL_CHARS_ES);
    expect(html).toContain("No pudimos procesar la solicitud");
  });

  it("answers a NUL in a sign-up form field with the form's field error", async () => {
    const response = await page("/registro", {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ name: "Ana\u0000", email: `form-nul-${Date.now()}@example.co`, password: "Yuma-Río-Grande-2026", role: "COMPANY" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(CONTROL_CHARS_ES);
  });
});

describe("form routes and what they accept", () => {
  const UNSUPPORTED = "El formulario llegó en un formato que no podemos leer. Envíalo desde la página.";

  it.each([
    ["JSON", { "content-type": "application/json" }, JSON.stringify({ email: "a@b.co" })],
    ["text/plain", { "content-type": "text/plain" }, "email=a@b.co"],
    ["no content type", {}, Buffer.from("email=a%40b.co")],
  ])("answers a %s body to /ingresar with 415 and the page's error display", async (_label, headers, body) => {
    const response = await page("/ingresar", { method: "POST", headers, body });
    expect(response.status).toBe(415);
    const html = await response.text();
    expect(html).toContain(UNSUPPORTED);
    expect(html).toContain('id="error-title"');
  });

  it.each(["PUT", "PATCH", "DELETE"])("answers %s to a form route with 405 and Allow", async (method) => {
    for (const pathname of ["/ingresar", "/registro", "/salir", "/ideas/nueva"]) {
      const response = await page(pathname, { method, headers: FORM, body: method === "DELETE" ? undefined : "email=a" });
      expect(response.status, `${method} ${pathname}`).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
      expect(await response.text()).toContain("Esta página no acepta este tipo de solicitud.");
    }
  });

  it("answers a broken or boundary-less multipart body to /ideas/nueva with a 4xx", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const { token } = await createSession(suite.db, user.id, {});
    const cookie = `${SESSION_COOKIE}=${token}`;
    const noBoundary = await page("/ideas/nueva", { method: "POST", headers: { cookie, "content-type": "multipart/form-data" }, body: "x" });
    expect(noBoundary.status).toBe(400);
    const broken = await page("/ideas/nueva", {
      method: "POST",
      headers: { cookie, "content-type": "multipart/form-data; boundary=zzz" },
      body: '--zzz\r\nContent-Disposition: form-data; name="title"\r\n\r\nsin cierre',
    });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    expect(await suite.db.idea.count({ where: { authorId: user.id } })).toBe(0);
  });

  it("still signs in with an ordinary urlencoded form", async () => {
    const user = await createUser(suite.db, "COMPANY");
    const response = await page("/ingresar", {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ email: user.email, password: "clave-de-prueba-larga", redirectTo: "/ideas" }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/ideas");
  });

  it("answers the language switch with 415 for a JSON body instead of a 500", async () => {
    const response = await page("/idioma", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(415);
  });
});

describe("while the database is down", () => {
  let downDb: Db;
  let down: InProcessApp;
  const UNAVAILABLE = "El servicio no está disponible en este momento. Inténtalo de nuevo en unos segundos.";

  beforeAll(async () => {
    // Nothing listens on port 1: every connection is refused, as while PostgreSQL restarts.
    downDb = createDb("postgresql://postgres@127.0.0.1:1/cocrea");
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "cocrea-down-"));
    down = await startInProcessApp(createServices(loadEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir }), downDb));
  });
  afterAll(async () => {
    await down?.close();
    await downDb?.$disconnect();
  });

  it("answers an API call with 503, Retry-After and a clear message", async () => {
    const response = await fetch(`${down.base}/api/trpc/idea.list`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json();
    expect(body.error.message).toBe(UNAVAILABLE);
    expect(body.error.data.code).toBe("SERVICE_UNAVAILABLE");
  });

  it("answers the ideas page with 503, Retry-After and the message in Spanish", async () => {
    const response = await fetch(`${down.base}/ideas`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const html = await response.text();
    expect(html).toContain("Servicio no disponible por un momento");
    expect(html).toContain(UNAVAILABLE);
  });

  it("answers a form submission and a signed-in page the same way", async () => {
    const login = await fetch(`${down.base}/ingresar`, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ email: "ana@example.co", password: "clave-de-prueba-larga" }),
      redirect: "manual",
    });
    expect(login.status).toBe(503);
    expect(login.headers.get("retry-after")).toBe("5");
    expect(await login.text()).toContain(UNAVAILABLE);

    // A session cookie makes the request context itself read the database, before any route.
    const signedIn = await fetch(`${down.base}/ideas`, { headers: { cookie: `${SESSION_COOKIE}=${"a".repeat(32)}` } });
    expect(signedIn.status).toBe(503);
    expect(signedIn.headers.get("retry-after")).toBe("5");
  });
});
