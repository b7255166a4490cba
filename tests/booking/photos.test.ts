/** Photos of centers and spaces: attached by the Secretariat (images only, alt text required, 6 at most), read in order, public. */
import { describe, expect, it } from "vitest";
import { can } from "../../server/authz/policy";
import { callerAs, failureOf, useTestServices } from "../support/callers";
import { createCenter, createSpace } from "./fixtures";

const suite = useTestServices();

let n = 0;
/** A file row as the upload road records it; `contentType` is what the bytes were sniffed as. */
async function uploaded(uploadedById: string, contentType = "image/png", createdAt = new Date()) {
  return suite.db.storedFile.create({
    data: { store: "LOCAL", storageKey: `photo-test-${++n}-${Date.now()}`, name: `foto-${n}.png`, contentType, size: 10, sha256: "0".repeat(64), uploadedById, createdAt },
  });
}

async function secretariat() {
  const { caller, user } = await callerAs(suite.services, "SECRETARIAT");
  return { caller, userId: user!.id };
}

describe("space and center photos", () => {
  it("returns a space's photos in upload order on space.get and space.list, and a center's on center.get", async () => {
    const { caller, userId } = await secretariat();
    const space = await createSpace(suite.db);
    const first = await uploaded(userId);
    const second = await uploaded(userId, "image/jpeg");
    const added = await caller.space.addPhoto({ spaceId: space.id, fileId: first.id, alt: "  Sala con mesa larga  " });
    expect(added).toEqual({ id: expect.any(String), url: `/archivos/${first.id}`, alt: "Sala con mesa larga" });
    await caller.space.addPhoto({ spaceId: space.id, fileId: second.id, alt: "Vista desde la entrada" });

    const photos = [
      { id: added.id, url: `/archivos/${first.id}`, alt: "Sala con mesa larga" },
      { id: expect.any(String), url: `/archivos/${second.id}`, alt: "Vista desde la entrada" },
    ];
    expect((await caller.space.get({ id: space.id })).photos).toEqual(photos);
    expect((await caller.space.list({ centerId: space.centerId })).find((s) => s.id === space.id)?.photos).toEqual(photos);

    const centerFile = await uploaded(userId);
    await caller.center.addPhoto({ centerId: space.centerId, fileId: centerFile.id, alt: "Fachada del centro" });
    const center = await caller.center.get({ id: space.centerId });
    expect(center.photos).toEqual([{ id: expect.any(String), url: `/archivos/${centerFile.id}`, alt: "Fachada del centro" }]);
    // The center's photo is not one of the space's.
    expect((await caller.space.get({ id: space.id })).photos).toHaveLength(2);

    await caller.space.removePhoto({ spaceId: space.id, photoId: added.id });
    expect((await caller.space.get({ id: space.id })).photos.map((p) => p.alt)).toEqual(["Vista desde la entrada"]);
  });

  it("takes at most 6 photos per space and per center, with a clear message", async () => {
    const { caller, userId } = await secretariat();
    const space = await createSpace(suite.db);
    for (let i = 1; i <= 6; i++) await caller.space.addPhoto({ spaceId: space.id, fileId: (await uploaded(userId)).id, alt: `Foto número ${i}` });
    const seventh = await uploaded(userId);
    const refused = await failureOf(caller.space.addPhoto({ spaceId: space.id, fileId: seventh.id, alt: "Una más" }));
    expect(refused.httpStatus).toBe(409);
    expect(refused.fieldErrors.fileId).toBe("Cada centro y cada espacio admite como máximo 6 fotos: quita una antes de subir otra.");
    expect(await suite.db.placePhoto.count({ where: { spaceId: space.id } })).toBe(6);

    const center = await createCenter(suite.db);
    for (let i = 1; i <= 6; i++) await caller.center.addPhoto({ centerId: center.id, fileId: (await uploaded(userId)).id, alt: `Foto número ${i}` });
    expect((await failureOf(caller.center.addPhoto({ centerId: center.id, fileId: (await uploaded(userId)).id, alt: "Una más" }))).httpStatus).toBe(409);

    // Removing one makes room again, placed last.
    const [oldest] = (await caller.space.get({ id: space.id })).photos;
    await caller.space.removePhoto({ spaceId: space.id, photoId: oldest!.id });
    await caller.space.addPhoto({ spaceId: space.id, fileId: seventh.id, alt: "Una más" });
    expect((await caller.space.get({ id: space.id })).photos.map((p) => p.alt)).toEqual(["Foto número 2", "Foto número 3", "Foto número 4", "Foto número 5", "Foto número 6", "Una más"]);
  });

  it("refuses a file that is not an image, or not the Secretariat member's own, with a clear Spanish message", async () => {
    const { caller, userId } = await secretariat();
    const space = await createSpace(suite.db);
    const message = "La foto debe ser una imagen PNG o JPEG que hayas subido y que no esté adjunta a otra cosa.";
    const pdf = await uploaded(userId, "application/pdf");
    const notImage = await failureOf(caller.space.addPhoto({ spaceId: space.id, fileId: pdf.id, alt: "Un documento" }));
    expect(notImage.httpStatus).toBe(400);
    expect(notImage.fieldErrors.fileId).toBe(message);

    const { user: other } = await callerAs(suite.services, "SECRETARIAT");
    const someoneElses = await uploaded(other!.id);
    expect((await failureOf(caller.space.addPhoto({ spaceId: space.id, fileId: someoneElses.id, alt: "Foto ajena" }))).fieldErrors.fileId).toBe(message);

    // One file is one photo: attaching it to a second place is refused too.
    const png = await uploaded(userId);
    await caller.space.addPhoto({ spaceId: space.id, fileId: png.id, alt: "Sala" });
    expect((await failureOf(caller.center.addPhoto({ centerId: space.centerId, fileId: png.id, alt: "Sala" }))).fieldErrors.fileId).toBe(message);
    expect(await suite.db.placePhoto.count({ where: { spaceId: space.id } })).toBe(1);
  });

  it("requires an alt text of 3 to 200 characters", async () => {
    const { caller, userId } = await secretariat();
    const space = await createSpace(suite.db);
    const png = await uploaded(userId);
    const message = "Describe la foto en 3 a 200 caracteres, para quienes no pueden verla.";
    for (const alt of ["", "   ", "ab", "x".repeat(201)]) {
      const refused = await failureOf(caller.space.addPhoto({ spaceId: space.id, fileId: png.id, alt }));
      expect(refused.httpStatus, JSON.stringify(alt)).toBe(400);
      expect(refused.fieldErrors.alt, JSON.stringify(alt)).toBe(message);
    }
    expect(await suite.db.placePhoto.count({ where: { spaceId: space.id } })).toBe(0);
  });

  it("answers 404 for an unknown place or a photo of another place", async () => {
    const { caller, userId } = await secretariat();
    const space = await createSpace(suite.db);
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await failureOf(caller.space.addPhoto({ spaceId: missing, fileId: (await uploaded(userId)).id, alt: "Sala" }))).httpStatus).toBe(404);
    const photo = await caller.space.addPhoto({ spaceId: space.id, fileId: (await uploaded(userId)).id, alt: "Sala" });
    const other = await createSpace(suite.db, { centerId: space.centerId });
    expect((await failureOf(caller.space.removePhoto({ spaceId: other.id, photoId: photo.id }))).httpStatus).toBe(404);
    expect((await failureOf(caller.center.removePhoto({ centerId: space.centerId, photoId: photo.id }))).httpStatus).toBe(404);
  });

  it("makes an attached photo public and keeps it from the orphan sweep until it is removed", async () => {
    const { caller, userId } = await secretariat();
    const space = await createSpace(suite.db);
    const weekOld = new Date(Date.now() - 7 * 86_400_000);
    const png = await uploaded(userId, "image/png", weekOld);
    const photo = await caller.space.addPhoto({ spaceId: space.id, fileId: png.id, alt: "Sala" });
    expect(can(null, "file.view", { uploadedById: userId, idea: null, isPlacePhoto: true })).toBe(true);
    expect(can(null, "file.view", { uploadedById: userId, idea: null })).toBe(false);

    await suite.services.files.deleteOrphans(suite.db, new Date());
    expect(await suite.db.storedFile.count({ where: { id: png.id } })).toBe(1);
    await caller.space.removePhoto({ spaceId: space.id, photoId: photo.id });
    await suite.services.files.deleteOrphans(suite.db, new Date());
    expect(await suite.db.storedFile.count({ where: { id: png.id } })).toBe(0);
  });
});
