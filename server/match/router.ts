import { can } from "../authz/policy";
import { findCallById } from "../call/queries";
import { findIdea } from "../idea/service";
import { recordProcedure, router } from "../trpc/init";
import { matchForCallInput, matchForIdeaInput } from "./schemas";
import { suggestPartnersForCall, suggestPartnersForIdea } from "./service";

/**
 * A record the caller may not even see is "not found" (a draft idea, a call under review); one it
 * may see but not match for is a 401 or 403, as for any public page's restricted action.
 */
export const matchRouter = router({
  /** Organizations that could help an idea, with reasons: its authors and the Secretariat. */
  forIdea: recordProcedure({
    input: matchForIdeaInput,
    load: async (ctx, input) => {
      const idea = await findIdea(ctx.db, input.ideaId);
      return idea && can(ctx.actor, "idea.view", idea) ? idea : null;
    },
    action: "match.idea",
    notFound: "idea.notFound",
  }).query(({ ctx, input }) => suggestPartnersForIdea(ctx.db, ctx.locale, ctx.record.id, input.limit, ctx.actor)),
  /** Organizations that could help a call: the Secretariat and the proposing organization's owners. */
  forCall: recordProcedure({
    input: matchForCallInput,
    load: async (ctx, input) => {
      const call = await findCallById(ctx.db, input.callId);
      return call && can(ctx.actor, "call.view", call) ? call : null;
    },
    action: "match.call",
    notFound: "call.notFound",
  }).query(({ ctx, input }) => suggestPartnersForCall(ctx.db, ctx.locale, ctx.record.id, input.limit, ctx.actor)),
});
