import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { receiveMultipartForm } from "../../server/files/multipart";
import { ATTACHMENTS_FIELD, type ReceivedFile } from "../../server/files/receive";
import { createIdeaWithAttachments, updateIdeaWithAttachments } from "../../server/idea/create-with-attachments";
import { isEditableState } from "../../server/idea/lifecycle";
import type { IdeaDetail } from "../../server/idea/queries";
import { ideaFormFields, type IdeaFormFields } from "../../server/idea/schemas";
import { AppError } from "../../server/trpc/errors";
import { actionFailure } from "./actions";
import { parseSubmission } from "./forms.server";

/** The fields a failed submission shows again (not the pressed button, nor the remove checkboxes). */
const TYPED_FIELDS = ["title", "summary", "problem", "solution", "sector", "organizationId"] as const;
export const IDEA_FORM_FIELDS = [...TYPED_FIELDS, "intent"] as const;

const typedValues = (values: Record<string, string>) => Object.fromEntries(TYPED_FIELDS.map((name) => [name, values[name] ?? ""]));

/** The checkbox that removes an attached file on the edit page. */
export const removeFieldOf = (fileId: string) => `remove-${fileId}`;

/** Whether this request's person may post ideas (the Secretariat moderates them instead). */
export const canPostIdeas = (context: AppLoadContext) => can(context.ctx.actor, "idea.create", null);

/** Which button was pressed: "submit" sends the idea to review; anything else keeps a draft. */
const wantsReview = (values: Record<string, string>) => values.intent === "submit";

function signInRedirect(request: Request) {
  return redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
}

/**
 * Streams the idea form in (files to a private scratch folder on disk, checked as they arrive,
 * the reading stopped at the first bad one) and checks its fields with the procedures' own
 * schema before any file is stored, so a typo never leaves files behind. `save` gets the typed
 * fields, the raw values and the files. The scratch folder is deleted whatever happens.
 */
async function receiveIdeaForm(
  context: AppLoadContext,
  request: Request,
  textFields: readonly string[],
  save: (fields: IdeaFormFields, values: Record<string, string>, files: readonly ReceivedFile[]) => Promise<Response>,
) {
  const scratch = await context.ctx.files.createScratch();
  let values: Record<string, string> = {};
  try {
    const form = await receiveMultipartForm(request, scratch, { textFields, fileField: ATTACHMENTS_FIELD });
    values = form.values;
    // After a refused file the fields below it never arrived: their "required" errors would mislead.
    if (form.error) return actionFailure(context, form.error, typedValues(values));
    const fields = parseSubmission(context, new URLSearchParams(values), ideaFormFields);
    if (!fields.ok) return fields.reply;
    return await save(fields.value, values, scratch.files);
  } catch (error) {
    return actionFailure(context, error, typedValues(values));
  } finally {
    await scratch.dispose();
  }
}

/**
 * The action of /ideas/nueva. Who may post is known from the session alone, so it is decided
 * before a byte of the body is read: an anonymous or unauthorized post costs nothing however
 * large it is. "Guardar borrador" keeps a DRAFT; "Enviar a revisión" submits it in the same
 * transaction.
 */
export async function submitNewIdea(context: AppLoadContext, request: Request) {
  if (!context.ctx.user) throw signInRedirect(request);
  if (!canPostIdeas(context)) return actionFailure(context, new AppError("FORBIDDEN", "auth.forbidden"));
  return receiveIdeaForm(context, request, IDEA_FORM_FIELDS, async (fields, values, files) => {
    const submit = wantsReview(values);
    const idea = await createIdeaWithAttachments(context.ctx, { ...fields, submit }, files);
    return redirect(`/ideas/${idea.id}?aviso=${submit ? "enviada" : "borrador"}`);
  });
}

/**
 * Why `idea` cannot be edited by this request's person, or null when it can: only its authors
 * (author and accepted co-authors), only while it is a draft or has changes requested.
 */
export function editRefusal(context: AppLoadContext, idea: IdeaDetail): AppError | null {
  if (!can(context.ctx.actor, "idea.edit", idea)) return new AppError("FORBIDDEN", "auth.forbidden");
  if (!isEditableState(idea.status)) return new AppError("CONFLICT", "idea.notDraft", { status: idea.status });
  return null;
}

/**
 * The action of /ideas/:id/editar. As for a new idea, whether this person may edit this idea now
 * is decided from the session and the idea's row before the body is read. The checkboxes of the
 * files to remove are named after the files the idea has, so only those are read.
 */
export async function submitIdeaEdit(context: AppLoadContext, request: Request, idea: IdeaDetail) {
  if (!context.ctx.user) throw signInRedirect(request);
  const refusal = editRefusal(context, idea);
  if (refusal) return actionFailure(context, refusal);
  const removeFields = idea.attachments.map((file) => removeFieldOf(file.id));
  return receiveIdeaForm(context, request, [...IDEA_FORM_FIELDS, ...removeFields], async (fields, values, files) => {
    const submit = wantsReview(values);
    const removeAttachmentIds = idea.attachments.filter((file) => values[removeFieldOf(file.id)] === "on").map((file) => file.id);
    await updateIdeaWithAttachments(context.ctx, { id: idea.id, ...fields, removeAttachmentIds, submit }, files);
    return redirect(`/ideas/${idea.id}?aviso=${submit ? "enviada" : "guardada"}`);
  });
}
