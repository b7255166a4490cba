-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'BOOKING_DECISION';
ALTER TYPE "NotificationKind" ADD VALUE 'BOOKING_CANCELLED';
ALTER TYPE "NotificationKind" ADD VALUE 'BOOKING_NO_SHOW';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "bookingId" UUID;

-- CreateIndex
CREATE INDEX "Notification_bookingId_idx" ON "Notification"("bookingId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
