-- CreateEnum
CREATE TYPE "IdeaEventKind" AS ENUM ('CREATED', 'EDITED', 'TRANSITION');

-- CreateEnum
CREATE TYPE "CoauthorStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('SPAM', 'OFFENSIVE', 'OFF_TOPIC', 'PERSONAL_DATA', 'OTHER');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- AlterEnum
ALTER TYPE "IdeaStatus" ADD VALUE 'HIDDEN';

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN     "hiddenFromStatus" "IdeaStatus",
ADD COLUMN     "organizationId" UUID,
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3),
ALTER COLUMN "status" SET DEFAULT 'DRAFT';

-- CreateTable
CREATE TABLE "IdeaEvent" (
    "id" BIGSERIAL NOT NULL,
    "ideaId" UUID NOT NULL,
    "actorId" UUID,
    "kind" "IdeaEventKind" NOT NULL,
    "fromStatus" "IdeaStatus",
    "toStatus" "IdeaStatus",
    "reason" VARCHAR(2000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdeaEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdeaCoauthor" (
    "ideaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "CoauthorStatus" NOT NULL DEFAULT 'INVITED',
    "invitedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "IdeaCoauthor_pkey" PRIMARY KEY ("ideaId","userId")
);

-- CreateTable
CREATE TABLE "IdeaReport" (
    "id" UUID NOT NULL,
    "ideaId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "details" VARCHAR(1000),
    "status" "ReportStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedById" UUID,

    CONSTRAINT "IdeaReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" VARCHAR(60) NOT NULL,
    "subjectType" VARCHAR(40) NOT NULL,
    "subjectId" VARCHAR(64) NOT NULL,
    "reason" VARCHAR(2000),
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdeaEvent_ideaId_createdAt_idx" ON "IdeaEvent"("ideaId", "createdAt");

-- CreateIndex
CREATE INDEX "IdeaCoauthor_userId_status_idx" ON "IdeaCoauthor"("userId", "status");

-- CreateIndex
CREATE INDEX "IdeaReport_status_createdAt_idx" ON "IdeaReport"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdeaReport_ideaId_reporterId_key" ON "IdeaReport"("ideaId", "reporterId");

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_id_idx" ON "AuditEntry"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_idx" ON "AuditEntry"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_idx" ON "AuditEntry"("actorId");

-- CreateIndex
CREATE INDEX "AuditEntry_action_idx" ON "AuditEntry"("action");

-- CreateIndex
CREATE INDEX "Idea_organizationId_idx" ON "Idea"("organizationId");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaEvent" ADD CONSTRAINT "IdeaEvent_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaEvent" ADD CONSTRAINT "IdeaEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaCoauthor" ADD CONSTRAINT "IdeaCoauthor_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaCoauthor" ADD CONSTRAINT "IdeaCoauthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaCoauthor" ADD CONSTRAINT "IdeaCoauthor_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaReport" ADD CONSTRAINT "IdeaReport_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaReport" ADD CONSTRAINT "IdeaReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaReport" ADD CONSTRAINT "IdeaReport_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
