/**
 * Photos of centers and spaces, managed by the Secretariat. The image takes the road of an
 * organization's logo: the page streams and checks the upload, stores and records it
 * (app/lib/place-photo.server.ts); only then does addPhoto, which checks the file again, attach it.
 * A removed photo's file is left to the orphan sweep (server/files/sweep.ts), as a replaced logo is.
 */
import type { Actor } from "../authz/actor";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { withConstraintMessages } from "../db/errors";
import { AppError, fieldError } from "../trpc/errors";
import { MAX_PHOTOS_PER_PLACE, PHOTO_MIMES } from "./photo-rules";

/** A center or a space: the photo's owner. */
export type Place = { kind: "center"; id: string } | { kind: "space"; id: string };

const placeWhere = (place: Place) => (place.kind === "center" ? { centerId: place.id } : { spaceId: place.id });

/** The photos of a place as reads return them (include it as `photos: PHOTOS_IN_ORDER`). */
export const PHOTOS_IN_ORDER = {
  select: { id: true, fileId: true, alt: true },
  orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  take: MAX_PHOTOS_PER_PLACE,
} satisfies Prisma.Center$photosArgs;

/** Served like every file, by /archivos/:id; its policy makes place photos public ("file.view"). */
export function photoViews(photos: readonly { id: string; fileId: string; alt: string }[]) {
  return photos.map((photo) => ({ id: photo.id, url: `/archivos/${photo.fileId}`, alt: photo.alt }));
}

/** Locks the place (two uploads at once cannot both take the sixth place) and answers NOT_FOUND for an unknown one. */
async function lockPlace(tx: Prisma.TransactionClient, place: Place) {
  const rows =
    place.kind === "center"
      ? await queryRows<{ id: string }>(tx, Prisma.sql`SELECT "id" FROM "Center" WHERE "id" = ${place.id}::uuid FOR UPDATE`)
      : await queryRows<{ id: string }>(tx, Prisma.sql`SELECT "id" FROM "Space" WHERE "id" = ${place.id}::uuid FOR UPDATE`);
  if (rows.length === 0) throw new AppError("NOT_FOUND", place.kind === "center" ? "center.notFound" : "space.notFound");
}

/** An image the actor uploaded that nothing else uses yet; anything else is the same refusal. */
async function checkPhotoFile(tx: Prisma.TransactionClient, actor: Actor, fileId: string) {
  const file = await tx.storedFile.findUnique({
    where: { id: fileId },
    select: { uploadedById: true, contentType: true, ideaId: true, organizationLogo: { select: { id: true } }, callTerms: { select: { id: true } } },
  });
  const free = file && file.ideaId === null && file.organizationLogo === null && file.callTerms === null;
  if (!file || !free || file.uploadedById !== actor.id || !PHOTO_MIMES.includes(file.contentType)) {
    throw fieldError("fileId", "photo.notImage");
  }
}

export async function addPhoto(db: DbClient, actor: Actor, place: Place, input: { fileId: string; alt: string }) {
  return inTransaction(db, async (tx) => {
    await lockPlace(tx, place);
    await checkPhotoFile(tx, actor, input.fileId);
    const where = placeWhere(place);
    const { _count, _max } = await tx.placePhoto.aggregate({ where, _count: { _all: true }, _max: { position: true } });
    if (_count._all >= MAX_PHOTOS_PER_PLACE) throw fieldError("fileId", "photo.limit", { max: MAX_PHOTOS_PER_PLACE }, "CONFLICT");
    const photo = await withConstraintMessages(
      () => tx.placePhoto.create({ data: { ...where, fileId: input.fileId, alt: input.alt, position: (_max.position ?? -1) + 1 }, select: { id: true, fileId: true, alt: true } }),
      { PlacePhoto_fileId_key: { key: "photo.notImage", field: "fileId" } },
    );
    await recordAudit(tx, { actorId: actor.id, action: `${place.kind}.photoAdd`, subjectType: place.kind === "center" ? "Center" : "Space", subjectId: place.id });
    return photoViews([photo])[0]!;
  });
}

/** Removes one photo of the place; the others keep their order. */
export async function removePhoto(db: DbClient, actor: Actor, place: Place, photoId: string) {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.placePhoto.deleteMany({ where: { id: photoId, ...placeWhere(place) } });
    if (count === 0) throw new AppError("NOT_FOUND", "photo.notFound");
    await recordAudit(tx, { actorId: actor.id, action: `${place.kind}.photoRemove`, subjectType: place.kind === "center" ? "Center" : "Space", subjectId: place.id });
    return { ok: true as const };
  });
}
