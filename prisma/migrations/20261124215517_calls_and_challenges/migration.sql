-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('PROPOSED', 'CHANGES_REQUESTED', 'APPROVED', 'RESULTS_PUBLISHED', 'CLOSED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CallParticipationRole" AS ENUM ('ALLY', 'MENTOR', 'JURY');

-- CreateEnum
CREATE TYPE "CallParticipationStatus" AS ENUM ('REQUESTED', 'INVITED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('SUBMITTED', 'WITHDRAWN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'CALL_PROPOSAL_DECISION';
ALTER TYPE "NotificationKind" ADD VALUE 'CALL_PARTICIPATION_DECISION';
ALTER TYPE "NotificationKind" ADD VALUE 'CALL_DEADLINE_EXTENDED';
ALTER TYPE "NotificationKind" ADD VALUE 'CALL_RESULTS_PUBLISHED';
ALTER TYPE "NotificationKind" ADD VALUE 'CALL_JUROR_ASSIGNED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "callId" UUID;

-- CreateTable
CREATE TABLE "Call" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(90) NOT NULL,
    "title" VARCHAR(160) NOT NULL,
    "summary" VARCHAR(500) NOT NULL,
    "problem" VARCHAR(5000) NOT NULL,
    "objectives" VARCHAR(3000) NOT NULL,
    "expectedResults" VARCHAR(3000) NOT NULL,
    "sectors" "Sector"[] DEFAULT ARRAY[]::"Sector"[],
    "prizeText" VARCHAR(2000) NOT NULL,
    "prizeAmountCop" BIGINT,
    "eligibleRoles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "eligibleOrgKinds" "OrganizationKind"[] DEFAULT ARRAY[]::"OrganizationKind"[],
    "requiresOrganization" BOOLEAN NOT NULL DEFAULT false,
    "maxSubmissionsPerParticipant" INTEGER NOT NULL DEFAULT 1,
    "termsFileId" UUID,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "evaluationEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "resultsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "CallStatus" NOT NULL DEFAULT 'PROPOSED',
    "statusReason" VARCHAR(2000),
    "proposedById" UUID NOT NULL,
    "proposingOrganizationId" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "resultsPublishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallSponsor" (
    "callId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,

    CONSTRAINT "CallSponsor_pkey" PRIMARY KEY ("callId","organizationId")
);

-- CreateTable
CREATE TABLE "CallQuestion" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" VARCHAR(500) NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CallQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallParticipation" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "role" "CallParticipationRole" NOT NULL,
    "status" "CallParticipationStatus" NOT NULL,
    "message" VARCHAR(1000),
    "createdById" UUID NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallJuror" (
    "callId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organizationId" UUID,
    "assignedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallJuror_pkey" PRIMARY KEY ("callId","userId")
);

-- CreateTable
CREATE TABLE "CallCriterion" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "weight" INTEGER NOT NULL,
    "maxScore" INTEGER NOT NULL,

    CONSTRAINT "CallCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallSubmission" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "ideaId" UUID NOT NULL,
    "submitterId" UUID NOT NULL,
    "organizationId" UUID,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "isWinner" BOOLEAN NOT NULL DEFAULT false,
    "winnerJustification" VARCHAR(2000),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CallSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionAnswer" (
    "submissionId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "answer" VARCHAR(3000) NOT NULL,

    CONSTRAINT "SubmissionAnswer_pkey" PRIMARY KEY ("submissionId","questionId")
);

-- CreateTable
CREATE TABLE "Score" (
    "submissionId" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "jurorId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "value" INTEGER NOT NULL,
    "comment" VARCHAR(2000) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("submissionId","jurorId","criterionId")
);

-- CreateTable
CREATE TABLE "ClockOffset" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offsetMs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ClockOffset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Call_slug_key" ON "Call"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Call_termsFileId_key" ON "Call"("termsFileId");

-- CreateIndex
CREATE INDEX "Call_status_opensAt_idx" ON "Call"("status", "opensAt");

-- CreateIndex
CREATE INDEX "Call_status_closesAt_idx" ON "Call"("status", "closesAt");

-- CreateIndex
CREATE INDEX "Call_proposingOrganizationId_idx" ON "Call"("proposingOrganizationId");

-- CreateIndex
CREATE INDEX "CallSponsor_organizationId_idx" ON "CallSponsor"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CallQuestion_callId_position_key" ON "CallQuestion"("callId", "position");

-- CreateIndex
CREATE INDEX "CallParticipation_status_createdAt_idx" ON "CallParticipation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CallParticipation_organizationId_idx" ON "CallParticipation"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "CallParticipation_callId_organizationId_role_key" ON "CallParticipation"("callId", "organizationId", "role");

-- CreateIndex
CREATE INDEX "CallJuror_userId_idx" ON "CallJuror"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CallCriterion_callId_position_key" ON "CallCriterion"("callId", "position");

-- CreateIndex
CREATE INDEX "CallSubmission_callId_status_idx" ON "CallSubmission"("callId", "status");

-- CreateIndex
CREATE INDEX "CallSubmission_submitterId_idx" ON "CallSubmission"("submitterId");

-- CreateIndex
CREATE UNIQUE INDEX "CallSubmission_callId_ideaId_key" ON "CallSubmission"("callId", "ideaId");

-- CreateIndex
CREATE INDEX "Score_callId_jurorId_idx" ON "Score"("callId", "jurorId");

-- CreateIndex
CREATE INDEX "Notification_callId_idx" ON "Notification"("callId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_proposingOrganizationId_fkey" FOREIGN KEY ("proposingOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Call" ADD CONSTRAINT "Call_termsFileId_fkey" FOREIGN KEY ("termsFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallSponsor" ADD CONSTRAINT "CallSponsor_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallSponsor" ADD CONSTRAINT "CallSponsor_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallQuestion" ADD CONSTRAINT "CallQuestion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallParticipation" ADD CONSTRAINT "CallParticipation_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallParticipation" ADD CONSTRAINT "CallParticipation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallParticipation" ADD CONSTRAINT "CallParticipation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallParticipation" ADD CONSTRAINT "CallParticipation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallJuror" ADD CONSTRAINT "CallJuror_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallJuror" ADD CONSTRAINT "CallJuror_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallJuror" ADD CONSTRAINT "CallJuror_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallJuror" ADD CONSTRAINT "CallJuror_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallCriterion" ADD CONSTRAINT "CallCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallSubmission" ADD CONSTRAINT "CallSubmission_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallSubmission" ADD CONSTRAINT "CallSubmission_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallSubmission" ADD CONSTRAINT "CallSubmission_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallSubmission" ADD CONSTRAINT "CallSubmission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionAnswer" ADD CONSTRAINT "SubmissionAnswer_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CallSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionAnswer" ADD CONSTRAINT "SubmissionAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "CallQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CallSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_callId_jurorId_fkey" FOREIGN KEY ("callId", "jurorId") REFERENCES "CallJuror"("callId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "CallCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what the schema language cannot express.

-- The timeline runs forward, and the numbers mean something.
ALTER TABLE "Call" ADD CONSTRAINT "Call_timeline_check"
  CHECK ("opensAt" < "closesAt" AND "closesAt" <= "evaluationEndsAt" AND "evaluationEndsAt" <= "resultsAt");
ALTER TABLE "Call" ADD CONSTRAINT "Call_limits_check"
  CHECK ("maxSubmissionsPerParticipant" BETWEEN 1 AND 50 AND ("prizeAmountCop" IS NULL OR "prizeAmountCop" >= 0));
ALTER TABLE "CallCriterion" ADD CONSTRAINT "CallCriterion_numbers_check"
  CHECK ("weight" BETWEEN 1 AND 100 AND "maxScore" BETWEEN 1 AND 100);
ALTER TABLE "Score" ADD CONSTRAINT "Score_value_check" CHECK ("value" >= 0);

-- The database clock every call rule reads: now() plus the offset tests set (zero in production).
INSERT INTO "ClockOffset" ("id", "offsetMs") VALUES (1, 0);
ALTER TABLE "ClockOffset" ADD CONSTRAINT "ClockOffset_single_row" CHECK ("id" = 1);
CREATE FUNCTION cocrea_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT now() + make_interval(secs => coalesce((SELECT "offsetMs" FROM "ClockOffset" WHERE "id" = 1), 0) / 1000.0)
$$;
