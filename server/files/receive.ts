import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, readdir, rm, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { AppError, fieldError } from "../trpc/errors";
import { MAX_ATTACHMENTS, formatSize, maxBytesFor, type AttachmentMime, type AttachmentType } from "./rules";
import { sanitizeFileName, sniffAttachmentType, withExtensionFor } from "./sniff";

/** The form field (and error field) uploads arrive under. */
export const ATTACHMENTS_FIELD = "attachments";

/** A file that passed every check of rules.ts, waiting on disk to be stored. */
export interface ReceivedFile {
  /** Sanitized, with an extension matching its real type. */
  name: string;
  contentType: AttachmentMime;
  size: number;
  sha256: string;
  /** The temporary file holding the bytes; the scratch that received it deletes it. */
  path: string;
}

/**
 * Where one request's uploads wait between arriving and being stored: a private folder of its
 * own under `<DATA_DIR>/tmp`, on the same disk as the local store, so storing is a hard link.
 */
export interface UploadScratch {
  /**
   * Streams one file to disk, hashing it and checking it on the way: its real type from the
   * first bytes, then its type's size limit. A bad file stops the reading right where it is
   * known to be bad (so an 11 MB PDF is read to 10 MB and one byte, no further) and throws the
   * field error. Returns null for a file input left empty: no name and no bytes.
   */
  receive(rawName: string, data: AsyncIterable<Uint8Array>): Promise<ReceivedFile | null>;
  /** Every file received so far, in order. */
  readonly files: readonly ReceivedFile[];
  /** Deletes the folder and everything in it; safe to call more than once. */
  dispose(): Promise<void>;
}

/** Folder of the scratches, under DATA_DIR. */
function scratchRoot(dataDir: string): string {
  return path.resolve(dataDir, "tmp");
}

/** The longest signature sniff.ts knows (PNG's eight bytes). */
const SNIFF_BYTES = 8;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

export function tooLargeError(name: string, max: number): AppError {
  return fieldError(ATTACHMENTS_FIELD, "file.tooLarge", { name, max: formatSize(max) }, "PAYLOAD_TOO_LARGE");
}

export async function createUploadScratch(dataDir: string): Promise<UploadScratch> {
  const root = scratchRoot(dataDir);
  await mkdir(root, { recursive: true, mode: 0o700 });
  // mkdtemp creates the folder with mode 0700.
  const dir = await mkdtemp(path.join(root, "upload-"));
  const files: ReceivedFile[] = [];
  let counter = 0;
  let disposed = false;

  async function receive(rawName: string, data: AsyncIterable<Uint8Array>): Promise<ReceivedFile | null> {
    if (disposed) throw new Error("The upload scratch was disposed");
    const name = sanitizeFileName(rawName);
    const target = path.join(dir, String(counter++));
    const hash = createHash("sha256");
    // Mutated by the helpers below; a plain object so the checker does not narrow it to `null`.
    const state: { head: Uint8Array; type: AttachmentType | null; size: number; handle: FileHandle | null } = {
      head: new Uint8Array(0),
      type: null,
      size: 0,
      handle: null,
    };

    const append = async (type: AttachmentType, handle: FileHandle, chunk: Uint8Array) => {
      state.size += chunk.length;
      if (state.size > maxBytesFor(type)) throw tooLargeError(name, maxBytesFor(type));
      hash.update(chunk);
      await handle.write(chunk);
    };
    const start = async () => {
      const type = sniffAttachmentType(state.head);
      if (!type) throw fieldError(ATTACHMENTS_FIELD, "file.typeNotAllowed", { name });
      if (files.length >= MAX_ATTACHMENTS) throw fieldError(ATTACHMENTS_FIELD, "file.tooMany", { max: MAX_ATTACHMENTS });
      // "wx": a fresh file; 0600: only the server's user reads it.
      const handle = await open(target, "wx", 0o600);
      state.type = type;
      state.handle = handle;
      await append(type, handle, state.head);
    };

    try {
      for await (const chunk of data) {
        if (chunk.length === 0) continue;
        if (state.type && state.handle) {
          await append(state.type, state.handle, chunk);
        } else {
          state.head = concat(state.head, chunk);
          if (state.head.length >= SNIFF_BYTES) await start();
        }
      }
      if (!state.type) {
        if (state.head.length === 0) {
          if (rawName === "") return null;
          throw fieldError(ATTACHMENTS_FIELD, "file.empty", { name });
        }
        await start();
      }
      await state.handle?.close();
      state.handle = null;
    } catch (error) {
      await state.handle?.close().catch(() => {});
      await rm(target, { force: true });
      throw error;
    }
    const type = state.type!;
    const received: ReceivedFile = {
      name: withExtensionFor(name, type),
      contentType: type.mime,
      size: state.size,
      sha256: hash.digest("hex"),
      path: target,
    };
    files.push(received);
    return received;
  }

  return {
    receive,
    files,
    async dispose() {
      disposed = true;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A web stream (File.stream(), a fetch body) as chunks, for `receive`. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Removes scratch folders older than `olderThan`: a request's own folder is deleted when it ends,
 * so anything that old was left by a crash. Returns how many were removed.
 */
export async function sweepScratches(dataDir: string, olderThan: Date): Promise<number> {
  const root = scratchRoot(dataDir);
  const entries = await readdir(root).catch(() => [] as string[]);
  let removed = 0;
  for (const entry of entries) {
    const full = path.join(root, entry);
    const info = await stat(full).catch(() => null);
    if (!info || info.mtime >= olderThan) continue;
    await rm(full, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
