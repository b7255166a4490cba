-- CreateTable
CREATE TABLE "PlacePhoto" (
    "id" UUID NOT NULL,
    "centerId" UUID,
    "spaceId" UUID,
    "fileId" UUID NOT NULL,
    "alt" VARCHAR(200) NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlacePhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlacePhoto_fileId_key" ON "PlacePhoto"("fileId");

-- CreateIndex
CREATE INDEX "PlacePhoto_centerId_position_idx" ON "PlacePhoto"("centerId", "position");

-- CreateIndex
CREATE INDEX "PlacePhoto_spaceId_position_idx" ON "PlacePhoto"("spaceId", "position");

-- AddForeignKey
ALTER TABLE "PlacePhoto" ADD CONSTRAINT "PlacePhoto_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacePhoto" ADD CONSTRAINT "PlacePhoto_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlacePhoto" ADD CONSTRAINT "PlacePhoto_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma has no CHECK): a photo belongs to a center or to a space, never both or neither;
-- the alt text is never blank. The limit of 6 per place is the service's (server/booking/photos.ts).
ALTER TABLE "PlacePhoto" ADD CONSTRAINT "PlacePhoto_place_check" CHECK (num_nonnulls("centerId", "spaceId") = 1);
ALTER TABLE "PlacePhoto" ADD CONSTRAINT "PlacePhoto_alt_check" CHECK (char_length(btrim("alt")) >= 3 AND "position" >= 0);
