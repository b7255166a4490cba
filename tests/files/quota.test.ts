import { describe, expect, it } from "vitest";
import { quotaDay, reserveUploadBytes, usedUploadBytes } from "../../server/files/quota";
import { MEGABYTE } from "../../server/files/rules";
import { ORPHAN_FILE_AGE_MS, runMaintenance } from "../../server/maintenance";
import { describeError } from "../../server/trpc/error-shape";
import { AppError } from "../../server/trpc/errors";
import { createUser, useTestServices } from "../support/callers";
import { PDF_BYTES, fileOf, padded } from "./fixtures";

const QUOTA = MEGABYTE;
const suite = useTestServices({ UPLOAD_QUOTA_BYTES_PER_DAY: String(QUOTA) });
const FILE_BYTES = 300 * 1024;

describe("the daily upload quota", () => {
  it("lets parallel uploads that together pass the quota store only up to it", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => suite.services.files.storeUploads(suite.db, user.id, [fileOf(padded(PDF_BYTES, FILE_BYTES), `acta-${i}.pdf`)])),
    );
    const stored = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.flatMap((a) => (a.status === "rejected" ? [a.reason as AppError] : []));
    expect(stored).toHaveLength(Math.floor(QUOTA / FILE_BYTES));
    expect(refused.map((e) => [e.code, e.messageKey])).toEqual(Array(8 - stored.length).fill(["TOO_MANY_REQUESTS", "file.quotaExceeded"]));

    const rows = await suite.db.storedFile.findMany({ where: { uploadedById: user.id }, select: { size: true } });
    const total = rows.reduce((sum, row) => sum + row.size, 0);
    expect(total).toBe(stored.length * FILE_BYTES);
    expect(total).toBeLessThanOrEqual(QUOTA);
    expect(await usedUploadBytes(suite.db, user.id)).toBe(total);

    // What the person reads, on the attachments field: the quota and what is left today.
    const description = describeError(refused[0], "es");
    expect(description.httpStatus).toBe(429);
    expect(description.fieldErrors.attachments).toBe("Con estos archivos superarías tu límite diario de 1 MB. Hoy puedes subir 124 KB más.");
    expect(describeError(refused[0], "en").message).toBe("These files would exceed your daily upload limit of 1 MB. You can upload 124 KB more today.");
  });

  it("counts each person separately and gives nothing back when a file is deleted", async () => {
    const [ana, beto] = [await createUser(suite.db, "ENTREPRENEUR"), await createUser(suite.db, "COMPANY")];
    const big = fileOf(padded(PDF_BYTES, 900 * 1024), "plano.pdf");
    const [file] = await suite.services.files.storeUploads(suite.db, ana.id, [big]);
    await suite.services.files.storeUploads(suite.db, beto.id, [big]);
    // Abandoned, then removed by the hourly sweep: the bytes it took still count for today.
    await suite.db.storedFile.update({ where: { id: file!.id }, data: { createdAt: new Date(Date.now() - 2 * ORPHAN_FILE_AGE_MS) } });
    expect(await suite.services.files.deleteOrphans(suite.db, new Date(Date.now() - ORPHAN_FILE_AGE_MS))).toBe(1);
    await expect(suite.services.files.storeUploads(suite.db, ana.id, [fileOf(padded(PDF_BYTES, FILE_BYTES), "otra.pdf")])).rejects.toMatchObject({
      messageKey: "file.quotaExceeded",
    });
  });

  it("starts again the next day in Bogotá, and the sweep forgets days before yesterday", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    // 23:30 in Bogotá is already the next day in UTC; it still counts as the same Bogotá day.
    const lateEvening = new Date("2026-03-10T04:30:00Z");
    expect(quotaDay(lateEvening)).toBe("2026-03-09");
    await reserveUploadBytes(suite.db, user.id, QUOTA, QUOTA, lateEvening);
    await expect(reserveUploadBytes(suite.db, user.id, 1, QUOTA, lateEvening)).rejects.toMatchObject({ messageKey: "file.quotaExceeded" });
    const nextMorning = new Date("2026-03-10T12:00:00Z");
    await reserveUploadBytes(suite.db, user.id, QUOTA, QUOTA, nextMorning);

    const weekLater = new Date(nextMorning.getTime() + 7 * 24 * 3600 * 1000 + ORPHAN_FILE_AGE_MS);
    const result = await runMaintenance(suite.services, weekLater);
    expect(result.uploadUsage).toBeGreaterThanOrEqual(2);
    expect(await usedUploadBytes(suite.db, user.id, nextMorning)).toBe(0);
  });
});
