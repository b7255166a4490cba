/**
 * /alianzas/:id: the alliance as alliance.byId shows it to this person (a 404 when they may not see
 * it), and its forms. What each person is offered comes from the procedure's `viewer`; every rule
 * is still checked by the procedure the form calls. A success returns with `?hecho=<what>`.
 */
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { ALLIANCE_FORMS, allianceConstraintSources } from "./alliance-forms.server";
import { invitableOrganizations, notFoundFor } from "./alliances.server";
import { readForm } from "./form-request.server";
import { intentAction, schemaConstraint } from "./forms.server";
import { requireSignIn } from "./organization-form.server";

const OPEN = new Set(["FORMING", "ACTIVE"]);

export async function alliancePage(context: AppLoadContext, id: string) {
  const alliance = await context.caller.alliance.byId({ id }).catch((error: unknown) => notFoundFor(context, error));
  const leadsOpen = alliance.viewer.canLead && OPEN.has(alliance.status);
  // Organizations already invited or in it are not offered again (one that declined may be).
  const taken = new Set(alliance.parties.filter((p) => p.status !== "DECLINED" && p.organization).map((p) => p.organization!.id));
  const organizations = leadsOpen ? await invitableOrganizations(context, taken) : [];
  return {
    alliance,
    organizations,
    constraint: {
      commitment: schemaConstraint(allianceConstraintSources.commitment),
      milestone: schemaConstraint(allianceConstraintSources.milestone),
      report: schemaConstraint(allianceConstraintSources.report),
      withdraw: schemaConstraint(allianceConstraintSources.withdraw),
    },
  };
}

export async function allianceAction(context: AppLoadContext, request: Request, id: string) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  const { alliance, commitment, milestone } = context.caller;
  return intentAction(context, form, ALLIANCE_FORMS, async (values) => {
    switch (values.intent) {
      case "answer":
        await alliance.answer({ partyId: values.partyId, accept: true, commitments: values.commitments });
        break;
      case "decline":
        await alliance.answer({ partyId: values.partyId, accept: false, reason: values.reason });
        break;
      case "addCommitment": {
        const { intent: _intent, ...input } = values;
        await commitment.add(input);
        break;
      }
      case "removeCommitment":
        await commitment.remove({ id: values.id });
        break;
      case "invite":
        await alliance.invite({ allianceId: id, organizationIds: values.organizationIds, emails: values.emails });
        break;
      case "milestone": {
        const { intent: _intent, ...input } = values;
        await milestone.create({ ...input, allianceId: id });
        break;
      }
      case "report": {
        const { intent: _intent, ...input } = values;
        await milestone.report(input);
        break;
      }
      case "complete":
        await alliance.complete({ id, reason: values.reason });
        break;
      case "withdraw":
        await alliance.withdraw({ id, reason: values.reason });
        break;
    }
    // One confirmation for every form: the page itself shows what changed.
    return redirect(`/alianzas/${id}?hecho=ok`);
  });
}
