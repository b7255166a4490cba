/**
 * The upload pipeline over real HTTP, in this process (createHttpApp over the Remix build), so
 * the server's memory can be measured: who may post is decided before the body is read, files
 * stream to disk, and the reading stops at the first bad file with its error on the form.
 * Needs `npx remix build` (build/index.js).
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEGABYTE } from "../../server/files/rules";
import { createHttpApp } from "../../server/http/app";
import { callerAs, useTestServices } from "../support/callers";
import { PDF_BYTES } from "./fixtures";
import { multipartParts, openRawPost, wait, type RawPost } from "./raw-http";

const BUILD = path.resolve(import.meta.dirname, "..", "..", "build", "index.js");
const suite = useTestServices();
let server: Server;
let port: number;

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error("build/index.js is missing: run `npx remix build` first.");
  const remixBuild = (await import(pathToFileURL(BUILD).href)) as ServerBuild;
  server = createHttpApp(suite.services, { remixBuild }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const IDEA_FIELDS: Array<[string, string]> = [
  ["title", "Muelle flotante para pescadores"],
  ["summary", "Un muelle modular que sube y baja con el río Magdalena."],
  ["problem", "Las crecientes del río dañan los muelles fijos cada temporada."],
  ["solution", "Módulos flotantes anclados con cadenas, armados con plástico reciclado."],
  ["sector", "RIVER_LOGISTICS"],
];

const CHUNK = new Uint8Array(64 * 1024);

/** Sends `count` bytes in 64 KB chunks (the first starting with `first`), stopping early when `stop` says so. */
async function sendBytes(post: RawPost, count: number, options: { first?: Uint8Array; stop?: () => boolean; pauseMs?: (sent: number) => number } = {}) {
  let sent = 0;
  while (sent < count) {
    if (options.stop?.()) return sent;
    const size = Math.min(CHUNK.length, count - sent);
    let chunk = CHUNK.subarray(0, size);
    if (sent === 0 && options.first) {
      chunk = Uint8Array.from(chunk);
      chunk.set(options.first.subarray(0, size));
    }
    await post.send(chunk);
    sent += size;
    const pause = options.pauseMs?.(sent) ?? 0;
    if (pause > 0) await wait(pause);
  }
  return sent;
}

/** A multipart POST of the idea form with one file of `fileBytes`, whose body the test sends itself. */
function openIdeaPost(fileBytes: number, options: { cookie?: string; path?: string; field?: string; fields?: Array<[string, string]> } = {}) {
  const parts = multipartParts("----cocrea-test-boundary", options.fields ?? IDEA_FIELDS, {
    field: options.field ?? "attachments",
    name: "informe.pdf",
    type: "application/pdf",
  });
  const headers: Record<string, string> = { "Content-Type": parts.contentType, "Accept-Language": "es-CO" };
  if (options.cookie) headers.Cookie = options.cookie;
  const total = parts.head.length + fileBytes + parts.tail.length;
  const post = openRawPost(port, options.path ?? "/ideas/nueva?_data=routes%2Fideas.nueva", headers, total);
  return { post, parts };
}

async function scratchEntries(): Promise<string[]> {
  return readdir(path.join(suite.services.env.DATA_DIR, "tmp")).catch(() => []);
}

describe("anonymous uploads are refused before their body is read", () => {
  it("answers a 40 MB post to /ideas/nueva with a redirect to sign in while the body is still unsent", async () => {
    const { post, parts } = openIdeaPost(40 * MEGABYTE, { path: "/ideas/nueva" });
    await post.send(parts.head);
    await sendBytes(post, 64 * 1024, { first: PDF_BYTES });
    const answer = await post.answer;
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/ingresar?redirectTo=%2Fideas%2Fnueva");
    expect(answer.bytesSentBeforeAnswer).toBeLessThan(MEGABYTE);
    post.close();
  });

  it("answers a 40 MB post to /api/trpc/file.upload with 401 while the body is still unsent", async () => {
    const { post, parts } = openIdeaPost(40 * MEGABYTE, { path: "/api/trpc/file.upload", field: "files", fields: [] });
    await post.send(parts.head);
    await sendBytes(post, 64 * 1024, { first: PDF_BYTES });
    const answer = await post.answer;
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.message).toBe("Debes ingresar para continuar.");
    expect(answer.bytesSentBeforeAnswer).toBeLessThan(MEGABYTE);
    post.close();
  });

  it("keeps its memory flat across 8 parallel anonymous 42 MB posts sent in full", async () => {
    const size = 42 * MEGABYTE;
    const postOne = async () => {
      const { post, parts } = openIdeaPost(size, { path: "/ideas/nueva" });
      await post.send(parts.head);
      // The whole body, as a browser would send it after the answer: the server must drop it.
      await sendBytes(post, size);
      await post.send(parts.tail);
      const answer = await post.answer;
      post.close();
      return answer.status;
    };
    await postOne(); // warms up the code paths, so what follows measures only the requests
    const before = process.memoryUsage().rss;
    const statuses = await Promise.all(Array.from({ length: 8 }, postOne));
    const grown = process.memoryUsage().rss - before;
    expect(statuses).toEqual(Array(8).fill(302));
    // 336 MB went through; keeping even one body per request would be 8 × 42 MB.
    expect(grown).toBeLessThan(48 * MEGABYTE);
  }, 60_000);
});

describe("a file over its limit", () => {
  it("stops the reading at the limit and answers with the interpolated error on the field and the typed values", async () => {
    const { cookie } = await callerAs(suite.services, "ENTREPRENEUR");
    const fileBytes = 30 * MEGABYTE;
    const { post, parts } = openIdeaPost(fileBytes, { cookie });
    await post.send(parts.head);
    // Past the PDF limit (10 MB) the client slows down, so it is plain when the server answered.
    await sendBytes(post, fileBytes, { first: PDF_BYTES, stop: () => post.answered, pauseMs: (sent) => (sent > 10 * MEGABYTE ? 10 : 0) });
    const answer = await post.answer;
    post.close();

    expect(answer.status).toBe(413);
    expect(answer.bytesSentBeforeAnswer).toBeLessThan(parts.head.length + 13 * MEGABYTE);
    const data = JSON.parse(answer.body);
    expect(data.fieldErrors.attachments).toBe("El archivo «informe.pdf» supera el máximo de 10 MB.");
    expect(data.message).toBe("El archivo «informe.pdf» supera el máximo de 10 MB.");
    // What was typed comes back, the organization select included ("" is "in my own name").
    expect(data.values).toEqual({ ...Object.fromEntries(IDEA_FIELDS), organizationId: "" });
    expect(await suite.db.idea.count()).toBe(0);
    expect(await suite.db.storedFile.count()).toBe(0);
    // The request's scratch folder went with it.
    expect(await scratchEntries()).toEqual([]);
  }, 30_000);

  it("shows the same error and the typed text on the page without JavaScript", async () => {
    const { cookie } = await callerAs(suite.services, "ENTREPRENEUR");
    const fileBytes = 11 * MEGABYTE;
    const { post, parts } = openIdeaPost(fileBytes, { cookie, path: "/ideas/nueva" });
    await post.send(parts.head);
    await sendBytes(post, fileBytes, { first: PDF_BYTES, stop: () => post.answered });
    if (!post.answered) await post.send(parts.tail);
    const answer = await post.answer;
    post.close();
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("El archivo «informe.pdf» supera el máximo de 10 MB.");
    expect(answer.body).toContain('value="Muelle flotante para pescadores"');
    expect(answer.body).toContain("Las crecientes del río dañan los muelles fijos cada temporada.");
  }, 30_000);
});

describe("posting an idea with a file over HTTP", () => {
  it("stores the streamed file and sends the idea with it to review", async () => {
    const { cookie, user } = await callerAs(suite.services, "ENTREPRENEUR");
    // The "Enviar a revisión" button's value; without it the idea stays a draft.
    const { post, parts } = openIdeaPost(PDF_BYTES.length, { cookie, fields: [...IDEA_FIELDS, ["intent", "submit"]] });
    await post.send(parts.head);
    await post.send(PDF_BYTES);
    await post.send(parts.tail);
    const answer = await post.answer;
    post.close();
    expect(answer.status).toBe(204);
    expect(answer.headers["x-remix-redirect"]).toMatch(/^\/ideas\/[0-9a-f-]{36}\?aviso=enviada$/);
    const idea = await suite.db.idea.findFirstOrThrow({ where: { authorId: user!.id }, include: { attachments: true } });
    expect(idea.title).toBe("Muelle flotante para pescadores");
    expect(idea.status).toBe("SUBMITTED");
    expect(idea.attachments.map((f) => ({ name: f.name, size: f.size }))).toEqual([{ name: "informe.pdf", size: PDF_BYTES.length }]);
    expect(await scratchEntries()).toEqual([]);
  });

  it("refuses a signed-in person who may not post ideas with 403, before reading the body", async () => {
    // Entrepreneurs, academia and companies post ideas; the Secretariat moderates them and does not.
    const { cookie } = await callerAs(suite.services, "SECRETARIAT");
    const { post, parts } = openIdeaPost(20 * MEGABYTE, { cookie });
    await post.send(parts.head);
    await sendBytes(post, 64 * 1024, { first: PDF_BYTES });
    const answer = await post.answer;
    post.close();
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).message).toBe("Tu cuenta no tiene permiso para esta acción.");
    expect(answer.bytesSentBeforeAnswer).toBeLessThan(MEGABYTE);
  });
});
