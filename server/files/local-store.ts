import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, mkdir, open, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { BlobContent, BlobInput, BlobStore } from "./store";

/** "ab/ab12…(32 hex)": a random key, sharded by its first byte so no folder grows huge. */
const KEY_PATTERN = /^([0-9a-f]{2})\/([0-9a-f]{32})$/;

function isLocalKey(key: string): boolean {
  const match = KEY_PATTERN.exec(key);
  return match !== null && match[2]!.startsWith(match[1]!);
}

/**
 * Attachments on local disk under `<DATA_DIR>/uploads`. Keys are 128 random bits generated
 * here; a key that does not have exactly that shape is refused before it reaches the file
 * system, so no key (from the database or elsewhere) can name a path outside the folder.
 */
export function createLocalStore(dataDir: string): BlobStore & { readonly root: string } {
  const root = path.resolve(dataDir, "uploads");

  function pathFor(key: string): string {
    if (!isLocalKey(key)) throw new Error(`Invalid local storage key: ${JSON.stringify(key)}`);
    const [folder, file] = key.split("/") as [string, string];
    const full = path.join(root, folder, file);
    if (!full.startsWith(root + path.sep)) throw new Error("Storage key escapes the uploads folder");
    return full;
  }

  return {
    kind: "LOCAL",
    root,

    async put(blob: BlobInput): Promise<string> {
      const id = randomBytes(16).toString("hex");
      const key = `${id.slice(0, 2)}/${id}`;
      const target = pathFor(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      // A hard link (the scratch folder is on the same disk) never overwrites and copies nothing;
      // a copy is the fallback when DATA_DIR/tmp is elsewhere. Either keeps the file's 0600 mode.
      try {
        await link(blob.path, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP") throw error;
        await copyFile(blob.path, target, constants.COPYFILE_EXCL);
      }
      try {
        const handle = await open(target, "r");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
      return key;
    },

    async get(key: string): Promise<BlobContent | null> {
      if (!isLocalKey(key)) return null;
      let handle;
      try {
        handle = await open(pathFor(key), "r");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        const stream = handle.createReadStream({ autoClose: true });
        return { body: Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async delete(keys: readonly string[]): Promise<void> {
      for (const key of keys) {
        if (isLocalKey(key)) await rm(pathFor(key), { force: true });
      }
    },

    async *listOlderThan(olderThan: Date): AsyncIterable<string> {
      for (const folder of await readdir(root).catch(() => [] as string[])) {
        for (const file of await readdir(path.join(root, folder)).catch(() => [] as string[])) {
          const key = `${folder}/${file}`;
          // Anything not of our own shape was not put here by the store: never touch it.
          if (!isLocalKey(key)) continue;
          const info = await stat(pathFor(key)).catch(() => null);
          if (info?.isFile() && info.mtime < olderThan) yield key;
        }
      }
    },
  };
}
