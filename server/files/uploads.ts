import { randomUUID } from "node:crypto";
import { inTransaction, type DbClient } from "../db/client";
import { dbErrorInfo } from "../db/errors";
import { AppError, fieldError } from "../trpc/errors";
import { checkAttachmentCount, checkClaimedSizes, checkDownloadedAttachment, type CheckedFile } from "./checks";
import { quotaExceeded, reserveUploadBytes, usedUploadBytes } from "./quota";
import { ATTACHMENTS_FIELD, chunksOf, createUploadScratch, type ReceivedFile } from "./receive";
import { sanitizeFileName } from "./sniff";
import type { BlobRef, FileStores } from "./stores";

/** A type alias, not an interface: it must fit UploadThing's JSON types as serverData. */
export type FileSummary = {
  id: string;
  name: string;
  contentType: string;
  size: number;
};

/** Bytes already in a store and not yet recorded: what `recordFiles` turns into rows. */
export interface WrittenFile extends BlobRef {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface UploadDeps {
  stores: FileStores;
  /** Bytes a person may store per day (UPLOAD_QUOTA_BYTES_PER_DAY). */
  quota: number;
  dataDir: string;
}

const storeFailed = () => new AppError("INTERNAL_SERVER_ERROR", "file.storeFailed");

function summary(row: FileSummary): FileSummary {
  return { id: row.id, name: row.name, contentType: row.contentType, size: row.size };
}

/**
 * First half of storing uploads: writes the bytes of files a scratch received (and so checked)
 * to the primary store. Blobs cannot join a database transaction, so they are written before
 * it; whoever calls this deletes them (`FileStores.deleteBlobs`) when the transaction recording
 * them fails, and the stray-blob sweep catches what a crash leaves. Refuses early, before any
 * byte is sent, a batch the quota plainly cannot take; `recordFiles` is what actually holds.
 */
export async function writeBlobs(
  db: DbClient,
  deps: UploadDeps,
  userId: string,
  files: readonly ReceivedFile[],
): Promise<WrittenFile[]> {
  checkAttachmentCount(files.length);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const used = await usedUploadBytes(db, userId);
  if (used + total > deps.quota) throw quotaExceeded(deps.quota, used);

  const { primary } = deps.stores;
  const written: WrittenFile[] = [];
  try {
    for (const { path, size, name, contentType, sha256 } of files) {
      const storageKey = await primary.put({ path, size, name, contentType });
      written.push({ store: primary.kind, storageKey, name, contentType, size, sha256 });
    }
  } catch (error) {
    console.error("[files] storing an upload failed", error);
    await deps.stores.deleteBlobs(written);
    throw storeFailed();
  }
  return written;
}

/**
 * Second half: records written blobs as `userId`'s unattached files and counts them against
 * today's quota, all or nothing. Run it on the use case's transaction, so a later step that
 * fails (creating the idea) takes the rows and the quota back with it.
 */
export async function recordFiles(
  db: DbClient,
  deps: UploadDeps,
  userId: string,
  written: readonly WrittenFile[],
): Promise<FileSummary[]> {
  if (written.length === 0) return [];
  const rows = written.map(({ store, storageKey, name, contentType, size, sha256 }) => ({
    id: randomUUID(),
    store,
    storageKey,
    name,
    contentType,
    size,
    sha256,
    uploadedById: userId,
    ideaId: null,
  }));
  const total = rows.reduce((sum, row) => sum + row.size, 0);
  try {
    await inTransaction(db, async (tx) => {
      await reserveUploadBytes(tx, userId, total, deps.quota);
      await tx.storedFile.createMany({ data: rows });
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error("[files] recording uploads failed", error);
    throw storeFailed();
  }
  return rows.map(summary);
}

/** Both halves, for uploads that are a use case of their own (the `file.upload` procedure). */
async function storeReceived(db: DbClient, deps: UploadDeps, userId: string, files: readonly ReceivedFile[]) {
  const written = await writeBlobs(db, deps, userId, files);
  try {
    return await recordFiles(db, deps, userId, written);
  } catch (error) {
    await deps.stores.deleteBlobs(written);
    throw error;
  }
}

/**
 * Checks every file (count, emptiness, size, real type by content) and only then stores them
 * all, unattached. Nothing is kept when anything fails. For files already in memory (the tRPC
 * procedure); forms arriving over HTTP stream into a scratch instead.
 */
export async function storeUploads(db: DbClient, deps: UploadDeps, userId: string, files: readonly File[]): Promise<FileSummary[]> {
  checkAttachmentCount(files.length);
  checkClaimedSizes(files);
  const scratch = await createUploadScratch(deps.dataDir);
  try {
    for (const file of files) {
      const received = await scratch.receive(file.name, chunksOf(file.stream()));
      if (!received) throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name: sanitizeFileName(file.name) });
    }
    return await storeReceived(db, deps, userId, scratch.files);
  } finally {
    await scratch.dispose();
  }
}

/**
 * Records a file a browser sent straight to UploadThing (the file route's onUploadComplete):
 * downloads it server-side, applies the same checks as storeUploads, and deletes it from
 * UploadThing when it fails them. Repeated callbacks for the same key return the same row.
 */
export async function recordUploadThingFile(
  db: DbClient,
  deps: UploadDeps,
  { userId, key, name }: { userId: string; key: string; name: string },
): Promise<FileSummary> {
  const existing = await db.storedFile.findUnique({ where: { storageKey: key } });
  if (existing) return summary(existing);
  const remote = deps.stores.storeFor("UPLOADTHING");
  if (!remote) throw storeFailed();

  const blob = await remote.get(key);
  if (!blob) throw new AppError("NOT_FOUND", "file.notFound");
  const forget = () => deps.stores.deleteBlobs([{ store: "UPLOADTHING", storageKey: key }]);
  let checked: CheckedFile;
  try {
    checked = await checkDownloadedAttachment(name, blob.body);
  } catch (error) {
    // A refused file goes; a download that broke off may succeed when UploadThing calls again.
    if (error instanceof AppError) await forget();
    throw error;
  }
  try {
    const row = await inTransaction(db, async (tx) => {
      await reserveUploadBytes(tx, userId, checked.size, deps.quota);
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
    // A parallel delivery of the same callback recorded it first (unique storageKey).
    if (dbErrorInfo(error)?.sqlState === "23505") {
      return summary(await db.storedFile.findUniqueOrThrow({ where: { storageKey: key } }));
    }
    await forget();
    if (error instanceof AppError) throw error;
    console.error("[files] recording an UploadThing file failed", error);
    throw storeFailed();
  }
}
