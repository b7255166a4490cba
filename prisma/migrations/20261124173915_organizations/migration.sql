-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "OfferKind" AS ENUM ('LAB', 'EQUIPMENT', 'MENTORING', 'FUNDING', 'DATA', 'TRAINING', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipRequestKind" AS ENUM ('INVITATION', 'JOIN_REQUEST');

-- CreateEnum
CREATE TYPE "MembershipRequestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED');

-- AlterEnum (edited by hand: organization admins become owners, rows kept)
ALTER TYPE "MembershipRole" RENAME VALUE 'ADMIN' TO 'OWNER';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "city" VARCHAR(80) NOT NULL DEFAULT 'Barrancabermeja',
ADD COLUMN     "contactEmail" VARCHAR(254),
ADD COLUMN     "description" VARCHAR(3000) NOT NULL DEFAULT '',
ADD COLUMN     "logoFileId" UUID,
ADD COLUMN     "sectors" "Sector"[] DEFAULT ARRAY[]::"Sector"[],
ADD COLUMN     "slug" VARCHAR(80),
ADD COLUMN     "verification" "VerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
ADD COLUMN     "verificationReason" VARCHAR(2000),
ADD COLUMN     "verificationRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "website" VARCHAR(300);
-- Edited by hand: existing organizations keep their sector and get a slug from their name.
UPDATE "Organization" SET "sectors" = ARRAY["sector"] WHERE "sector" IS NOT NULL;
UPDATE "Organization"
   SET "slug" = left(trim(both '-' from regexp_replace(lower(cocrea_unaccent("name")), '[^a-z0-9]+', '-', 'g')), 60) || '-' || left("id"::text, 8);
ALTER TABLE "Organization" ALTER COLUMN "slug" SET NOT NULL, DROP COLUMN "sector";

-- CreateTable
CREATE TABLE "OrganizationOffer" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "OfferKind" NOT NULL,
    "title" VARCHAR(140) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganizationOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipRequest" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "kind" "MembershipRequestKind" NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "userId" UUID,
    "createdById" UUID NOT NULL,
    "status" "MembershipRequestStatus" NOT NULL DEFAULT 'PENDING',
    "message" VARCHAR(1000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MembershipRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrganizationOffer_organizationId_idx" ON "OrganizationOffer"("organizationId");

-- CreateIndex
CREATE INDEX "MembershipRequest_organizationId_status_idx" ON "MembershipRequest"("organizationId", "status");

-- CreateIndex
CREATE INDEX "MembershipRequest_email_status_idx" ON "MembershipRequest"("email", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_logoFileId_key" ON "Organization"("logoFileId");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_verification_verificationRequestedAt_idx" ON "Organization"("verification", "verificationRequestedAt");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_logoFileId_fkey" FOREIGN KEY ("logoFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationOffer" ADD CONSTRAINT "OrganizationOffer_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipRequest" ADD CONSTRAINT "MembershipRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: one pending invitation or join request per organization and email.
CREATE UNIQUE INDEX "MembershipRequest_pending_key" ON "MembershipRequest" ("organizationId", "email") WHERE "status" = 'PENDING';
-- Search by name, accent-insensitive, substring: trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Organization_name_trgm_idx" ON "Organization" USING gin (cocrea_unaccent(lower("name")) gin_trgm_ops);
