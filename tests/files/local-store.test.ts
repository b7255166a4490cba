import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../server/authz/actor";
import { loadEnv, type Env } from "../../server/config";
import type { Role } from "../../server/db/generated/enums";
import { createLocalStore } from "../../server/files/local-store";
import { MAX_ATTACHMENTS, MEGABYTE } from "../../server/files/rules";
import { fileRouter } from "../../server/files/router";
import { createFileService, type FileService } from "../../server/files/service";
import type { Context } from "../../server/trpc/context";
import { AppError } from "../../server/trpc/errors";
import { createCallerFactory, router } from "../../server/trpc/init";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { EXE_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES, TEXT_BYTES, fileOf, padded } from "./fixtures";
import { createChangeFeed } from "../../server/live/changes";

let database: TestDatabase;
let dataDir: string;
let env: Env;
let files: FileService;
const users = {} as Record<"author" | "other" | "secretariat", Actor>;

async function createUser(role: Role): Promise<Actor> {
  const user = await database.db.user.create({
    data: { email: `${randomUUID()}@example.co`, name: "Usuario de prueba", passwordHash: "not-a-real-hash", role },
  });
  return { id: user.id, role: user.role, memberships: new Map() };
}

async function createIdea(status: "PUBLISHED" | "DRAFT") {
  return database.db.idea.create({
    data: {
      title: "Idea de prueba",
      summary: "Resumen",
      problem: "Problema",
      solution: "Solución",
      sector: "ICT",
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      authorId: users.author.id,
    },
  });
}

/** Every file under <DATA_DIR>/uploads, as paths relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const root = path.join(dataDir, "uploads");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function expectRejection(promise: Promise<unknown>, key: string, params?: Record<string, unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.messageKey).toBe(key);
  if (params) expect(appError.params).toEqual(params);
  return appError;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "cocrea-files-"));
  env = loadEnv({ NODE_ENV: "test", DATA_DIR: dataDir });
  files = createFileService({ env });
  users.author = await createUser("ENTREPRENEUR");
  users.other = await createUser("COMPANY");
  users.secretariat = await createUser("SECRETARIAT");
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await database.db.storedFile.deleteMany();
  await rm(path.join(dataDir, "uploads"), { recursive: true, force: true });
});

describe("storeUploads on local disk", () => {
  it("stores every file and records it unattached", async () => {
    expect(files.store).toBe("LOCAL");
    const stored = await files.storeUploads(database.db, users.author.id, [
      fileOf(PDF_BYTES, "Informe técnico.pdf", "application/pdf"),
      fileOf(PNG_BYTES, "../../foto.png", "image/png"),
      fileOf(JPEG_BYTES, "plano.jpg", "image/jpeg"),
    ]);
    expect(stored.map(({ name, contentType, size }) => ({ name, contentType, size }))).toEqual([
      { name: "Informe técnico.pdf", contentType: "application/pdf", size: PDF_BYTES.length },
      { name: "foto.png", contentType: "image/png", size: PNG_BYTES.length },
      { name: "plano.jpg", contentType: "image/jpeg", size: JPEG_BYTES.length },
    ]);

    const rows = await database.db.storedFile.findMany({ orderBy: { name: "asc" } });
    expect(rows).toHaveLength(3);
    const disk = await filesOnDisk();
    expect(disk).toHaveLength(3);
    for (const [original, summary] of [[PDF_BYTES, stored[0]!], [PNG_BYTES, stored[1]!], [JPEG_BYTES, stored[2]!]] as const) {
      const row = rows.find((r) => r.id === summary.id)!;
      expect(row).toMatchObject({ store: "LOCAL", uploadedById: users.author.id, ideaId: null });
      expect(row.sha256).toBe(createHash("sha256").update(original).digest("hex"));
      // The key is random, never derived from the user's file name.
      expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect(disk).toContain(path.join(...row.storageKey.split("/")));
      const onDisk = await readFile(path.join(dataDir, "uploads", row.storageKey));
      expect(new Uint8Array(onDisk)).toEqual(original);
    }
  });

  it("names a file by its real type", async () => {
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(PNG_BYTES, "foto.pdf", "application/pdf")]);
    expect(stored).toMatchObject({ name: "foto.pdf.png", contentType: "image/png" });
  });

  it("refuses more than five files and stores nothing", async () => {
    const six = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => fileOf(PDF_BYTES, `acta-${i}.pdf`, "application/pdf"));
    const error = await expectRejection(files.storeUploads(database.db, users.author.id, six), "file.tooMany", { max: 5 });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors.attachments?.key).toBe("file.tooMany");
    expect(await database.db.storedFile.count()).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("refuses a file over its type's limit, even after valid ones, and stores nothing", async () => {
    const batch = [
      fileOf(PDF_BYTES, "valido.pdf", "application/pdf"),
      fileOf(padded(PNG_BYTES, 5 * MEGABYTE + 1), "grande.png", "image/png"),
    ];
    await expectRejection(files.storeUploads(database.db, users.author.id, batch), "file.tooLarge", { name: "grande.png", max: "5 MB" });
    const hugePdf = fileOf(padded(PDF_BYTES, 10 * MEGABYTE + 1), "enorme.pdf", "application/pdf");
    await expectRejection(files.storeUploads(database.db, users.author.id, [hugePdf]), "file.tooLarge", { name: "enorme.pdf", max: "10 MB" });
    expect(await database.db.storedFile.count()).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("accepts a PDF of exactly 10 MB", async () => {
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(padded(PDF_BYTES, 10 * MEGABYTE), "limite.pdf")]);
    expect(stored!.size).toBe(10 * MEGABYTE);
  });

  it("refuses content that is not an allowed type whatever its name claims, and stores nothing", async () => {
    const batch = [
      fileOf(PDF_BYTES, "valido.pdf", "application/pdf"),
      fileOf(TEXT_BYTES, "informe.pdf", "application/pdf"),
    ];
    await expectRejection(files.storeUploads(database.db, users.author.id, batch), "file.typeNotAllowed", { name: "informe.pdf" });
    await expectRejection(files.storeUploads(database.db, users.author.id, [fileOf(EXE_BYTES, "foto.jpg", "image/jpeg")]), "file.typeNotAllowed");
    await expectRejection(files.storeUploads(database.db, users.author.id, [fileOf(new Uint8Array(), "vacio.pdf")]), "file.empty", { name: "vacio.pdf" });
    await expectRejection(files.storeUploads(database.db, users.author.id, []), "validation.required");
    expect(await database.db.storedFile.count()).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("deletes the blobs it wrote when the database insert fails", async () => {
    const unknownUser = randomUUID(); // violates the uploadedBy foreign key
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await expectRejection(
      files.storeUploads(database.db, unknownUser, [fileOf(PDF_BYTES, "a.pdf"), fileOf(PNG_BYTES, "b.png")]),
      "file.storeFailed",
    );
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(await database.db.storedFile.count()).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
    expect(logged).toHaveBeenCalledWith("[files] recording uploads failed", expect.anything());
    logged.mockRestore();
  });
});

describe("openDownload", () => {
  it("streams the bytes with safe headers", async () => {
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(PDF_BYTES, "Informe técnico.pdf")]);
    const response = await files.openDownload(database.db, users.author, stored!.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(PDF_BYTES.length));
    expect(response.headers.get("content-disposition")).toBe(
      "inline; filename=\"Informe tecnico.pdf\"; filename*=UTF-8''Informe%20t%C3%A9cnico.pdf",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it("shows a file of a published idea to everyone, with a public cache header", async () => {
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(PNG_BYTES, "foto.png")]);
    const idea = await createIdea("PUBLISHED");
    await database.db.storedFile.update({ where: { id: stored!.id }, data: { ideaId: idea.id } });
    for (const viewer of [null, users.other, users.author, users.secretariat]) {
      const response = await files.openDownload(database.db, viewer, stored!.id);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_BYTES);
    }
  });

  it("shows an unattached file only to its uploader and the Secretariat", async () => {
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(JPEG_BYTES, "plano.jpg")]);
    expect((await files.openDownload(database.db, users.author, stored!.id)).status).toBe(200);
    expect((await files.openDownload(database.db, users.secretariat, stored!.id)).status).toBe(200);
    const denied = await expectRejection(files.openDownload(database.db, users.other, stored!.id), "file.notFound");
    expect(denied.code).toBe("NOT_FOUND");
    expect((await expectRejection(files.openDownload(database.db, null, stored!.id), "file.notFound")).code).toBe("NOT_FOUND");
  });

  it("keeps a file of an unpublished idea private", async () => {
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(PDF_BYTES, "borrador.pdf")]);
    const idea = await createIdea("DRAFT");
    await database.db.storedFile.update({ where: { id: stored!.id }, data: { ideaId: idea.id } });
    await expectRejection(files.openDownload(database.db, null, stored!.id), "file.notFound");
    await expectRejection(files.openDownload(database.db, users.other, stored!.id), "file.notFound");
    expect((await files.openDownload(database.db, users.author, stored!.id)).status).toBe(200);
  });

  it("answers NOT_FOUND for malformed ids, unknown ids and missing bytes", async () => {
    for (const id of ["not-a-uuid", "../../etc/passwd", "", randomUUID()]) {
      expect((await expectRejection(files.openDownload(database.db, users.secretariat, id), "file.notFound")).code).toBe("NOT_FOUND");
    }
    const [stored] = await files.storeUploads(database.db, users.author.id, [fileOf(PDF_BYTES, "perdido.pdf")]);
    const row = await database.db.storedFile.findUniqueOrThrow({ where: { id: stored!.id } });
    await rm(path.join(dataDir, "uploads", row.storageKey));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expectRejection(files.openDownload(database.db, users.author, stored!.id), "file.notFound");
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe("deleteOrphans", () => {
  it("removes old unattached files (rows and bytes) and keeps attached or recent ones", async () => {
    const [old, attached, recent] = await files.storeUploads(database.db, users.author.id, [
      fileOf(PDF_BYTES, "viejo.pdf"),
      fileOf(PNG_BYTES, "adjunto.png"),
      fileOf(JPEG_BYTES, "reciente.jpg"),
    ]);
    const idea = await createIdea("PUBLISHED");
    const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
    await database.db.storedFile.updateMany({ where: { id: { in: [old!.id, attached!.id] } }, data: { createdAt: twoDaysAgo } });
    await database.db.storedFile.update({ where: { id: attached!.id }, data: { ideaId: idea.id } });
    const oldKey = (await database.db.storedFile.findUniqueOrThrow({ where: { id: old!.id } })).storageKey;

    const removed = await files.deleteOrphans(database.db, new Date(Date.now() - 24 * 3600 * 1000));
    expect(removed).toBe(1);
    const left = await database.db.storedFile.findMany({ select: { id: true, storageKey: true } });
    expect(left.map((r) => r.id).sort()).toEqual([attached!.id, recent!.id].sort());
    const disk = await filesOnDisk();
    expect(disk).toHaveLength(2);
    expect(disk).not.toContain(path.join(...oldKey.split("/")));
  });
});

describe("local store keys", () => {
  it("refuses keys that are not its own random shape, so no path can escape the folder", async () => {
    const outside = path.join(dataDir, "secret.txt");
    await writeFile(outside, "secret");
    const store = createLocalStore(dataDir);
    for (const key of ["../secret.txt", "../../etc/passwd", "/etc/passwd", "ab/../../secret.txt", "ab/cd", `zz/${"0".repeat(32)}`]) {
      expect(await store.get(key)).toBeNull();
      await store.delete([key]);
    }
    expect(await readFile(outside, "utf8")).toBe("secret");
    const source = path.join(dataDir, "subida.tmp");
    await writeFile(source, PDF_BYTES);
    const key = await store.put({ path: source, size: PDF_BYTES.length, name: "../../evil.pdf", contentType: "application/pdf" });
    expect(key).toMatch(/^([0-9a-f]{2})\/\1[0-9a-f]{30}$/);
    const blob = await store.get(key);
    expect(blob?.size).toBe(PDF_BYTES.length);
    expect(new Uint8Array(await new Response(blob!.body).arrayBuffer())).toEqual(PDF_BYTES);
    await store.delete([key]);
    expect(await store.get(key)).toBeNull();
  });
});

describe("file.upload procedure", () => {
  const createCaller = createCallerFactory(router({ file: fileRouter }));
  function context(user: Actor | null): Context {
    return {
      db: database.db,
      env,
      files,
      changes: createChangeFeed(),
      locale: "es",
      ip: "127.0.0.1",
      userAgent: null,
      session: user ? { id: "session", expiresAt: new Date(Date.now() + 3600_000) } : null,
      user: user ? { id: user.id, email: "a@example.co", name: "A", role: user.role, locale: "es" } : null,
      actor: user,
      deviceToken: null,
      secureCookies: false,
      setCookie: () => {},
    };
  }

  it("stores the files of the form's `files` field for the signed-in user", async () => {
    const form = new FormData();
    form.append("title", "ignored");
    form.append("files", fileOf(PDF_BYTES, "acta.pdf", "application/pdf"));
    form.append("files", fileOf(PNG_BYTES, "logo.png", "image/png"));
    const result = await createCaller(context(users.other)).file.upload(form);
    expect(result.map((f) => f.name)).toEqual(["acta.pdf", "logo.png"]);
    const rows = await database.db.storedFile.findMany({ where: { id: { in: result.map((f) => f.id) } } });
    expect(rows.every((row) => row.uploadedById === users.other.id)).toBe(true);
  });

  it("requires a session and reports validation errors on the attachments field", async () => {
    const form = new FormData();
    form.append("files", fileOf(PDF_BYTES, "acta.pdf"));
    await expect(createCaller(context(null)).file.upload(form)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const bad = new FormData();
    bad.append("files", fileOf(TEXT_BYTES, "acta.pdf"));
    await expect(createCaller(context(users.author)).file.upload(bad)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "file.typeNotAllowed",
      fieldErrors: { attachments: { key: "file.typeNotAllowed" } },
    });
    expect(await database.db.storedFile.count()).toBe(0);
  });
});
