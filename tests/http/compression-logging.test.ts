import { readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Writable } from "node:stream";
import zlib from "node:zlib";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";
import { ConfigError, loadEnv } from "../../server/config";
import { logLevel } from "../../server/http/logging";
import { createUser, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { PDF_BYTES, fileOf, padded } from "../files/fixtures";

const suite = useTestServices();
let app: InProcessApp;
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  app = await startInProcessApp(suite.services, { logger: pino({ level: "info" }, sink) });
});
afterAll(() => app?.close());

/** The bytes as they travel (fetch would decompress them). */
function rawGet(pathname: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.base}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("compression", () => {
  it("sends the home page gzipped to a browser that accepts gzip, and smaller", async () => {
    const plain = await rawGet("/", {});
    const gzipped = await rawGet("/", { "accept-encoding": "gzip" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(zlib.gunzipSync(gzipped.body).toString()).toContain("<!DOCTYPE html>");
  });

  it("sends the browser build's JavaScript with brotli when offered", async () => {
    const folder = path.resolve(import.meta.dirname, "../../public/build");
    const scripts = readdirSync(folder).filter((name) => name.endsWith(".js"));
    // The largest: tiny files (under 1 KiB) are not worth compressing.
    const script = scripts.sort((a, b) => statSync(path.join(folder, b)).size - statSync(path.join(folder, a)).size)[0]!;
    const response = await rawGet(`/build/${script}`, { "accept-encoding": "br, gzip" });
    expect(response.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(response.body).length).toBeGreaterThan(response.body.length);
  });

  it("streams attachment downloads as they are, with their length", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const [stored] = await suite.services.files.storeUploads(suite.db, user.id, [fileOf(padded(PDF_BYTES, 40_000), "plan.pdf", "application/pdf")]);
    const { token } = await createSession(suite.db, user.id, {});
    const response = await rawGet(`/archivos/${stored!.id}`, { "accept-encoding": "gzip, br", cookie: `${SESSION_COOKIE}=${token}` });
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.headers["content-length"]).toBe("40000");
    expect(response.body.length).toBe(40_000);
  });
});

describe("request logs", () => {
  it("writes one JSON line per request with method, path, status and duration, and nothing personal", async () => {
    const user = await createUser(suite.db, "COMPANY");
    const { token } = await createSession(suite.db, user.id, {});
    logLines.length = 0;
    const response = await fetch(`${app.base}/api/trpc/idea.list?input=${encodeURIComponent(JSON.stringify({ q: "buscar-algo-secreto" }))}`, {
      headers: { cookie: `${SESSION_COOKIE}=${token}`, authorization: "Bearer token-secreto" },
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requestLines = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.path !== undefined);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ level: 30, method: "GET", path: "/api/trpc/idea.list", status: 200 });
    expect(typeof requestLines[0].durationMs).toBe("number");
    const written = logLines.join("\n");
    for (const secret of [token, "token-secreto", "buscar-algo-secreto", "cookie", user.email, user.id, "127.0.0.1"]) {
      expect(written).not.toContain(secret);
    }
  });

  it("takes its level from LOG_LEVEL: info by default, warn under tests, unknown levels refused", () => {
    expect(logLevel(loadEnv({}))).toBe("info");
    expect(logLevel(loadEnv({ NODE_ENV: "test" }))).toBe("warn");
    expect(logLevel(loadEnv({ NODE_ENV: "test", LOG_LEVEL: "debug" }))).toBe("debug");
    expect(() => loadEnv({ LOG_LEVEL: "verbose" })).toThrow(ConfigError);
  });
});
