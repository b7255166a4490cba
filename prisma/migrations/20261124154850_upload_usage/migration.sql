-- CreateTable
CREATE TABLE "UploadUsage" (
    "userId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "bytes" BIGINT NOT NULL,

    CONSTRAINT "UploadUsage_pkey" PRIMARY KEY ("userId","day")
);

-- CreateIndex
CREATE INDEX "UploadUsage_day_idx" ON "UploadUsage"("day");

-- AddForeignKey
ALTER TABLE "UploadUsage" ADD CONSTRAINT "UploadUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
