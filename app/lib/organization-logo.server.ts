/**
 * The logo upload of the management page. The file takes the same road as an idea's
 * attachments: streamed to a private scratch folder and checked on the way (real type from its
 * bytes, size limit: server/files/rules.ts), its bytes written to the store, then recorded (and
 * charged to the daily quota) in one transaction. Only then does organization.setLogo, which
 * checks again that it is a PNG or JPEG of this person, attach it. A file left unattached by a
 * failure is deleted by the orphan sweep.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json } from "@remix-run/node";
import { receiveMultipartForm } from "../../server/files/multipart";
import { fieldError } from "../../server/trpc/errors";
import type { ActionFailure } from "./actions";
import { assertFormRequest } from "./form-request.server";
import { storeUploadedFile } from "./stored-upload.server";

/** The file input's name; also the field its errors are shown on. */
export const LOGO_FIELD = "logo";

const LOGO_TYPES = ["image/png", "image/jpeg"];

/** The answer to a refused logo: the file checks name the "attachments" field, the page's input is "logo". */
function logoFailure(context: AppLoadContext, error: unknown) {
  if (error instanceof Response) throw error;
  const { message, fieldErrors, httpStatus } = context.describeError(error);
  const text = Object.values(fieldErrors)[0];
  return json<ActionFailure>(
    { ok: false, message, fieldErrors: text ? { [LOGO_FIELD]: text } : {}, values: { intent: "logo" } },
    { status: httpStatus },
  );
}

export async function submitLogo(context: AppLoadContext, request: Request, organizationId: string, done: () => Response) {
  assertFormRequest({ request, context }, "multipart");
  const scratch = await context.ctx.files.createScratch();
  try {
    const form = await receiveMultipartForm(request, scratch, { textFields: ["intent"], fileField: LOGO_FIELD });
    if (form.error) return logoFailure(context, form.error);
    const [file, ...more] = scratch.files;
    // A PDF passes the attachment rules but is no logo: refused before anything is stored.
    if (!file || more.length > 0 || !LOGO_TYPES.includes(file.contentType)) {
      return logoFailure(context, fieldError(LOGO_FIELD, "organization.logoNotImage"));
    }
    const fileId = await storeUploadedFile(context, file);
    await context.caller.organization.setLogo({ id: organizationId, fileId });
    return done();
  } catch (error) {
    return logoFailure(context, error);
  } finally {
    await scratch.dispose();
  }
}
