-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('IDEA_STATUS_CHANGED', 'IDEA_COMMENT', 'OFFICIAL_REPLY', 'COAUTHOR_INVITATION', 'MODERATION_DECISION', 'REPORT_OUTCOME');

-- CreateEnum
CREATE TYPE "EmailDelivery" AS ENUM ('IMMEDIATE', 'DAILY', 'NONE');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "IdeaFollow" (
    "ideaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdeaFollow_pkey" PRIMARY KEY ("ideaId","userId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "recipientId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "ideaId" UUID,
    "actorId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "digestPending" BOOLEAN NOT NULL DEFAULT false,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "delivery" "EmailDelivery" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" UUID NOT NULL,
    "notificationId" UUID,
    "userId" UUID NOT NULL,
    "digestKey" VARCHAR(60),
    "digestOf" UUID[] DEFAULT ARRAY[]::UUID[],
    "toEmail" VARCHAR(254) NOT NULL,
    "locale" VARCHAR(5) NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(2000),
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdeaFollow_userId_idx" ON "IdeaFollow"("userId");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_id_idx" ON "Notification"("recipientId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_ideaId_idx" ON "Notification"("ideaId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_notificationId_key" ON "EmailOutbox"("notificationId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_digestKey_key" ON "EmailOutbox"("digestKey");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_createdAt_idx" ON "EmailOutbox"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_userId_idx" ON "EmailOutbox"("userId");

-- AddForeignKey
ALTER TABLE "IdeaFollow" ADD CONSTRAINT "IdeaFollow_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaFollow" ADD CONSTRAINT "IdeaFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand: Prisma's schema language cannot express partial indexes.
-- The header's unread count and the unread-first list read only unread rows of one person.
CREATE INDEX "Notification_unread_idx" ON "Notification" ("recipientId", "createdAt" DESC, "id" DESC) WHERE "readAt" IS NULL;
-- The daily digest reads only what waits for it.
CREATE INDEX "Notification_digest_idx" ON "Notification" ("recipientId") WHERE "digestPending";

-- Authors and accepted co-authors follow their ideas (new ones follow from now on in the code).
INSERT INTO "IdeaFollow" ("ideaId", "userId") SELECT "id", "authorId" FROM "Idea" ON CONFLICT DO NOTHING;
INSERT INTO "IdeaFollow" ("ideaId", "userId") SELECT "ideaId", "userId" FROM "IdeaCoauthor" WHERE "status" = 'ACCEPTED' ON CONFLICT DO NOTHING;
