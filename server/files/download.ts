import type { Actor } from "../authz/actor";
import { can, PUBLIC_CALL_STATES, type FileRecord } from "../authz/policy";
import type { DbClient } from "../db/client";
import { AppError } from "../trpc/errors";
import type { FileStores } from "./stores";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = () => new AppError("NOT_FOUND", "file.notFound");

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

/**
 * The file as an HTTP response, if the policy lets `actor` see it ("file.view"). Anyone else
 * gets NOT_FOUND, exactly as for an unknown id: whether a private file exists is private too.
 */
export async function openDownload(db: DbClient, stores: FileStores, actor: Actor | null, fileId: string): Promise<Response> {
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
      idea: { select: { status: true, authorId: true, coauthors: { select: { userId: true, status: true } } } },
      organizationLogo: { select: { id: true } },
      callTerms: { select: { status: true } },
      placePhoto: { select: { id: true } },
    },
  });
  if (!row) throw notFound();
  const idea = row.idea && { ...row.idea, coauthors: row.idea.coauthors.map((c) => ({ id: c.userId, status: c.status })) };
  const record: FileRecord = {
    uploadedById: row.uploadedById,
    idea,
    isLogo: row.organizationLogo !== null,
    isPublicCallTerms: row.callTerms !== null && PUBLIC_CALL_STATES.includes(row.callTerms.status),
    isPlacePhoto: row.placePhoto !== null,
  };
  if (!can(actor, "file.view", record)) throw notFound();

  const store = stores.storeFor(row.store);
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
    // Files anyone may see may sit in caches briefly; restricted ones are never kept, so every
    // view passes the access check again (another person may use the same browser next).
    "Cache-Control": can(null, "file.view", record) ? "public, max-age=300" : "private, no-store",
  });
  return new Response(blob.body, { status: 200, headers });
}
