import { unstable_parseMultipartFormData } from "@remix-run/node";
import { AppError } from "../trpc/errors";
import type { UploadScratch } from "./receive";

/** Bytes kept of one text field: room for 5,000 characters of four UTF-8 bytes each. */
const MAX_TEXT_FIELD_BYTES = 20_000;

export interface MultipartForm {
  /** The text fields asked for, "" when absent; whatever arrived before an error is kept. */
  values: Record<string, string>;
  /** Why the form was refused (a file's field error, or a malformed body); null when it was not. */
  error: AppError | null;
}

export interface MultipartOptions {
  /** Text fields to keep; any other text part is read and dropped. */
  textFields: readonly string[];
  /** The file field; files under any other name are read and dropped. */
  fileField: string;
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _chunk of data) {
    // Read to move the parser to the next part; the parser itself buffers a part nobody reads.
  }
}

async function readText(data: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  let kept = 0;
  for await (const chunk of data) {
    if (kept >= MAX_TEXT_FIELD_BYTES) continue;
    const piece = chunk.subarray(0, MAX_TEXT_FIELD_BYTES - kept);
    kept += piece.length;
    text += decoder.decode(piece, { stream: true });
  }
  // An over-long value is cut, never silently accepted: the field's own length rule refuses it.
  return text + decoder.decode();
}

/**
 * Reads a multipart form as it arrives: text fields into memory (each capped), files straight
 * to `scratch` on disk, checked while streaming. The first bad file ends the reading: the rest
 * of the body is left unread (the HTTP layer discards it once the answer is sent), and the text
 * values that came before it are returned with the error, so the form can show them again.
 * Browsers send fields in document order, so text typed above the file input arrives first.
 */
export async function receiveMultipartForm(
  request: Request,
  scratch: UploadScratch,
  options: MultipartOptions,
): Promise<MultipartForm> {
  const values: Record<string, string> = Object.fromEntries(options.textFields.map((name) => [name, ""]));
  const seen = new Set<string>();
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) {
        if (!options.textFields.includes(part.name) || seen.has(part.name)) {
          await drain(part.data);
        } else {
          seen.add(part.name);
          values[part.name] = await readText(part.data);
        }
      } else if (part.name === options.fileField) {
        await scratch.receive(part.filename, part.data);
      } else {
        await drain(part.data);
      }
      // Nothing is collected in the parser's own FormData: values and files live here and in scratch.
      return undefined;
    });
  } catch (error) {
    if (error instanceof AppError) return { values, error };
    // Not multipart at all, or malformed (a missing boundary, a part without a name).
    return { values, error: new AppError("BAD_REQUEST", "request.invalid") };
  }
  return { values, error: null };
}
