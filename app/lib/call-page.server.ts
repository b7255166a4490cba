/**
 * What /convocatorias/:slug shows each person and what its forms do. The call, its phase and the
 * viewer's relation to it come from calls.bySlug; the submit form's ideas from idea.mine, the
 * viewer's submissions from submission.mine, published results from evaluation.results and
 * evaluation.myScores. Every rule is the procedures'; this module only picks what to offer.
 * Each form names itself with `intent`; a success comes back with `?aviso=<what>`.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import { participationInput } from "../../server/call-participation/schemas";
import type { MySubmission } from "../../server/submission/queries";
import { submissionIdInput, submitInput } from "../../server/submission/schemas";
import { z } from "../../server/validation";
import { readForm } from "./form-request.server";
import { intentAction, schemaConstraint, type FormSchema } from "./forms.server";

const FORMS = {
  submit: submitInput.omit({ callId: true }).extend({ intent: z.literal("submit") }),
  withdraw: submissionIdInput.extend({ intent: z.literal("withdraw") }),
  participate: participationInput.omit({ callId: true }).extend({ intent: z.literal("participate") }),
} satisfies Record<string, FormSchema>;

type Intent = keyof typeof FORMS;

/** Call states alliances may form around (server/alliance/write.ts). */
const ALLIANCE_STATES: readonly string[] = ["APPROVED", "RESULTS_PUBLISHED"];

/** Phases after which results are public. */
const PUBLISHED = ["RESULTS_PUBLISHED", "CLOSED"];

/** The call by its slug; unknown, malformed, or a proposal this person may not see: the 404 page. */
export async function callOr404(context: AppLoadContext, slug: string | undefined) {
  try {
    return await context.caller.calls.bySlug({ slug: slug ?? "" });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
}

export async function loadCallPage(context: AppLoadContext, slug: string | undefined) {
  const call = await callOr404(context, slug);
  const { actor, user } = context.ctx;
  const published = PUBLISHED.includes(call.phase);
  // Who may submit: the policy's role rule; dates, ideas and organizations are the procedure's.
  const eligible = actor !== null && can(actor, "submission.create", {
    status: call.status,
    eligibleRoles: call.eligibleRoles,
    proposingOrganizationId: call.proposingOrganization?.id ?? null,
    jurorIds: [],
  });
  const open = call.phase === "OPEN";
  const administers = can(actor, "call.administer", null);
  const [ideas, organizations, submissions, results, alliances] = await Promise.all([
    user && eligible && open ? context.caller.idea.mine({ limit: 50 }) : Promise.resolve(null),
    user && actor && actor.memberships.size > 0 ? context.caller.organization.mine() : Promise.resolve([]),
    user && !administers ? context.caller.submission.mine({ callId: call.id }) : Promise.resolve([] as MySubmission[]),
    published ? context.caller.evaluation.results({ callId: call.id }) : Promise.resolve(null),
    context.caller.alliance.ofCall({ callId: call.id }),
  ]);
  const mine = published
    ? await Promise.all(
        submissions
          .filter((s) => s.status === "SUBMITTED")
          .map((s) => context.caller.evaluation.myScores({ submissionId: s.id }).then((scores) => ({ ...scores, ideaTitle: s.ideaTitle }))),
      )
    : [];
  return {
    call,
    signedIn: user !== null,
    eligible,
    // Only ideas the person wrote and the Secretariat published can be submitted.
    ideas: (ideas?.items ?? []).filter((i) => i.status === "PUBLISHED" && i.relation === "author").map(({ id, title }) => ({ id, title })),
    memberOf: organizations.map(({ id, name }) => ({ id, name })),
    ownerOf: organizations.filter((o) => o.role === "OWNER").map(({ id, name }) => ({ id, name })),
    submissions,
    results,
    myScores: mine,
    alliances,
    // Partner suggestions (match.forCall), while alliances may still form around the call.
    seeksPartners:
      ALLIANCE_STATES.includes(call.status) &&
      can(actor, "match.call", { status: call.status, proposingOrganizationId: call.proposingOrganization?.id ?? null }),
    constraint: { submit: schemaConstraint(FORMS.submit), participate: schemaConstraint(FORMS.participate) },
  };
}

/** Each form's work; the answer is the `aviso` notice. */
async function perform(context: AppLoadContext, callId: string, intent: Intent, value: Record<string, unknown>): Promise<string> {
  switch (intent) {
    case "submit": {
      const { ideaId, organizationId, answers } = value as z.output<typeof FORMS.submit>;
      await context.caller.submission.submit({ callId, ideaId, organizationId, answers });
      return "postulada";
    }
    case "withdraw":
      await context.caller.submission.withdraw({ submissionId: (value as z.output<typeof FORMS.withdraw>).submissionId });
      return "retirada";
    case "participate": {
      const { organizationId, role, message } = value as z.output<typeof FORMS.participate>;
      await context.caller.callParticipation.request({ callId, organizationId, role, message });
      return "participacion";
    }
  }
}

export async function callPageAction(context: AppLoadContext, request: Request, slug: string | undefined) {
  if (!context.ctx.user) {
    throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  }
  const call = await callOr404(context, slug);
  const form = await readForm({ request, context });
  return intentAction(context, form, FORMS, async (values, intent) =>
    redirect(`/convocatorias/${call.slug}?aviso=${await perform(context, call.id, intent, values)}`),
  );
}
