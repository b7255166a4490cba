import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { extractRouterConfig } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../server/authz/actor";
import { loadEnv, type Env } from "../../server/config";
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, MEGABYTE } from "../../server/files/rules";
import { createFileService, type FileService } from "../../server/files/service";
import {
  UPLOADTHING_PATH,
  UPLOADTHING_SLUG,
  createIdeaAttachmentRouter,
  createUploadthingHandler,
} from "../../server/files/uploadthing-route";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startFakeUploadThing, serveFetchHandler, type FakeUploadThing } from "./fake-uploadthing";
import { PDF_BYTES, PNG_BYTES, TEXT_BYTES, fileOf, padded } from "./fixtures";

let database: TestDatabase;
let dataDir: string;
let fake: FakeUploadThing;
let env: Env;
let files: FileService;
let app: { url: string; close(): Promise<void> };
const author: Actor = { id: "", role: "ENTREPRENEUR", memberships: new Map() };
const other: Actor = { id: "", role: "COMPANY", memberships: new Map() };

/** Stands in for the session cookie check: the test names the user in a header. */
const authenticate = async (request: Request) => {
  const id = request.headers.get("x-test-user");
  return [author, other].find((user) => user.id === id) ?? null;
};

interface FileMeta {
  name: string;
  size: number;
  type: string;
}

/** The browser's first request (uploadthing/client): metadata of the files, no bytes. */
function requestPresignedUrls(fileMetas: FileMeta[], userId: string | null) {
  const url = new URL(app.url);
  url.searchParams.set("actionType", "upload");
  url.searchParams.set("slug", UPLOADTHING_SLUG);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-uploadthing-version": "7.7.4",
      "x-uploadthing-package": "test",
      ...(userId ? { "x-test-user": userId } : {}),
    },
    body: JSON.stringify({ files: fileMetas.map((f) => ({ ...f, lastModified: Date.now() })) }),
  });
}

/** The whole browser flow: presigned URL from our handler, then the bytes to the (fake) ingest. */
async function uploadThroughRoute(bytes: Uint8Array, name: string, type: string, userId: string): Promise<string> {
  const response = await requestPresignedUrls([{ name, size: bytes.length, type }], userId);
  expect(response.status).toBe(200);
  const [presigned] = (await response.json()) as Array<{ url: string; key: string; name: string }>;
  const form = new FormData();
  form.append("file", new File([Uint8Array.from(bytes)], name, { type }));
  const put = await fetch(presigned!.url, { method: "PUT", body: form, headers: { Range: "bytes=0-" } });
  expect(put.status).toBe(200);
  return presigned!.key;
}

beforeAll(async () => {
  // uploadthing 7.7.4's own UTApi.uploadFiles reads its deprecated `url`/`appUrl` getters and warns.
  const warn = console.warn.bind(console);
  vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("[uploadthing][deprecated]")) return;
    warn(...args);
  });
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "cocrea-ut-"));
  fake = await startFakeUploadThing();
  env = loadEnv({ NODE_ENV: "test", DATA_DIR: dataDir, UPLOADTHING_TOKEN: fake.token });
  files = createFileService({
    env,
    uploadThing: {
      apiUrl: fake.url,
      ingestUrl: fake.url,
      // A CDN host containing "local" is reached over http (uploadthing's own rule).
      ufsHost: `localhost:${fake.port}`,
      ufsAppIdLocation: "path",
      logLevel: "None",
    },
  });
  const handler = createUploadthingHandler({ env, db: database.db, files }, { authenticate, ingestUrl: fake.url, logLevel: "None" });
  app = await serveFetchHandler(UPLOADTHING_PATH, handler);
  for (const user of [author, other]) {
    const row = await database.db.user.create({
      data: { email: `${randomUUID()}@example.co`, name: "Prueba", passwordHash: "x", role: user.role },
    });
    user.id = row.id;
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await app?.close();
  await fake?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("UploadThing file route", () => {
  it("derives its config from rules.ts", async () => {
    const router = createIdeaAttachmentRouter({ db: database.db, files, authenticate });
    const [route] = extractRouterConfig(router);
    expect(route!.slug).toBe("ideaAttachment");
    expect(Object.keys(route!.config).sort()).toEqual(ATTACHMENT_TYPES.map((t) => t.mime).sort());
    for (const type of ATTACHMENT_TYPES) {
      expect(route!.config[type.mime]).toMatchObject({
        maxFileSize: `${type.maxMegabytes}MB`,
        maxFileCount: MAX_ATTACHMENTS,
        contentDisposition: "inline",
      });
    }
    // The handler publishes the same config to browsers.
    const published = (await (await fetch(app.url)).json()) as Array<{ slug: string; config: unknown }>;
    expect(published).toEqual([{ slug: route!.slug, config: route!.config }]);
  });

  it("refuses an unauthenticated upload request before anything reaches UploadThing", async () => {
    const before = fake.registrations.length;
    const response = await requestPresignedUrls([{ name: "a.pdf", size: 100, type: "application/pdf" }], null);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "Sign in to upload files." });
    expect(fake.registrations.length).toBe(before);
  });

  it("enforces the rule limits on the declared files", async () => {
    const status = async (metas: FileMeta[]) => (await requestPresignedUrls(metas, author.id)).status;
    expect(await status([{ name: "a.png", size: 5 * MEGABYTE, type: "image/png" }])).toBe(200);
    expect(await status([{ name: "a.png", size: 5 * MEGABYTE + 1, type: "image/png" }])).toBe(400);
    expect(await status([{ name: "a.jpg", size: 5 * MEGABYTE + 1, type: "image/jpeg" }])).toBe(400);
    expect(await status([{ name: "a.pdf", size: 10 * MEGABYTE, type: "application/pdf" }])).toBe(200);
    expect(await status([{ name: "a.pdf", size: 10 * MEGABYTE + 1, type: "application/pdf" }])).toBe(400);
    expect(await status([{ name: "a.txt", size: 10, type: "text/plain" }])).toBe(400);
    // Five per type would pass UploadThing's own count; the total of six does not.
    const six = [
      ...Array.from({ length: 3 }, (_, i) => ({ name: `${i}.pdf`, size: 10, type: "application/pdf" })),
      ...Array.from({ length: 3 }, (_, i) => ({ name: `${i}.png`, size: 10, type: "image/png" })),
    ];
    expect(await status(six)).toBe(400);
    expect(await status(six.slice(0, MAX_ATTACHMENTS))).toBe(200);
  });

  it("hands out presigned ingest URLs and registers the callback for an authenticated user", async () => {
    const response = await requestPresignedUrls([{ name: "Acta técnica.pdf", size: PDF_BYTES.length, type: "application/pdf" }], author.id);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Array<{ url: string; key: string; name: string; customId: string | null }>;
    expect(body).toHaveLength(1);
    expect(body[0]!.name).toBe("Acta técnica.pdf");
    const url = new URL(body[0]!.url);
    expect(url.origin).toBe(fake.url);
    expect(url.pathname).toBe(`/${body[0]!.key}`);
    expect(url.searchParams.get("x-ut-slug")).toBe(UPLOADTHING_SLUG);
    expect(url.searchParams.get("signature")).toMatch(/^hmac-sha256=[0-9a-f]{64}$/);
    const registration = fake.registrations.find((r) => r.fileKeys.includes(body[0]!.key));
    expect(registration).toMatchObject({ metadata: { userId: author.id }, callbackUrl: app.url, callbackSlug: UPLOADTHING_SLUG, isDev: false });
  });
});

describe("UploadThing callback", () => {
  it("accepts a correctly signed callback, records the file and reports it back", async () => {
    const key = await uploadThroughRoute(PDF_BYTES, "Acta técnica.pdf", "application/pdf", author.id);
    expect(fake.files.get(key)?.bytes).toEqual(PDF_BYTES);

    const response = await fake.sendCallback(key);
    expect(response.status).toBe(200);
    const row = await database.db.storedFile.findUnique({ where: { storageKey: key } });
    expect(row).toMatchObject({
      store: "UPLOADTHING",
      name: "Acta técnica.pdf",
      contentType: "application/pdf",
      size: PDF_BYTES.length,
      sha256: createHash("sha256").update(PDF_BYTES).digest("hex"),
      uploadedById: author.id,
      ideaId: null,
    });
    expect(fake.callbackResults).toContainEqual({
      fileKey: key,
      callbackData: { file: { id: row!.id, name: "Acta técnica.pdf", contentType: "application/pdf", size: PDF_BYTES.length }, error: null },
    });

    // A repeated delivery does not create a second row.
    expect((await fake.sendCallback(key)).status).toBe(200);
    expect(await database.db.storedFile.count({ where: { storageKey: key } })).toBe(1);

    // Downloads go through our access rule and are fetched server-side from the CDN.
    const download = await files.openDownload(database.db, author, row!.id);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF_BYTES);
    await expect(files.openDownload(database.db, other, row!.id)).rejects.toMatchObject({ messageKey: "file.notFound" });
  });

  it("rejects forged, missing or replayed-onto-other-body signatures and records nothing", async () => {
    const key = await uploadThroughRoute(PNG_BYTES, "logo.png", "image/png", author.id);
    const genuine = fake.callbackPayload(key);
    const forgedBody = genuine.replace(author.id, other.id);
    expect(forgedBody).not.toBe(genuine);
    const attempts = [
      { signature: `hmac-sha256=${"0".repeat(64)}` },
      { signature: null },
      { signature: "hmac-sha256=not-hex" },
      // A genuine signature, but of another body (metadata changed to another user).
      { signature: fake.sign(genuine), body: forgedBody },
      // Signed with a different secret.
      { signature: `hmac-sha256=${createHash("sha256").update(genuine).digest("hex")}` },
    ];
    for (const attempt of attempts) {
      const response = await fake.sendCallback(key, attempt);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: "Invalid signature" });
    }
    expect(await database.db.storedFile.count({ where: { storageKey: key } })).toBe(0);
    expect(fake.callbackResults.some((r) => r.fileKey === key)).toBe(false);
  });

  it("checks the uploaded content and deletes a disguised file from UploadThing", async () => {
    const key = await uploadThroughRoute(TEXT_BYTES, "informe.pdf", "application/pdf", author.id);
    const response = await fake.sendCallback(key);
    expect(response.status).toBe(200);
    expect(await database.db.storedFile.count({ where: { storageKey: key } })).toBe(0);
    expect(fake.deleteRequests).toContainEqual([key]);
    expect(fake.files.has(key)).toBe(false);
    expect(fake.callbackResults).toContainEqual({ fileKey: key, callbackData: { file: null, error: "file.typeNotAllowed" } });
  });
});

describe("UploadThing store (server-side UTApi)", () => {
  it("uploads through the ingest server, downloads through signed URLs and deletes through the API", async () => {
    expect(files.store).toBe("UPLOADTHING");
    const image = padded(PNG_BYTES, 4096);
    const [pdf, png] = await files.storeUploads(database.db, author.id, [fileOf(PDF_BYTES, "plan.pdf"), fileOf(image, "foto.png")]);
    const rows = await database.db.storedFile.findMany({ where: { id: { in: [pdf!.id, png!.id] } } });
    expect(rows.every((row) => row.store === "UPLOADTHING")).toBe(true);
    const pngRow = rows.find((row) => row.id === png!.id)!;
    // The fake only stored it because the presigned URL's signature was valid.
    expect(fake.files.get(pngRow.storageKey)).toMatchObject({ name: "foto.png", type: "image/png", bytes: image });

    const download = await files.openDownload(database.db, author, png!.id);
    expect(download.headers.get("content-length")).toBe(String(image.length));
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(image);

    await database.db.storedFile.updateMany({
      where: { id: { in: [pdf!.id, png!.id] } },
      data: { createdAt: new Date(Date.now() - 48 * 3600 * 1000) },
    });
    const removed = await files.deleteOrphans(database.db, new Date(Date.now() - 24 * 3600 * 1000));
    expect(removed).toBeGreaterThanOrEqual(2);
    expect(fake.deleteRequests.some((keys) => keys.includes(pngRow.storageKey))).toBe(true);
    expect(fake.files.has(pngRow.storageKey)).toBe(false);
    expect(fake.refused).toEqual([]);
  });

  it("sweeps files UploadThing keeps without a row once the grace period is over, and keeps the rest", async () => {
    const [recorded, crashedOld, crashedNew] = await files.storeUploads(database.db, author.id, [
      fileOf(PDF_BYTES, "con-fila.pdf"),
      fileOf(PDF_BYTES, "sin-fila-vieja.pdf"),
      fileOf(PDF_BYTES, "sin-fila-nueva.pdf"),
    ]);
    const keyOf = async (id: string) => (await database.db.storedFile.findUniqueOrThrow({ where: { id } })).storageKey;
    const [recordedKey, oldKey, newKey] = [await keyOf(recorded!.id), await keyOf(crashedOld!.id), await keyOf(crashedNew!.id)];
    // As if the server had crashed between uploading these two and recording them.
    await database.db.storedFile.deleteMany({ where: { id: { in: [crashedOld!.id, crashedNew!.id] } } });
    const twoDaysAgo = Date.now() - 48 * 3600 * 1000;
    fake.files.get(recordedKey)!.uploadedAt = twoDaysAgo;
    fake.files.get(oldKey)!.uploadedAt = twoDaysAgo;

    const swept = await files.deleteStrayBlobs(database.db, new Date(Date.now() - 24 * 3600 * 1000));

    expect(swept.blobs).toBe(1);
    expect(fake.files.has(oldKey)).toBe(false);
    expect(fake.files.has(newKey)).toBe(true);
    expect(fake.files.has(recordedKey)).toBe(true);
    expect(fake.refused).toEqual([]);
  });

  it("deletes the blobs it uploaded when recording them fails", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = new Set(fake.files.keys());
    await expect(files.storeUploads(database.db, randomUUID(), [fileOf(PDF_BYTES, "a.pdf")])).rejects.toMatchObject({
      messageKey: "file.storeFailed",
    });
    expect([...fake.files.keys()].filter((key) => !before.has(key))).toEqual([]);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe("without UPLOADTHING_TOKEN", () => {
  it("answers 404 and keeps uploads local", async () => {
    const localEnv = loadEnv({ NODE_ENV: "test", DATA_DIR: dataDir });
    const localFiles = createFileService({ env: localEnv });
    expect(localFiles.store).toBe("LOCAL");
    const handler = createUploadthingHandler({ env: localEnv, db: database.db, files: localFiles }, { authenticate });
    expect((await handler(new Request("http://cocrea.test/api/uploadthing"))).status).toBe(404);
  });
});
