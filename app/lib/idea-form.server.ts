import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { receiveMultipartForm } from "../../server/files/multipart";
import { ATTACHMENTS_FIELD } from "../../server/files/receive";
import { createIdeaWithAttachments } from "../../server/idea/create-with-attachments";
import { ideaFields } from "../../server/idea/schemas";
import { AppError } from "../../server/trpc/errors";
import { actionFailure } from "./actions";
import { parseSubmission } from "./forms.server";

export const IDEA_FORM_FIELDS = ["title", "summary", "problem", "solution", "sector"] as const;

/**
 * The action of /ideas/nueva. Who may post is known from the session alone, so it is decided
 * before a byte of the body is read: an anonymous or unauthorized post costs nothing however
 * large it is. Then the form streams in (files to a private scratch folder on disk, checked as
 * they arrive, the reading stopped at the first bad one); field rules (the same zod schema
 * idea.create uses) are checked before any file is stored, so a typo never leaves files behind.
 * The scratch folder is deleted whatever happens.
 */
export async function submitNewIdea(context: AppLoadContext, request: Request) {
  const { user, actor } = context.ctx;
  if (!user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  if (!can(actor, "idea.create", null)) return actionFailure(context, new AppError("FORBIDDEN", "auth.forbidden"));

  const scratch = await context.ctx.files.createScratch();
  let values: Record<string, string> = {};
  try {
    const form = await receiveMultipartForm(request, scratch, { textFields: IDEA_FORM_FIELDS, fileField: ATTACHMENTS_FIELD });
    values = form.values;
    // After a refused file the fields below it never arrived: their "required" errors would mislead.
    if (form.error) return actionFailure(context, form.error, values);
    const fields = parseSubmission(context, new URLSearchParams(values), ideaFields);
    if (!fields.ok) return fields.reply;
    // The form sends the idea straight to the Secretariat's review (drafts come with the edit page).
    const idea = await createIdeaWithAttachments(context.ctx, { ...fields.value, submit: true }, scratch.files);
    return redirect(`/ideas/${idea.id}?creada=1`);
  } catch (error) {
    return actionFailure(context, error, values);
  } finally {
    await scratch.dispose();
  }
}
