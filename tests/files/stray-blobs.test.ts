import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ORPHAN_FILE_AGE_MS, runMaintenance } from "../../server/maintenance";
import { createUser, useTestServices } from "../support/callers";
import { PDF_BYTES, fileOf } from "./fixtures";

const suite = useTestServices();

const HOUR_MS = 3600 * 1000;

async function writeAged(file: string, ageMs: number) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, PDF_BYTES);
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
}

async function exists(file: string) {
  return readdir(path.dirname(file)).then(
    (names) => names.includes(path.basename(file)),
    () => false,
  );
}

describe("the hourly sweep of the local store", () => {
  it("deletes bytes that never got a row once the grace period is over, and keeps fresh ones and recorded ones", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const idea = await suite.db.idea.create({
      data: { title: "Idea con adjunto", summary: "s".repeat(20), problem: "p".repeat(20), solution: "x".repeat(20), sector: "ICT", authorId: user.id },
    });
    const [recorded] = await suite.services.files.storeUploads(suite.db, user.id, [fileOf(PDF_BYTES, "con-fila.pdf")]);
    await suite.db.storedFile.update({ where: { id: recorded!.id }, data: { ideaId: idea.id } });
    const uploads = path.join(suite.services.env.DATA_DIR, "uploads");
    const recordedKey = (await suite.db.storedFile.findUniqueOrThrow({ where: { id: recorded!.id } })).storageKey;
    const recordedFile = path.join(uploads, recordedKey);
    const old = new Date(Date.now() - 2 * ORPHAN_FILE_AGE_MS);
    await utimes(recordedFile, old, old);

    // Bytes written by requests that crashed before recording them: one long ago, one just now.
    const crashedLongAgo = path.join(uploads, "ab", `ab${"1".repeat(30)}`);
    const crashedJustNow = path.join(uploads, "cd", `cd${"2".repeat(30)}`);
    await writeAged(crashedLongAgo, ORPHAN_FILE_AGE_MS + HOUR_MS);
    await writeAged(crashedJustNow, HOUR_MS);
    // Not of the store's own making: never touched.
    const foreign = path.join(uploads, "LEEME.txt");
    await writeAged(foreign, 10 * ORPHAN_FILE_AGE_MS);
    // Scratch folders of requests that crashed mid-upload, and one of a request still running.
    const scratches = path.join(suite.services.env.DATA_DIR, "tmp");
    await writeAged(path.join(scratches, "upload-viejo", "0"), ORPHAN_FILE_AGE_MS + HOUR_MS);
    await utimes(path.join(scratches, "upload-viejo"), old, old);
    await writeAged(path.join(scratches, "upload-en-curso", "0"), 0);

    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await runMaintenance(suite.services);
    warn.mockRestore();

    expect(result).toMatchObject({ strayBlobs: 1, uploadScratches: 1 });
    expect(await exists(crashedLongAgo)).toBe(false);
    expect(await exists(crashedJustNow)).toBe(true);
    expect(await exists(recordedFile)).toBe(true);
    expect(await exists(foreign)).toBe(true);
    expect((await readdir(scratches)).sort()).toEqual(["upload-en-curso"]);
    const download = await suite.services.files.openDownload(suite.db, { id: user.id, role: "ENTREPRENEUR", memberships: new Map() }, recorded!.id);
    expect(download.status).toBe(200);
  });
});
