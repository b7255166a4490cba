-- DropIndex
DROP INDEX "Idea_sector_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Idea_sector_status_createdAt_id_idx" ON "Idea"("sector", "status", "createdAt" DESC, "id" DESC);
