-- CreateEnum
CREATE TYPE "AllianceStatus" AS ENUM ('FORMING', 'ACTIVE', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AllianceSector" AS ENUM ('PUBLIC', 'PRIVATE', 'ACADEMIA', 'ENTREPRENEUR');

-- CreateEnum
CREATE TYPE "AlliancePartyStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('MENTORING_HOURS', 'LAB_ACCESS', 'EQUIPMENT', 'FUNDING_COP', 'DATA', 'OTHER');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PENDING', 'DONE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ALLIANCE_INVITATION';
ALTER TYPE "NotificationKind" ADD VALUE 'ALLIANCE_STATUS_CHANGED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "allianceId" UUID;

-- CreateTable
CREATE TABLE "Alliance" (
    "id" UUID NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "purpose" VARCHAR(3000) NOT NULL,
    "expectedOutcome" VARCHAR(3000) NOT NULL,
    "ideaId" UUID,
    "callId" UUID,
    "status" "AllianceStatus" NOT NULL DEFAULT 'FORMING',
    "tripleHelix" BOOLEAN NOT NULL DEFAULT false,
    "statusReason" VARCHAR(2000),
    "proposedById" UUID NOT NULL,
    "activatedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Alliance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllianceParty" (
    "id" UUID NOT NULL,
    "allianceId" UUID NOT NULL,
    "organizationId" UUID,
    "userId" UUID,
    "sector" "AllianceSector" NOT NULL,
    "status" "AlliancePartyStatus" NOT NULL,
    "isProposer" BOOLEAN NOT NULL DEFAULT false,
    "declineReason" VARCHAR(1000),
    "invitedById" UUID NOT NULL,
    "answeredById" UUID,
    "answeredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllianceParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "id" UUID NOT NULL,
    "allianceId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "quantity" BIGINT NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "publishAmount" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "allianceId" UUID NOT NULL,
    "ownerPartyId" UUID NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "description" VARCHAR(2000) NOT NULL DEFAULT '',
    "dueDate" DATE NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PENDING',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneUpdate" (
    "id" UUID NOT NULL,
    "milestoneId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "progress" INTEGER NOT NULL,
    "status" "MilestoneStatus" NOT NULL,
    "note" VARCHAR(2000) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MilestoneUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Alliance_status_activatedAt_idx" ON "Alliance"("status", "activatedAt" DESC);

-- CreateIndex
CREATE INDEX "Alliance_ideaId_idx" ON "Alliance"("ideaId");

-- CreateIndex
CREATE INDEX "Alliance_callId_idx" ON "Alliance"("callId");

-- CreateIndex
CREATE INDEX "Alliance_proposedById_idx" ON "Alliance"("proposedById");

-- CreateIndex
CREATE INDEX "AllianceParty_organizationId_idx" ON "AllianceParty"("organizationId");

-- CreateIndex
CREATE INDEX "AllianceParty_userId_idx" ON "AllianceParty"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AllianceParty_allianceId_organizationId_key" ON "AllianceParty"("allianceId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "AllianceParty_allianceId_userId_key" ON "AllianceParty"("allianceId", "userId");

-- CreateIndex
CREATE INDEX "Commitment_allianceId_idx" ON "Commitment"("allianceId");

-- CreateIndex
CREATE INDEX "Commitment_partyId_idx" ON "Commitment"("partyId");

-- CreateIndex
CREATE INDEX "Milestone_allianceId_dueDate_idx" ON "Milestone"("allianceId", "dueDate");

-- CreateIndex
CREATE INDEX "MilestoneUpdate_milestoneId_createdAt_idx" ON "MilestoneUpdate"("milestoneId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_allianceId_idx" ON "Notification"("allianceId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_allianceId_fkey" FOREIGN KEY ("allianceId") REFERENCES "Alliance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alliance" ADD CONSTRAINT "Alliance_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alliance" ADD CONSTRAINT "Alliance_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alliance" ADD CONSTRAINT "Alliance_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceParty" ADD CONSTRAINT "AllianceParty_allianceId_fkey" FOREIGN KEY ("allianceId") REFERENCES "Alliance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceParty" ADD CONSTRAINT "AllianceParty_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceParty" ADD CONSTRAINT "AllianceParty_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceParty" ADD CONSTRAINT "AllianceParty_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceParty" ADD CONSTRAINT "AllianceParty_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_allianceId_fkey" FOREIGN KEY ("allianceId") REFERENCES "Alliance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "AllianceParty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_allianceId_fkey" FOREIGN KEY ("allianceId") REFERENCES "Alliance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_ownerPartyId_fkey" FOREIGN KEY ("ownerPartyId") REFERENCES "AllianceParty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneUpdate" ADD CONSTRAINT "MilestoneUpdate_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneUpdate" ADD CONSTRAINT "MilestoneUpdate_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "AllianceParty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneUpdate" ADD CONSTRAINT "MilestoneUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand: what Prisma's schema language cannot express.
-- An alliance is around an idea, a call, or both.
ALTER TABLE "Alliance" ADD CONSTRAINT "Alliance_subject_check" CHECK ("ideaId" IS NOT NULL OR "callId" IS NOT NULL);
-- A party is an organization or a person, never both.
ALTER TABLE "AllianceParty" ADD CONSTRAINT "AllianceParty_who_check" CHECK (("organizationId" IS NULL) <> ("userId" IS NULL));
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
ALTER TABLE "MilestoneUpdate" ADD CONSTRAINT "MilestoneUpdate_progress_check" CHECK ("progress" BETWEEN 0 AND 100);
-- The history is a record: reports are never edited or deleted (only with their alliance).
CREATE FUNCTION cocrea_history_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END $$;
CREATE TRIGGER "MilestoneUpdate_append_only" BEFORE UPDATE ON "MilestoneUpdate"
  FOR EACH ROW EXECUTE FUNCTION cocrea_history_append_only();
