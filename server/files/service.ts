import { createHash, randomUUID } from "node:crypto";
import type { Env } from "../config";
import type { Db, FileStore } from "../db/client";
import { AppError, fieldError } from "../trpc/errors";
import { createLocalStore } from "./local-store";
import { LARGEST_ATTACHMENT_BYTES, MAX_ATTACHMENTS, formatSize, maxBytesFor } from "./rules";
import { sanitizeFileName, sniffAttachmentType, withExtensionFor } from "./sniff";
import type { BlobStore } from "./store";
import { createUploadThingStore, type UploadThingOverrides } from "./uploadthing-store";

/** The form field (and error field) uploads arrive under. */
export const ATTACHMENTS_FIELD = "attachments";

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
   * all, unattached (ideaId null). Nothing is kept when anything fails.
   */
  storeUploads(userId: string, files: File[]): Promise<FileSummary[]>;
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
  if (bytes.length > max) throw fieldError(ATTACHMENTS_FIELD, "file.tooLarge", { name, max: formatSize(max) });
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

  return {
    store: primary.kind,

    async storeUploads(userId, files) {
      if (files.length === 0) throw fieldError(ATTACHMENTS_FIELD, "validation.required");
      if (files.length > MAX_ATTACHMENTS) throw fieldError(ATTACHMENTS_FIELD, "file.tooMany", { max: MAX_ATTACHMENTS });
      // Claimed sizes first, so nothing is read into memory when one file is plainly too big.
      for (const file of files) {
        const name = sanitizeFileName(file.name);
        if (file.size === 0) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name });
        if (file.size > LARGEST_ATTACHMENT_BYTES) {
          throw fieldError(ATTACHMENTS_FIELD, "file.tooLarge", { name, max: formatSize(LARGEST_ATTACHMENT_BYTES) });
        }
      }
      const checked: CheckedFile[] = [];
      for (const file of files) {
        checked.push(checkAttachment(file.name, new Uint8Array(await file.arrayBuffer())));
      }

      const written: string[] = [];
      const forget = () => deleteBlobs(written.map((storageKey) => ({ store: primary.kind, storageKey })));
      try {
        for (const file of checked) {
          written.push(await primary.put({ bytes: file.bytes, name: file.name, contentType: file.contentType }));
        }
      } catch (error) {
        console.error("[files] storing an upload failed", error);
        await forget();
        throw new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");
      }

      const rows = checked.map((file, i) => ({
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
        await db.storedFile.createMany({ data: rows });
      } catch (error) {
        console.error("[files] recording uploads failed", error);
        await forget();
        throw new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");
      }
      return rows.map(summary);
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
        const row = await db.storedFile.create({
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
        return summary(row);
      } catch (error) {
        if (isUniqueViolation(error)) {
          return summary(await db.storedFile.findUniqueOrThrow({ where: { storageKey: key } }));
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
  };
}
