/**
 * The organization profile form (/organizaciones/nueva and the profile section of
 * /organizaciones/:slug/gestionar), read with the procedure's own schema, and who may see those
 * pages. Zod stays on the server: routes reach the schemas through this module.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { translate } from "../../server/i18n/messages";
import { creatableKinds } from "../../server/organization/profile";
import { organizationProfile } from "../../server/organization/schemas";
import { z } from "../../server/validation";
import { actionFailure } from "./actions";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";

/** The profile section of the management page: the same fields, and which form it was. */
export const profileForm = organizationProfile.extend({ intent: z.literal("profile") });

export const profileConstraint = () => schemaConstraint(organizationProfile);

/** A visitor signs in first and comes back to the page they asked for. */
export function requireSignIn(context: AppLoadContext, request: Request) {
  const { user } = context.ctx;
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/ingresar?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/** The kinds this request's person may create: an entrepreneur, startups only. */
export const kindsToCreate = (context: AppLoadContext) => creatableKinds(context.ctx.user?.role ?? "");

/** Whether this request's person may create organizations (policy "organization.create"). */
export const canCreateOrganization = (context: AppLoadContext) => can(context.ctx.actor, "organization.create", null);

/** The action of /organizaciones/nueva: creates it (its creator becomes its owner) and opens its management page. */
export async function submitNewOrganization(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  if (!canCreateOrganization(context)) {
    throw json({ message: translate(context.ctx.locale, "auth.forbidden") }, { status: 403 });
  }
  const form = await readForm({ request, context });
  const submission = parseSubmission(context, form, organizationProfile);
  if (!submission.ok) return submission.reply;
  try {
    const { slug } = await context.caller.organization.create(submission.value);
    return redirect(`/organizaciones/${slug}/gestionar?hecho=creada`);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
}
