/**
 * The booking sweep, run by the background worker (server/notification/worker.ts registers it):
 * every minute, CONFIRMED bookings nobody checked in BOOKING_NO_SHOW_MINUTES after their start
 * become NO_SHOW (their time is free again), checked-in bookings that ended become COMPLETED, and
 * PENDING bookings nobody decided before their start become REJECTED. Bookers of no-shows and of
 * expired requests are notified (server/booking/notify.ts).
 */
import type { CronItem, TaskList } from "graphile-worker";
import type { Env } from "../config";
import type { Db } from "../db/client";
import type { ChangeFeed } from "../live/changes";
import { releaseNoShows } from "./manage";

export const RELEASE_NO_SHOWS_TASK = "booking-release-no-shows";

export const releaseNoShowsCron: CronItem = {
  task: RELEASE_NO_SHOWS_TASK,
  identifier: RELEASE_NO_SHOWS_TASK,
  match: "* * * * *",
  // A worker that was down catches up once: the sweep looks at the clock, not at the minute it was due.
  options: { backfillPeriod: 0, maxAttempts: 3 },
};

/** `changes`: the live feed, told of a sweep that moved bookings (the embedded database cannot tell it). */
export function bookingTasks(deps: { db: Db; env: Env; changes?: ChangeFeed }): TaskList {
  return {
    [RELEASE_NO_SHOWS_TASK]: async (_payload, helpers) => {
      const { released, completed, expired } = await releaseNoShows(deps.db, deps.env.BOOKING_NO_SHOW_MINUTES);
      if (released + completed + expired === 0) return;
      deps.changes?.afterWrite(RELEASE_NO_SHOWS_TASK);
      helpers.logger.debug(`bookings: ${released} no-show, ${completed} completed, ${expired} expired undecided`);
    },
  };
}
