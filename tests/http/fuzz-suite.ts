/**
 * Shared by tests/http/fuzz.test.ts and fuzz-more.test.ts. Generated input against every tRPC procedure and every Remix route with an action, over
 * HTTP, anonymous and signed in: whatever arrives, the answer is never a 5xx. Procedures come
 * from the router and routes from the Remix build, so new ones are fuzzed without editing this.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";
import { Sector } from "../../server/db/generated/enums";
import { appRouter } from "../../server/router";
import { ROLES, createUser, useTestServices, type Role } from "../support/callers";
import { loadRemixBuild, startInProcessApp, type InProcessApp } from "../support/http-app";

const RUNS = 200;
/** Server-side rendering dominates; the embedded database (no DATABASE_URL) is slower still. */
const FUZZ_TIMEOUT_MS = 90_000;
const remixBuild = await loadRemixBuild();

interface ZodNode {
  _zod?: { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown } };
}

/** The field names of an object schema, through default/optional/pipe wrappers. */
function fieldNames(schema: unknown, depth = 0): string[] {
  const def = (schema as ZodNode | undefined)?._zod?.def;
  if (!def || depth > 5) return [];
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  return fieldNames(def.innerType ?? def.in, depth + 1);
}

type ProcedureDef = { _def: { type: string; inputs: unknown[] } };
const procedures = Object.entries((appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures).map(
  ([path, procedure]) => ({ path, type: procedure._def.type, fields: procedure._def.inputs.flatMap((s) => fieldNames(s)) }),
);

/** Route paths with an action, dynamic segments filled with an id. */
const formRoutes = Object.values(remixBuild.routes)
  .filter((route) => typeof route.module.action === "function" && route.path !== undefined)
  .map((route) => `/${route.path!.replace(/:[^/]+/g, "00000000-0000-4000-8000-000000000000")}`);

const FORM_FIELDS = ["email", "password", "name", "role", "title", "summary", "problem", "solution", "sector", "intent", "locale", "redirectTo", "attachments"];

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "\u0007\u001b[2J", "\uD800", "\uDFFF x", "😀".repeat(30), "' OR 1=1 --", "%00", "../../etc/passwd", "<script>alert(1)</script>", " ", ""),
  fc.integer({ min: 1, max: 12_000 }).map((n) => "x".repeat(n)),
);

const plausible = fc.oneof(
  nastyString,
  fc.uuid(),
  fc.emailAddress(),
  fc.constantFrom(...Object.values(Sector), ...ROLES, "es", "en", "everywhere", "/ideas", "//evil.example"),
  fc.integer({ min: -5, max: 100 }),
  fc.string({ minLength: 5, maxLength: 200 }),
);

const { json: jsonish } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(nastyString, tie("json"), { maxKeys: 4 }),
  ),
}));

/** Any JSON, or an object with the procedure's own field names holding odd or plausible values. */
function procedureInput(fields: string[]) {
  if (fields.length === 0) return jsonish;
  const record = fc.dictionary(fc.constantFrom(...fields), fc.oneof(plausible, jsonish), { maxKeys: fields.length });
  return fc.oneof({ arbitrary: record, weight: 3 }, { arbitrary: jsonish, weight: 1 });
}

const whoArb = fc.constantFrom<Role | null>(null, ...ROLES);

const multipartBody = (fields: [string, string][], file: Uint8Array | null, fileName: string) => {
  const boundary = "fuzz7MA4YWxkTrZu0gW";
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const head = parts.join("");
  const filePart = file
    ? Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.from(file),
        Buffer.from("\r\n"),
      ])
    : Buffer.alloc(0);
  return { body: Buffer.concat([Buffer.from(head), filePart, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
};

/** A body in one of the encodings a client might send, matching its declared type or not. */
const formRequestArb = fc.record({
  method: fc.constantFrom("POST", "POST", "POST", "PUT", "PATCH", "DELETE"),
  fields: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FORM_FIELDS), nastyString), fc.oneof(plausible, nastyString).map(String)), { maxLength: 8 }),
  encoding: fc.constantFrom("urlencoded", "urlencoded", "multipart", "multipart", "json", "text", "none", "garbage", "truncated"),
  declaredType: fc.option(fc.constantFrom("application/json", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded; charset=utf-16", "image/png", "*/*;;"), { freq: 4 }),
  file: fc.option(fc.uint8Array({ maxLength: 2048 })),
  fileName: nastyString.map((n) => n.replace(/["\r\n]/g, "_")),
  garbage: fc.uint8Array({ maxLength: 4096 }),
  who: whoArb,
});

type FormRequest = typeof formRequestArb extends fc.Arbitrary<infer T> ? T : never;

function encodeForm(input: FormRequest): { body?: Uint8Array | string; contentType?: string } {
  const multipart = multipartBody(input.fields, input.file, input.fileName);
  let encoded: { body?: Uint8Array | string; contentType?: string };
  switch (input.encoding) {
    case "urlencoded":
      encoded = { body: new URLSearchParams(input.fields).toString(), contentType: "application/x-www-form-urlencoded" };
      break;
    case "multipart":
      encoded = multipart;
      break;
    case "truncated":
      encoded = { body: multipart.body.subarray(0, Math.floor(multipart.body.length / 2)), contentType: multipart.contentType };
      break;
    case "json":
      encoded = { body: JSON.stringify(Object.fromEntries(input.fields)), contentType: "application/json" };
      break;
    case "text":
      encoded = { body: input.fields.flat().join("\n"), contentType: "text/plain" };
      break;
    case "garbage":
      encoded = { body: input.garbage, contentType: multipart.contentType };
      break;
    default:
      encoded = { body: new URLSearchParams(input.fields).toString() };
  }
  return input.declaredType ? { ...encoded, contentType: input.declaredType } : encoded;
}

/**
 * Defines the fuzzing tests of one shard: the procedures and form routes whose position modulo
 * `shards` is `shard`. Two test files share the work, so CI's two workers run them side by side.
 */
export function defineFuzzTests(shard: number, shards: number) {
  const suite = useTestServices();
  let app: InProcessApp;
  const users = new Map<Role, string>();

  beforeAll(async () => {
    app = await startInProcessApp(suite.services, { remixBuild });
    for (const role of ROLES) users.set(role, (await createUser(suite.db, role)).id);
  });
  afterAll(() => app?.close());

  /** A fresh session each time: the fuzzer may well sign the previous one out. */
  async function cookieFor(who: Role | null): Promise<Record<string, string>> {
    if (!who) return {};
    const { token } = await createSession(suite.db, users.get(who)!, {});
    return { cookie: `${SESSION_COOKIE}=${token}` };
  }

  async function send(path: string, init: RequestInit): Promise<{ status: number; body: string }> {
    const response = await fetch(`${app.base}${path}`, { redirect: "manual", ...init });
    return { status: response.status, body: (await response.text()).slice(0, 300) };
  }

  function expectNo5xx(target: string, status: number, body: string) {
    if (status >= 500) expect.fail(`${target} answered ${status}: ${body}`);
  }

  describe("fuzzing", () => {
    it("found the procedures and the form routes to fuzz", () => {
      expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining(["auth.login", "idea.list", "idea.create"]));
      expect(formRoutes).toEqual(expect.arrayContaining(["/ingresar", "/registro", "/salir", "/idioma", "/ideas/nueva"]));
    });

    describe.each(procedures.filter((_, i) => i % shards === shard))("procedure $path ($type)", ({ path, type, fields }) => {
      it(`answers ${RUNS} generated inputs without a 5xx`, async () => {
        await fc.assert(
          fc.asyncProperty(procedureInput(fields), whoArb, fc.boolean(), async (input, who, asMultipart) => {
            const headers = await cookieFor(who);
            const encoded = encodeURIComponent(JSON.stringify(input) ?? "null");
            let result;
            if (type === "query") {
              result = await send(`/api/trpc/${path}?input=${encoded}`, { headers });
            } else if (asMultipart) {
              const form = new FormData();
              for (const [key, value] of Object.entries(typeof input === "object" && input ? input : { value: input })) {
                if (typeof value === "string") form.append(key, value);
                else form.append(key, new Blob([JSON.stringify(value) ?? ""]), "x.bin");
              }
              result = await send(`/api/trpc/${path}`, { method: "POST", headers, body: form });
            } else {
              result = await send(`/api/trpc/${path}`, {
                method: "POST",
                headers: { ...headers, "content-type": "application/json" },
                body: JSON.stringify(input) ?? "null",
              });
            }
            expectNo5xx(path, result.status, result.body);
          }),
          { numRuns: RUNS },
        );
      }, FUZZ_TIMEOUT_MS);
    });

    describe.each(formRoutes.filter((_, i) => i % shards === shard))("form route %s", (path) => {
      it(`answers ${RUNS} generated requests without a 5xx`, async () => {
        await fc.assert(
          fc.asyncProperty(formRequestArb, async (input) => {
            const { body, contentType } = encodeForm(input);
            const headers: Record<string, string> = { ...(await cookieFor(input.who)) };
            if (contentType) headers["content-type"] = contentType;
            // fetch adds text/plain to a string body that names no type; "none" must really send none.
            const rawBody = body === undefined ? undefined : typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
            const result = await send(path, { method: input.method, headers, body: rawBody });
            expectNo5xx(`${input.method} ${path} (${input.encoding}, ${contentType ?? "no type"})`, result.status, result.body);
          }),
          { numRuns: RUNS },
        );
      }, FUZZ_TIMEOUT_MS);
    });
  });

}
