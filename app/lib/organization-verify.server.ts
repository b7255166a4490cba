/**
 * The Secretariat's verification decision on an organization (/moderacion/organizaciones/:id):
 * verify, or reject with a reason the owners read on their management page.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { verificationDecisionInput } from "../../server/organization/schemas";
import { actionFailure } from "./actions";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";
import { requireSecretariat } from "./moderation.server";

const decisionForm = verificationDecisionInput.omit({ id: true });

export async function verificationPage(context: AppLoadContext, request: Request, id: string) {
  requireSecretariat(context, request);
  try {
    const organization = await context.caller.moderation.organization({ id });
    return { organization, constraint: schemaConstraint(decisionForm) };
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    // A malformed id is as absent as an unknown one.
    if (httpStatus === 404 || httpStatus === 400) throw json({ message }, { status: 404 });
    throw error;
  }
}

export async function verificationAction(context: AppLoadContext, request: Request, id: string) {
  requireSecretariat(context, request);
  const form = await readForm({ request, context });
  const submission = parseSubmission(context, form, decisionForm);
  if (!submission.ok) return submission.reply;
  try {
    await context.caller.organization.decideVerification({ id, ...submission.value });
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
  return redirect(`/moderacion/organizaciones/${id}?hecho=${submission.value.decision === "verify" ? "verificada" : "rechazada"}`);
}
