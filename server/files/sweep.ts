import type { DbClient } from "../db/client";
import { sweepScratches } from "./receive";
import type { BlobRef, FileStores } from "./stores";

/**
 * The orphan sweep (server/maintenance.ts runs it hourly): what uploads leave behind when a form
 * is never submitted, or when a process dies between writing bytes and recording them.
 */

/** Deletes files attached to nothing (no idea, no organization logo, no call terms, no center or space photo) and created before `olderThan`; returns how many. */
export async function deleteOrphans(
  db: DbClient,
  stores: FileStores,
  olderThan: Date,
  options: { limit?: number } = {},
): Promise<number> {
  const candidates = await db.storedFile.findMany({
    where: { ideaId: null, organizationLogo: null, callTerms: null, placePhoto: null, createdAt: { lt: olderThan } },
    select: { id: true, store: true, storageKey: true },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 500,
  });
  const removed: BlobRef[] = [];
  for (const file of candidates) {
    // Re-checked per row: an idea or a logo may have taken the file since it was listed.
    const { count } = await db.storedFile.deleteMany({ where: { id: file.id, ideaId: null, organizationLogo: null, callTerms: null, placePhoto: null } });
    if (count === 1) removed.push(file);
  }
  await stores.deleteBlobs(removed);
  return removed.length;
}

/**
 * Deletes blobs stored before `olderThan` that no row names (a crash between writing the bytes
 * and recording them, or a failed use case whose own clean-up failed too), in every configured
 * store, and scratch folders a crash left behind.
 */
export async function deleteStrayBlobs(
  db: DbClient,
  stores: FileStores,
  dataDir: string,
  olderThan: Date,
): Promise<{ blobs: number; scratches: number }> {
  let blobs = 0;
  for (const store of stores.all) {
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
    await stores.deleteBlobs(stray.map((storageKey) => ({ store: store.kind, storageKey })));
    blobs += stray.length;
  }
  return { blobs, scratches: await sweepScratches(dataDir, olderThan) };
}
