import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { usedUploadBytes } from "../../server/files/quota";
import { createIdeaWithAttachments } from "../../server/idea/create-with-attachments";
import type { IdeaFields } from "../../server/idea/schemas";
import { callerAs, useTestServices } from "../support/callers";
import { PDF_BYTES, PNG_BYTES } from "../files/fixtures";

const suite = useTestServices();

const fields: IdeaFields = {
  title: "Mercado campesino en línea",
  summary: "Pedidos semanales a productores de las veredas con entrega en el casco urbano.",
  problem: "Los productores venden a intermediarios por debajo del precio del mercado local.",
  solution: "Un catálogo semanal, pedidos anticipados y rutas de entrega compartidas.",
  sector: "AGROINDUSTRY",
};

/** Every blob the local store keeps, as keys. */
async function blobsOnDisk(): Promise<string[]> {
  const root = path.join(suite.services.env.DATA_DIR, "uploads");
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))).sort();
}

/** An entrepreneur's request context with a PDF and a PNG received into a scratch, as the page's form delivers them. */
async function submission() {
  const { ctx, user } = await callerAs(suite.services, "ENTREPRENEUR");
  const scratch = await suite.services.files.createScratch();
  for (const [name, bytes] of [["plan.pdf", PDF_BYTES], ["logo.png", PNG_BYTES]] as const) {
    await scratch.receive(name, (async function* () {
      yield bytes;
    })());
  }
  return { ctx, user: user!, scratch };
}

describe("creating an idea with attachments is one transaction", () => {
  it("stores the files, charges the quota and attaches them to the new idea", async () => {
    const { ctx, user, scratch } = await submission();
    const before = await blobsOnDisk();
    try {
      const idea = await createIdeaWithAttachments(ctx, fields, scratch.files);
      expect(idea.attachments.map((file) => file.name).sort()).toEqual(["logo.png", "plan.pdf"]);
      const rows = await suite.db.storedFile.findMany({ where: { uploadedById: user.id } });
      expect(rows.every((row) => row.ideaId === idea.id)).toBe(true);
      expect(await usedUploadBytes(suite.db, user.id)).toBe(PDF_BYTES.length + PNG_BYTES.length);
      expect((await blobsOnDisk()).length).toBe(before.length + 2);
    } finally {
      await scratch.dispose();
    }
  });

  // Forced failures of the idea itself, after the files were written and recorded in the same
  // transaction: PostgreSQL refuses a NUL in text, and the client refuses a sector it does not know.
  it.each([
    ["the database refuses the idea row", { title: "Mercado\u0000campesino" }],
    ["the idea has an unknown sector", { sector: "MINERIA" as IdeaFields["sector"] }],
  ])("leaves no file, no quota charge and no blob when %s", async (_, broken) => {
    const { ctx, user, scratch } = await submission();
    const before = await blobsOnDisk();
    const ideasBefore = await suite.db.idea.count();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(createIdeaWithAttachments(ctx, { ...fields, ...broken }, scratch.files)).rejects.toBeDefined();
    } finally {
      logged.mockRestore();
      await scratch.dispose();
    }
    expect(await suite.db.storedFile.count({ where: { uploadedById: user.id } })).toBe(0);
    expect(await usedUploadBytes(suite.db, user.id)).toBe(0);
    expect(await blobsOnDisk()).toEqual(before);
    expect(await suite.db.idea.count()).toBe(ideasBefore);
  });
});
