import type { AppLoadContext } from "@remix-run/node";
import type { ReceivedFile } from "../../server/files/receive";

/**
 * Stores one received file for a page's own form (a logo, a photo) and records it; if recording
 * fails, the written blob is deleted so nothing is left behind. Returns the stored file's id, for a
 * procedure to attach it.
 */
export async function storeUploadedFile(context: AppLoadContext, file: ReceivedFile): Promise<string> {
  const { files, db, user } = context.ctx;
  const written = await files.writeBlobs(db, user!.id, [file]);
  try {
    const [stored] = await db.$transaction((tx) => files.recordFiles(tx, user!.id, written));
    return stored!.id;
  } catch (error) {
    await files.deleteBlobs(written);
    throw error;
  }
}
