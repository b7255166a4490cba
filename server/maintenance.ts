import { LONGEST_THROTTLE_WINDOW_MS } from "./auth/throttle";
import { deleteOldUploadUsage } from "./files/quota";
import type { Services } from "./trpc/context";

const HOUR_MS = 60 * 60 * 1000;
/** Uploads not attached to an idea within a day were abandoned (a form never submitted). */
export const ORPHAN_FILE_AGE_MS = 24 * HOUR_MS;

/**
 * Removes what only accumulates: expired sessions and devices, stale throttle counters, abandoned
 * uploads, bytes that never got a row, and past days' upload counters.
 */
export async function runMaintenance(services: Services, now = new Date()) {
  const [sessions, throttles, devices] = await Promise.all([
    services.db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
    services.db.loginThrottle.deleteMany({
      where: { windowStartAt: { lte: new Date(now.getTime() - LONGEST_THROTTLE_WINDOW_MS) } },
    }),
    services.db.trustedDevice.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
  const graceEnd = new Date(now.getTime() - ORPHAN_FILE_AGE_MS);
  const orphanFiles = await services.files.deleteOrphans(services.db, graceEnd);
  // After the rows: bytes whose row was just deleted are gone already, and what is left without
  // a row past the same grace period was written by a request that crashed before recording it.
  const stray = await services.files.deleteStrayBlobs(services.db, graceEnd);
  const uploadUsage = await deleteOldUploadUsage(services.db, now);
  return {
    sessions: sessions.count,
    throttles: throttles.count,
    devices: devices.count,
    orphanFiles,
    strayBlobs: stray.blobs,
    uploadScratches: stray.scratches,
    uploadUsage,
  };
}

/** Hourly, in the server process; a failure is logged and retried at the next tick. */
export function scheduleMaintenance(services: Services, everyMs = HOUR_MS): () => void {
  const tick = () =>
    runMaintenance(services).catch((error: unknown) => console.error("[maintenance]", error));
  const timer = setInterval(tick, everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
