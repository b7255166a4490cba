import { createHash, randomUUID } from "node:crypto";
import type { Env } from "../config";
import type { Db, FileStore } from "../db/client";
import { AppError, fieldError } from "../trpc/errors";
import { createLocalStore } from "./local-store";
import { reserveUploadBytes, usedUploadBytes, quotaExceeded } from "./quota";
import {
  ATTACHMENTS_FIELD,
  chunksOf,
  createUploadScratch,
  sweepScratches,
  tooLargeError,
  type ReceivedFile,
  type UploadScratch,
} from "./receive";
import { LARGEST_ATTACHMENT_BYTES, MAX_ATTACHMENTS, formatSize, maxBytesFor } from "./rules";
import { sanitizeFileName, sniffAttachmentType, withExtensionFor } from "./sniff";
import type { BlobStore } from "./store";
import { createUploadThingStore, type UploadThingOverrides } from "./uploadthing-store";

export { ATTACHMENTS_FIELD };

/** A type alias, not an interface: it must fit UploadThing's JSON types as serverData. */
export type FileSummary = {
  id: string;
  name: string;
  contentType: string;
  size: number;
};

export interface FileViewer {
  id: string;
  role: string;
}

export interface BlobRef {
  store: FileStore;
  storageKey: string;
}

export interface FileService {
  /** Where new uploads go: UPLOADTHING when UPLOADTHING_TOKEN is set, LOCAL otherwise. */
  readonly store: FileStore;
  /**
   * Checks every file (count, emptiness, size, real type by content) and only then stores them
   * all, unattached (ideaId null). Nothing is kept when anything fails. For files already in
   * memory (the tRPC procedure); forms arriving over HTTP go through a scratch instead.
   */
  storeUploads(userId: string, files: File[]): Promise<FileSummary[]>;
  /** A private folder for one request's uploads (server/files/receive.ts); dispose it when done. */
  createScratch(): Promise<UploadScratch>;
  /**
   * Stores files a scratch received (and so checked), unattached, counting them against the
   * uploader's daily quota in the same transaction as their rows. All or nothing.
   */
  storeReceived(userId: string, files: readonly ReceivedFile[]): Promise<FileSummary[]>;
  /** Deletes unattached files of `userId` (rows and bytes), e.g. when the idea they were for failed. */
  discardUnattached(userId: string, fileIds: readonly string[]): Promise<void>;
  /**
   * The file as an HTTP response, if `viewer` may see it: anyone when its idea is published,
   * otherwise only its uploader or the Secretariat. Everything else is NOT_FOUND.
   */
  openDownload(viewer: FileViewer | null, fileId: string): Promise<Response>;
  /**
   * Records a file a browser sent straight to UploadThing (the file route's onUploadComplete):
   * downloads it server-side, applies the same checks as storeUploads, and deletes it from
   * UploadThing when it fails them. Repeated callbacks for the same key return the same row.
   */
  recordUploadThingFile(input: { userId: string; key: string; name: string }): Promise<FileSummary>;
  /** Best-effort removal of stored bytes (rows are the caller's business); failures are logged. */
  deleteBlobs(blobs: readonly BlobRef[]): Promise<void>;
  /** Deletes files never attached to an idea and created before `olderThan`; returns how many. */
  deleteOrphans(olderThan: Date, options?: { limit?: number }): Promise<number>;
  /**
   * Deletes blobs stored before `olderThan` that no row names (a crash between writing the bytes
   * and recording them), in every configured store, and scratch folders a crash left behind.
   */
  deleteStrayBlobs(olderThan: Date): Promise<{ blobs: number; scratches: number }>;
}

export interface FileServiceOptions {
  db: Db;
  env: Env;
  /** Where the UploadThing SDK connects (tests use a local fake). */
  uploadThing?: UploadThingOverrides;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CheckedFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const notFound = () => new AppError("NOT_FOUND", "file.notFound");

/**
 * The rules of rules.ts applied to content: empty, real type by magic bytes, the type's size
 * limit. Throws the user-facing error on the attachments field.
 */
export function checkAttachment(rawName: string, bytes: Uint8Array<ArrayBuffer>): CheckedFile {
  const name = sanitizeFileName(rawName);
  if (bytes.length === 0) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name });
  const type = sniffAttachmentType(bytes);
  if (!type) throw fieldError(ATTACHMENTS_FIELD, "file.typeNotAllowed", { name });
  const max = maxBytesFor(type);
  if (bytes.length > max) throw tooLargeError(name, max);
  return {
    name: withExtensionFor(name, type),
    contentType: type.mime,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
  };
}

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const fallback = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function summary(row: FileSummary): FileSummary {
  return { id: row.id, name: row.name, contentType: row.contentType, size: row.size };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export function createFileService({ db, env, uploadThing }: FileServiceOptions): FileService {
  const local = createLocalStore(env.DATA_DIR);
  const remote = env.UPLOADTHING_TOKEN ? createUploadThingStore(env.UPLOADTHING_TOKEN, uploadThing) : null;
  const primary: BlobStore = remote ?? local;

  function storeFor(kind: FileStore): BlobStore | null {
    return kind === "LOCAL" ? local : remote;
  }

  async function deleteBlobs(blobs: readonly BlobRef[]): Promise<void> {
    for (const kind of ["LOCAL", "UPLOADTHING"] as const) {
      const keys = blobs.filter((blob) => blob.store === kind).map((blob) => blob.storageKey);
      if (keys.length === 0) continue;
      const store = storeFor(kind);
      if (!store) {
        console.error(`[files] cannot delete ${keys.length} ${kind} blob(s): store not configured`, keys);
        continue;
      }
      await store.delete(keys).catch((error: unknown) => {
        console.error(`[files] failed to delete ${kind} blob(s)`, keys, error);
      });
    }
  }

  const quota = env.UPLOAD_QUOTA_BYTES_PER_DAY;

  async function storeReceived(userId: string, files: readonly ReceivedFile[]): Promise<FileSummary[]> {
    if (files.length === 0) throw fieldError(ATTACHMENTS_FIELD, "validation.required");
    if (files.length > MAX_ATTACHMENTS) throw fieldError(ATTACHMENTS_FIELD, "file.tooMany", { max: MAX_ATTACHMENTS });
    const total = files.reduce((sum, file) => sum + file.size, 0);
    // A first look, so a person over the quota does not make us send bytes to the store; the
    // reservation below, in the transaction, is what actually holds.
    const used = await usedUploadBytes(db, userId);
    if (used + total > quota) throw quotaExceeded(quota, used);

    const written: string[] = [];
    const forget = () => deleteBlobs(written.map((storageKey) => ({ store: primary.kind, storageKey })));
    try {
      for (const file of files) {
        written.push(await primary.put({ path: file.path, size: file.size, name: file.name, contentType: file.contentType }));
      }
    } catch (error) {
      console.error("[files] storing an upload failed", error);
      await forget();
      throw new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");
    }

    const rows = files.map((file, i) => ({
      id: randomUUID(),
      store: primary.kind,
      storageKey: written[i]!,
      name: file.name,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      uploadedById: userId,
      ideaId: null,
    }));
    try {
      await db.$transaction(async (tx) => {
        await reserveUploadBytes(tx, userId, total, quota);
        await tx.storedFile.createMany({ data: rows });
      });
    } catch (error) {
      await forget();
      if (error instanceof AppError) throw error;
      console.error("[files] recording uploads failed", error);
      throw new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");
    }
    return rows.map(summary);
  }

  return {
    store: primary.kind,

    async storeUploads(userId, files) {
      if (files.length === 0) throw fieldError(ATTACHMENTS_FIELD, "validation.required");
      if (files.length > MAX_ATTACHMENTS) throw fieldError(ATTACHMENTS_FIELD, "file.tooMany", { max: MAX_ATTACHMENTS });
      // Claimed sizes first, so nothing is copied when one file is plainly too big.
      for (const file of files) {
        const name = sanitizeFileName(file.name);
        if (file.size === 0) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name });
        if (file.size > LARGEST_ATTACHMENT_BYTES) throw tooLargeError(name, LARGEST_ATTACHMENT_BYTES);
      }
      const scratch = await createUploadScratch(env.DATA_DIR);
      try {
        for (const file of files) {
          const received = await scratch.receive(file.name, chunksOf(file.stream()));
          if (!received) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name: sanitizeFileName(file.name) });
        }
        return await storeReceived(userId, scratch.files);
      } finally {
        await scratch.dispose();
      }
    },

    createScratch: () => createUploadScratch(env.DATA_DIR),

    storeReceived,

    async discardUnattached(userId, fileIds) {
      if (fileIds.length === 0) return;
      const rows = await db.storedFile.findMany({
        where: { id: { in: [...fileIds] }, uploadedById: userId, ideaId: null },
        select: { id: true, store: true, storageKey: true },
      });
      await db.storedFile.deleteMany({ where: { id: { in: rows.map((row) => row.id) }, ideaId: null } });
      await deleteBlobs(rows);
    },

    async openDownload(viewer, fileId) {
      if (!UUID.test(fileId)) throw notFound();
      const row = await db.storedFile.findUnique({
        where: { id: fileId },
        select: {
          store: true,
          storageKey: true,
          name: true,
          contentType: true,
          size: true,
          uploadedById: true,
          idea: { select: { status: true } },
        },
      });
      if (!row) throw notFound();
      const isPublic = row.idea?.status === "PUBLISHED";
      const allowed = isPublic || (viewer !== null && (viewer.id === row.uploadedById || viewer.role === "SECRETARIAT"));
      if (!allowed) throw notFound();

      const store = storeFor(row.store);
      if (!store) {
        console.error(`[files] file ${fileId} is kept by ${row.store}, which is not configured`);
        throw notFound();
      }
      const blob = await store.get(row.storageKey);
      if (!blob) {
        console.error(`[files] file ${fileId} has a row but no bytes (${row.store} ${row.storageKey})`);
        throw notFound();
      }
      const headers = new Headers({
        "Content-Type": row.contentType,
        "Content-Length": String(blob.size ?? row.size),
        "Content-Disposition": contentDisposition("inline", row.name),
        "X-Content-Type-Options": "nosniff",
        // Published files may sit in caches briefly; restricted ones are never kept, so every view
        // passes the access check again (another person may use the same browser next).
        "Cache-Control": isPublic ? "public, max-age=300" : "private, no-store",
      });
      return new Response(blob.body, { status: 200, headers });
    },

    async recordUploadThingFile({ userId, key, name }) {
      const existing = await db.storedFile.findUnique({ where: { storageKey: key } });
      if (existing) return summary(existing);
      if (!remote) throw new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");

      const blob = await remote.get(key);
      if (!blob) throw notFound();
      const bytes = await readCapped(blob.body, LARGEST_ATTACHMENT_BYTES);
      let checked: CheckedFile;
      try {
        if (!bytes) {
          throw fieldError(ATTACHMENTS_FIELD, "file.tooLarge", {
            name: sanitizeFileName(name),
            max: formatSize(LARGEST_ATTACHMENT_BYTES),
          });
        }
        checked = checkAttachment(name, bytes);
      } catch (error) {
        await deleteBlobs([{ store: "UPLOADTHING", storageKey: key }]);
        throw error;
      }
      try {
        const row = await db.$transaction(async (tx) => {
          await reserveUploadBytes(tx, userId, checked.size, quota);
          return tx.storedFile.create({
            data: {
              store: "UPLOADTHING",
              storageKey: key,
              name: checked.name,
              contentType: checked.contentType,
              size: checked.size,
              sha256: checked.sha256,
              uploadedById: userId,
            },
          });
        });
        return summary(row);
      } catch (error) {
        if (isUniqueViolation(error)) {
          return summary(await db.storedFile.findUniqueOrThrow({ where: { storageKey: key } }));
        }
        if (error instanceof AppError) {
          await deleteBlobs([{ store: "UPLOADTHING", storageKey: key }]);
          throw error;
        }
        console.error("[files] recording an UploadThing file failed", error);
        await deleteBlobs([{ store: "UPLOADTHING", storageKey: key }]);
        throw new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");
      }
    },

    deleteBlobs,

    async deleteOrphans(olderThan, options = {}) {
      const candidates = await db.storedFile.findMany({
        where: { ideaId: null, createdAt: { lt: olderThan } },
        select: { id: true, store: true, storageKey: true },
        orderBy: { createdAt: "asc" },
        take: options.limit ?? 500,
      });
      const removed: BlobRef[] = [];
      for (const file of candidates) {
        // Re-checked per row: an idea may have attached the file since it was listed.
        const { count } = await db.storedFile.deleteMany({ where: { id: file.id, ideaId: null } });
        if (count === 1) removed.push(file);
      }
      await deleteBlobs(removed);
      return removed.length;
    },

    async deleteStrayBlobs(olderThan) {
      let blobs = 0;
      for (const store of [local, remote]) {
        if (!store) continue;
        // Listed first, deleted after: deleting while paging through UploadThing would shift its offsets.
        const stray: string[] = [];
        let batch: string[] = [];
        const flush = async () => {
          const known = await db.storedFile.findMany({
            where: { store: store.kind, storageKey: { in: batch } },
            select: { storageKey: true },
          });
          const recorded = new Set(known.map((row) => row.storageKey));
          stray.push(...batch.filter((key) => !recorded.has(key)));
          batch = [];
        };
        for await (const key of store.listOlderThan(olderThan)) {
          batch.push(key);
          if (batch.length >= 200) await flush();
        }
        if (batch.length > 0) await flush();
        if (stray.length === 0) continue;
        console.warn(`[files] deleting ${stray.length} ${store.kind} blob(s) without a row`);
        await deleteBlobs(stray.map((storageKey) => ({ store: store.kind, storageKey })));
        blobs += stray.length;
      }
      return { blobs, scratches: await sweepScratches(env.DATA_DIR, olderThan) };
    },
  };
}
