import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { LARGEST_ATTACHMENT_BYTES, formatSize } from "../../server/files/rules";
import { ideaFields } from "../../server/idea/schemas";
import type { Locale } from "../../server/i18n/locale";
import { AppError } from "../../server/trpc/errors";
import { formValues } from "./actions";

export const IDEA_FORM_FIELDS = ["title", "summary", "problem", "solution", "sector"] as const;

/**
 * Reads the multipart form of /ideas/nueva. Field rules (the same zod schema idea.create uses)
 * are checked before any file is stored, so a typo never leaves files behind. Throws errors
 * that `describeError` turns into field messages.
 */
export async function parseIdeaForm(request: Request, locale: Locale) {
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: LARGEST_ATTACHMENT_BYTES }),
    );
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const params = { name: "", max: formatSize(LARGEST_ATTACHMENT_BYTES, locale) };
    throw new AppError("PAYLOAD_TOO_LARGE", "file.tooLarge", params, { attachments: { key: "file.tooLarge", params } });
  }
  const values = formValues(formData, IDEA_FORM_FIELDS);
  const fields = ideaFields.safeParse(values);
  // A file input left empty still submits one nameless, empty part.
  const files = formData.getAll("attachments").filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
  return { values, fields, files };
}
