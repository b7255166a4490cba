-- CreateEnum
CREATE TYPE "SpaceKind" AS ENUM ('LAB', 'MAKERSPACE', 'COWORKING', 'MEETING_ROOM', 'AUDITORIUM');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('PENDING', 'CONFIRMED', 'CANCELLED', 'REJECTED', 'NO_SHOW', 'COMPLETED');

-- CreateTable
CREATE TABLE "Center" (
    "id" UUID NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "address" VARCHAR(300) NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "description" VARCHAR(3000) NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Center_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CenterHours" (
    "id" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "opensMinute" INTEGER NOT NULL,
    "closesMinute" INTEGER NOT NULL,

    CONSTRAINT "CenterHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CenterClosure" (
    "id" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CenterClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Space" (
    "id" UUID NOT NULL,
    "centerId" UUID NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "kind" "SpaceKind" NOT NULL,
    "capacity" INTEGER NOT NULL,
    "amenities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "accessibilityNotes" VARCHAR(2000) NOT NULL DEFAULT '',
    "description" VARCHAR(3000) NOT NULL DEFAULT '',
    "slotMinutes" INTEGER NOT NULL DEFAULT 30,
    "minDurationMinutes" INTEGER NOT NULL DEFAULT 30,
    "maxDurationMinutes" INTEGER NOT NULL DEFAULT 240,
    "minLeadMinutes" INTEGER NOT NULL DEFAULT 60,
    "maxHorizonDays" INTEGER NOT NULL DEFAULT 60,
    "bufferMinutes" INTEGER NOT NULL DEFAULT 0,
    "requiresApproval" BOOLEAN NOT NULL DEFAULT false,
    "allowedRoles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "userWeeklyHours" INTEGER,
    "orgWeeklyHours" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Space_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Booking" (
    "id" UUID NOT NULL,
    "spaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organizationId" UUID,
    "seriesId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "bufferMinutes" INTEGER NOT NULL,
    "blockedRange" tstzrange NOT NULL,
    "status" "BookingStatus" NOT NULL,
    "purpose" VARCHAR(500) NOT NULL,
    "attendees" INTEGER NOT NULL,
    "checkInCode" VARCHAR(12) NOT NULL,
    "checkedInAt" TIMESTAMPTZ(3),
    "statusReason" VARCHAR(2000),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "userId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "CenterHours_centerId_weekday_idx" ON "CenterHours"("centerId", "weekday");

-- CreateIndex
CREATE INDEX "CenterClosure_centerId_endsOn_idx" ON "CenterClosure"("centerId", "endsOn");

-- CreateIndex
CREATE INDEX "Space_centerId_idx" ON "Space"("centerId");

-- CreateIndex
CREATE UNIQUE INDEX "Booking_checkInCode_key" ON "Booking"("checkInCode");

-- CreateIndex
CREATE INDEX "Booking_spaceId_startsAt_idx" ON "Booking"("spaceId", "startsAt");

-- CreateIndex
CREATE INDEX "Booking_userId_startsAt_idx" ON "Booking"("userId", "startsAt");

-- CreateIndex
CREATE INDEX "Booking_status_startsAt_idx" ON "Booking"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Booking_seriesId_idx" ON "Booking"("seriesId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- AddForeignKey
ALTER TABLE "CenterHours" ADD CONSTRAINT "CenterHours_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CenterClosure" ADD CONSTRAINT "CenterClosure_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Space" ADD CONSTRAINT "Space_centerId_fkey" FOREIGN KEY ("centerId") REFERENCES "Center"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: what the schema language cannot express.

ALTER TABLE "CenterHours" ADD CONSTRAINT "CenterHours_range_check"
  CHECK ("weekday" BETWEEN 1 AND 7 AND "opensMinute" >= 0 AND "opensMinute" < "closesMinute" AND "closesMinute" <= 1440);
ALTER TABLE "CenterClosure" ADD CONSTRAINT "CenterClosure_dates_check" CHECK ("startsOn" <= "endsOn");
ALTER TABLE "Center" ADD CONSTRAINT "Center_coordinates_check"
  CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "Space" ADD CONSTRAINT "Space_rules_check" CHECK (
  "capacity" BETWEEN 1 AND 5000
  AND "slotMinutes" BETWEEN 5 AND 240
  AND "minDurationMinutes" >= "slotMinutes" AND "minDurationMinutes" <= "maxDurationMinutes" AND "maxDurationMinutes" <= 1440
  AND "minLeadMinutes" BETWEEN 0 AND 43200
  AND "maxHorizonDays" BETWEEN 1 AND 366
  AND "bufferMinutes" BETWEEN 0 AND 240
  AND ("userWeeklyHours" IS NULL OR "userWeeklyHours" BETWEEN 1 AND 168)
  AND ("orgWeeklyHours" IS NULL OR "orgWeeklyHours" BETWEEN 1 AND 168));

-- A booking's blocked time is its own time plus the buffer AFTER it: [startsAt, endsAt + buffer).
-- Two bookings then never overlap and always leave at least the earlier one's buffer between them
-- (extending both ends by the buffer would demand twice the buffer).
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_times_check" CHECK (
  "startsAt" < "endsAt" AND "attendees" >= 1 AND "bufferMinutes" BETWEEN 0 AND 240
  AND "blockedRange" = tstzrange("startsAt", "endsAt" + make_interval(mins => "bufferMinutes"), '[)'));

-- PostgreSQL itself never lets two live bookings of one space overlap, buffers included: the
-- losing insert of a race fails with SQLSTATE 23P01 (server/booking/service.ts turns it into a 409).
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_no_overlap"
  EXCLUDE USING gist ("spaceId" WITH =, "blockedRange" WITH &&) WHERE ("status" IN ('PENDING', 'CONFIRMED'));
