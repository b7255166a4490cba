import type { Env } from "../config";
import type { FileStore } from "../db/client";
import { createLocalStore } from "./local-store";
import type { BlobStore } from "./store";
import { createUploadThingStore, type UploadThingOverrides } from "./uploadthing-store";

/** Where one file's bytes are: what a StoredFile row names. */
export interface BlobRef {
  store: FileStore;
  storageKey: string;
}

/**
 * Storage selection: new uploads go to UploadThing when UPLOADTHING_TOKEN is set, to local disk
 * otherwise; files kept by either stay readable (and deletable) as long as it is configured.
 */
export interface FileStores {
  /** Where new uploads go. */
  readonly primary: BlobStore;
  /** Every configured store, for the sweep of blobs without a row. */
  readonly all: readonly BlobStore[];
  /** The store keeping files of `kind`, or null when it is not configured on this server. */
  storeFor(kind: FileStore): BlobStore | null;
  /** Best-effort removal of stored bytes (rows are the caller's business); failures are logged. */
  deleteBlobs(blobs: readonly BlobRef[]): Promise<void>;
}

export function createFileStores(env: Env, uploadThing?: UploadThingOverrides): FileStores {
  const local = createLocalStore(env.DATA_DIR);
  const remote = env.UPLOADTHING_TOKEN ? createUploadThingStore(env.UPLOADTHING_TOKEN, uploadThing) : null;

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

  return { primary: remote ?? local, all: remote ? [local, remote] : [local], storeFor, deleteBlobs };
}
