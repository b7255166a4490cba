import { describe, expect, it } from "vitest";
import { createSession, sessionIdFromToken } from "../server/auth/session";
import { LOGIN_RULES, LONGEST_THROTTLE_WINDOW_MS, reserveAttempt } from "../server/auth/throttle";
import { ORPHAN_FILE_AGE_MS, runMaintenance } from "../server/maintenance";
import { createUser, useTestServices } from "./support/callers";

const suite = useTestServices();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe("runMaintenance", () => {
  it("removes expired sessions, stale login counters and abandoned uploads, and nothing else", async () => {
    const now = new Date();
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const expired = await createSession(suite.db, user.id, {}, new Date(now.getTime() - 31 * 24 * 3600 * 1000));
    const live = await createSession(suite.db, user.id, {});
    await reserveAttempt(suite.db, LOGIN_RULES.IP, "ip:stale", new Date(now.getTime() - LONGEST_THROTTLE_WINDOW_MS - 1000));
    await reserveAttempt(suite.db, LOGIN_RULES.IP, "ip:fresh", now);

    const [abandoned] = await suite.services.files.storeUploads(suite.db, user.id, [new File([PNG], "viejo.png", { type: "image/png" })]);
    const [recent] = await suite.services.files.storeUploads(suite.db, user.id, [new File([PNG], "nuevo.png", { type: "image/png" })]);
    const [attached] = await suite.services.files.storeUploads(suite.db, user.id, [new File([PNG], "adjunto.png", { type: "image/png" })]);
    const old = new Date(now.getTime() - ORPHAN_FILE_AGE_MS - 60_000);
    await suite.db.storedFile.updateMany({ where: { id: { in: [abandoned!.id, attached!.id] } }, data: { createdAt: old } });
    const idea = await suite.db.idea.create({
      data: { title: "Idea con adjunto", summary: "s".repeat(20), problem: "p".repeat(20), solution: "x".repeat(20), sector: "ICT", authorId: user.id },
    });
    await suite.db.storedFile.update({ where: { id: attached!.id }, data: { ideaId: idea.id } });

    const result = await runMaintenance(suite.services, now);

    expect(result.orphanFiles).toBe(1);
    const remainingFiles = (await suite.db.storedFile.findMany({ where: { uploadedById: user.id } })).map((f) => f.id);
    expect(remainingFiles.sort()).toEqual([recent!.id, attached!.id].sort());
    const sessions = await suite.db.session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(sessions.map((s) => s.id)).toEqual([sessionIdFromToken(live.token)]);
    expect(sessions.map((s) => s.id)).not.toContain(sessionIdFromToken(expired.token));
    const keys = (await suite.db.loginThrottle.findMany({ where: { key: { in: ["ip:stale", "ip:fresh"] } } })).map((t) => t.key);
    expect(keys).toEqual(["ip:fresh"]);
  });
});
