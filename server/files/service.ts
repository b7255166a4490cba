import type { Actor } from "../authz/actor";
import type { Env } from "../config";
import type { DbClient, FileStore } from "../db/client";
import { openDownload } from "./download";
import { createUploadScratch, type ReceivedFile, type UploadScratch } from "./receive";
import { createFileStores, type BlobRef } from "./stores";
import { deleteOrphans, deleteStrayBlobs } from "./sweep";
import { recordFiles, recordUploadThingFile, storeUploads, writeBlobs, type FileSummary, type WrittenFile } from "./uploads";
import type { UploadThingOverrides } from "./uploadthing-store";

/**
 * Attachments, as the rest of the app sees them. The service holds configuration (where bytes
 * go, the daily quota), never a database client: every operation runs on the client it is
 * given, the root one or the transaction of the use case calling it.
 */
export interface FileService {
  /** Where new uploads go: UPLOADTHING when UPLOADTHING_TOKEN is set, LOCAL otherwise. */
  readonly store: FileStore;
  /** See uploads.ts `storeUploads`: checked, stored and recorded unattached, all or nothing. */
  storeUploads(db: DbClient, userId: string, files: readonly File[]): Promise<FileSummary[]>;
  /** A private folder for one request's uploads (server/files/receive.ts); dispose it when done. */
  createScratch(): Promise<UploadScratch>;
  /** Writes received files' bytes, before the use case's transaction (uploads.ts `writeBlobs`). */
  writeBlobs(db: DbClient, userId: string, files: readonly ReceivedFile[]): Promise<WrittenFile[]>;
  /** Records written bytes and charges the quota, in the use case's transaction (uploads.ts `recordFiles`). */
  recordFiles(db: DbClient, userId: string, written: readonly WrittenFile[]): Promise<FileSummary[]>;
  /** Best-effort removal of stored bytes (rows are the caller's business); failures are logged. */
  deleteBlobs(blobs: readonly BlobRef[]): Promise<void>;
  /** The file as an HTTP response if the policy lets `actor` see it, otherwise NOT_FOUND (download.ts). */
  openDownload(db: DbClient, actor: Actor | null, fileId: string): Promise<Response>;
  /** The UploadThing callback's work: check, record, or delete from UploadThing (uploads.ts). */
  recordUploadThingFile(db: DbClient, input: { userId: string; key: string; name: string }): Promise<FileSummary>;
  /** Deletes files never attached to an idea and created before `olderThan`; returns how many. */
  deleteOrphans(db: DbClient, olderThan: Date, options?: { limit?: number }): Promise<number>;
  /** Deletes blobs without a row, and abandoned scratches, older than `olderThan` (sweep.ts). */
  deleteStrayBlobs(db: DbClient, olderThan: Date): Promise<{ blobs: number; scratches: number }>;
}

export interface FileServiceOptions {
  env: Env;
  /** Where the UploadThing SDK connects (tests use a local fake). */
  uploadThing?: UploadThingOverrides;
}

export function createFileService({ env, uploadThing }: FileServiceOptions): FileService {
  const stores = createFileStores(env, uploadThing);
  const deps = { stores, quota: env.UPLOAD_QUOTA_BYTES_PER_DAY, dataDir: env.DATA_DIR };
  return {
    store: stores.primary.kind,
    storeUploads: (db, userId, files) => storeUploads(db, deps, userId, files),
    createScratch: () => createUploadScratch(env.DATA_DIR),
    writeBlobs: (db, userId, files) => writeBlobs(db, deps, userId, files),
    recordFiles: (db, userId, written) => recordFiles(db, deps, userId, written),
    deleteBlobs: (blobs) => stores.deleteBlobs(blobs),
    openDownload: (db, actor, fileId) => openDownload(db, stores, actor, fileId),
    recordUploadThingFile: (db, input) => recordUploadThingFile(db, deps, input),
    deleteOrphans: (db, olderThan, options) => deleteOrphans(db, stores, olderThan, options),
    deleteStrayBlobs: (db, olderThan) => deleteStrayBlobs(db, stores, env.DATA_DIR, olderThan),
  };
}
