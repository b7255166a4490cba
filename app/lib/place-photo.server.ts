/**
 * The photo upload of the Secretariat's center and space pages, on the road of organization logos
 * (./organization-logo.server.ts): the file is streamed to a private scratch folder and checked on
 * the way (real type from its bytes, size limit: server/files/rules.ts), its bytes written to the
 * store, then recorded (and charged to the daily quota) in one transaction. Only then does
 * center.addPhoto / space.addPhoto, which checks again that it is a PNG or JPEG of this person and
 * that the place has room, attach it. A file left unattached by a failure is deleted by the orphan sweep.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json } from "@remix-run/node";
import { PHOTO_MIMES } from "../../server/booking/photo-rules";
import type { Place } from "../../server/booking/photos";
import { photoAlt } from "../../server/booking/schemas";
import { receiveMultipartForm } from "../../server/files/multipart";
import { fieldError } from "../../server/trpc/errors";
import { z } from "../../server/validation";
import type { ActionFailure } from "./actions";
import { assertFormRequest } from "./form-request.server";
import { storeUploadedFile } from "./stored-upload.server";

/** The file input's name; also the field its errors are shown on. */
export const PHOTO_FIELD = "photo";
/** The alt text input's name. */
export const PHOTO_ALT_FIELD = "alt";

export const removePhotoForm = z.object({ intent: z.literal("removePhoto"), photoId: z.uuid() });

/**
 * The answer to a refused photo: the alt text's errors stay on its input; every other field error
 * (the file checks name "attachments", addPhoto names "fileId") is shown on the file input.
 */
function photoFailure(context: AppLoadContext, error: unknown, alt: string) {
  if (error instanceof Response) throw error;
  const { message, fieldErrors, httpStatus } = context.describeError(error);
  const { [PHOTO_ALT_FIELD]: altError, ...others } = fieldErrors;
  const fileError = Object.values(others)[0];
  return json<ActionFailure>(
    {
      ok: false,
      message,
      fieldErrors: { ...(altError ? { [PHOTO_ALT_FIELD]: altError } : {}), ...(fileError ? { [PHOTO_FIELD]: fileError } : {}) },
      values: { intent: "addPhoto", [PHOTO_ALT_FIELD]: alt },
    },
    { status: httpStatus },
  );
}

/** Receives, stores and attaches one photo with its alt text; `done` is the answer once attached. */
export async function submitPhoto(context: AppLoadContext, request: Request, place: Place, done: () => Response) {
  assertFormRequest({ request, context }, "multipart");
  const scratch = await context.ctx.files.createScratch();
  let alt = "";
  try {
    // The alt text input comes before the file input, so it arrives (and is kept) even when the file is refused.
    const form = await receiveMultipartForm(request, scratch, { textFields: ["intent", PHOTO_ALT_FIELD], fileField: PHOTO_FIELD });
    alt = form.values[PHOTO_ALT_FIELD] ?? "";
    if (form.error) return photoFailure(context, form.error, alt);
    // Checked before anything is stored: a refused description must not leave a file behind.
    if (!photoAlt.safeParse(alt).success) return photoFailure(context, fieldError(PHOTO_ALT_FIELD, "photo.altLength"), alt);
    const [file, ...more] = scratch.files;
    // A PDF passes the attachment rules but is no photo: refused before anything is stored.
    if (!file || more.length > 0 || !PHOTO_MIMES.includes(file.contentType)) {
      return photoFailure(context, fieldError(PHOTO_FIELD, "photo.notImage"), alt);
    }
    const fileId = await storeUploadedFile(context, file);
    if (place.kind === "center") await context.caller.center.addPhoto({ centerId: place.id, fileId, alt });
    else await context.caller.space.addPhoto({ spaceId: place.id, fileId, alt });
    return done();
  } catch (error) {
    return photoFailure(context, error, alt);
  } finally {
    await scratch.dispose();
  }
}

/** Whether the post is the photo upload, the page's only multipart form. */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}
