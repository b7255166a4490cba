import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../server/http/app";
import type { Services } from "../../server/trpc/context";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createTestServices } from "../support/callers";

let database: TestDatabase;
let services: Services;
let server: Server;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  services = await createTestServices(database.db);
  server = createHttpApp(services).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});

const register = (body: object, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/trpc/auth.register`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

const person = (email: string) => ({ name: "Carlos Gómez", email, password: "Yuma-Río-Grande-2026", role: "COMPANY" });

describe("GET /healthz", () => {
  it("reports the database as up", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
  });
});

describe("security headers", () => {
  it("sends CSP with frame-ancestors, nosniff and a referrer policy", async () => {
    const response = await fetch(`${base}/healthz`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});

describe("cross-site requests cannot mutate", () => {
  it("refuses a POST whose Origin is another site, and creates nothing", async () => {
    const email = `csrf-origin-${Date.now()}@example.co`;
    const response = await register(person(email), { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe("Solicitud rechazada: proviene de otro sitio.");
    expect(await database.db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a POST marked Sec-Fetch-Site: cross-site", async () => {
    const email = `csrf-site-${Date.now()}@example.co`;
    const response = await register(person(email), { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    expect(await database.db.user.count({ where: { email } })).toBe(0);
  });

  it("accepts the same request from the app's own origin", async () => {
    const email = `csrf-ok-${Date.now()}@example.co`;
    const response = await register(person(email), { origin: base, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(await database.db.user.count({ where: { email } })).toBe(1);
  });
});

describe("tRPC over HTTP", () => {
  it("registers, sets an HttpOnly SameSite=Lax cookie, and auth.me reads it back", async () => {
    const email = `http-${Date.now()}@example.co`;
    const response = await register(person(email));
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("cocrea_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: cookie.split(";")[0]! } });
    expect((await me.json()).result.data).toMatchObject({ email, role: "COMPANY" });
  });

  it("answers bad input with 400, per-field Spanish messages and no stack trace", async () => {
    const response = await register({ name: "X", email: "malo", password: "123", role: "SECRETARIAT" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.data.fieldErrors).toMatchObject({
      name: "Debe tener al menos 2 caracteres.",
      email: "Escribe un correo electrónico válido, por ejemplo nombre@dominio.co.",
      role: "Elige emprendedor, academia o empresa. Las cuentas de la Secretaría las crea un administrador.",
    });
    expect(JSON.stringify(body)).not.toContain("node_modules");
    expect(body.error.data.stack).toBeUndefined();
  });

  it("answers in English with Accept-Language: en", async () => {
    const response = await fetch(`${base}/api/trpc/idea.byId?input=${encodeURIComponent(JSON.stringify({ id: crypto.randomUUID() }))}`, {
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe("We could not find this idea.");
  });

  it("answers malformed JSON with a 4xx, not a 500", async () => {
    const response = await fetch(`${base}/api/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("refuses an oversized body with 413 before reading it", async () => {
    const response = await fetch(`${base}/api/trpc/file.upload`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(200 * 1024 * 1024) },
      body: "--x--",
    }).catch((error: Error) => error);
    // Node's fetch may refuse to send a body shorter than its declared length; then the server never answered.
    if (response instanceof Response) expect(response.status).toBe(413);
    else expect(response.message).toBeTruthy();
  });

  it("refuses a body of undeclared length (chunked) with 411, so no size limit can be bypassed", async () => {
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(person(`chunked-${Date.now()}@example.co`))));
        controller.close();
      },
    });
    const response = await fetch(`${base}/api/trpc/auth.register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
    expect((await response.json()).error.message).toBe("La solicitud debe indicar su tamaño (Content-Length).");
  });

  it("answers an unknown procedure with 404, in Spanish", async () => {
    const response = await fetch(`${base}/api/trpc/nope.nothing`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe("No encontramos lo que buscas.");
  });
});

describe("tRPC batching", () => {
  it("refuses a batch of more than 10 calls with a 400 and runs none of them", async () => {
    const paths = Array.from({ length: 11 }, () => "auth.me").join(",");
    const tooMany = await fetch(`${base}/api/trpc/${paths}?batch=1&input=%7B%7D`);
    expect(tooMany.status).toBe(400);
    const ten = await fetch(`${base}/api/trpc/${Array.from({ length: 10 }, () => "auth.me").join(",")}?batch=1&input=%7B%7D`);
    expect(ten.status).toBe(200);
    expect(await ten.json()).toHaveLength(10);
  });
});
