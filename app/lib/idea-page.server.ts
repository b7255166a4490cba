/**
 * What /ideas/:id shows each person and what its forms do. The page asks the policy module and
 * the lifecycle table (never its own rules) which controls to offer; every form posts to the
 * page's action, which calls the procedure and redirects back with a status message (or to
 * /mis-ideas when the person can no longer see the idea), so all of it works without JavaScript.
 */
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import type { Actor } from "../../server/authz/actor";
import { can } from "../../server/authz/policy";
import { emailSchema } from "../../server/auth/schemas";
import { isEditableState, transitionsFrom } from "../../server/idea/lifecycle";
import type { IdeaDetail, IdeaEventRow } from "../../server/idea/queries";
import { AppError } from "../../server/trpc/errors";
import { z } from "../../server/validation";
import { actionFailure } from "./actions";
import { communityAction, isCommunityIntent } from "./comment-actions.server";
import { readForm } from "./form-request.server";
import { parseSubmission } from "./forms.server";

/** States whose Secretariat reason the authors must see first. */
const DECISIONS_WITH_REASON = ["CHANGES_REQUESTED", "REJECTED", "HIDDEN"] as const;

export interface IdeaViewer {
  /** The author or an accepted co-author. */
  isContributor: boolean;
  isAuthor: boolean;
  /** The viewer's invitation to co-author, when pending; or their co-authorship. */
  coauthorship: "INVITED" | "ACCEPTED" | null;
  canEdit: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  canManageCoauthors: boolean;
  canSeeHistory: boolean;
}

export function ideaViewer(actor: Actor | null, idea: IdeaDetail): IdeaViewer {
  const isContributor = can(actor, "idea.edit", idea);
  const moves = isContributor ? transitionsFrom(idea.status, "author").map((t) => t.to) : [];
  const own = actor ? idea.coauthors.find((c) => c.id === actor.id)?.status : undefined;
  return {
    isContributor,
    isAuthor: actor?.id === idea.authorId,
    coauthorship: own === "INVITED" || own === "ACCEPTED" ? own : null,
    canEdit: isContributor && isEditableState(idea.status),
    canSubmit: moves.includes("SUBMITTED"),
    canWithdraw: moves.includes("DRAFT"),
    canManageCoauthors: can(actor, "idea.manageCoauthors", idea),
    canSeeHistory: can(actor, "idea.history", idea),
  };
}

/** The Secretariat's reason for the idea's current state, when it is a decision the authors must act on. */
export function latestDecision(idea: IdeaDetail, history: readonly IdeaEventRow[] | null) {
  if (!history || !(DECISIONS_WITH_REASON as readonly string[]).includes(idea.status)) return null;
  const event = history.findLast((e) => e.kind === "TRANSITION" && e.toStatus === idea.status);
  return event?.reason ? { reason: event.reason, at: event.createdAt, status: idea.status } : null;
}

/** The page's loader: the idea (404 when absent or private), who is looking, and the history when they may read it. */
export async function loadIdeaPage(context: AppLoadContext, id: string | undefined) {
  const idea = await context.caller.idea.byId({ id: id ?? "" });
  const viewer = ideaViewer(context.ctx.actor, idea);
  const history = viewer.canSeeHistory ? await context.caller.idea.history({ id: idea.id }) : null;
  return { idea, viewer, history, decision: latestDecision(idea, history) };
}

/** The page's forms, by the `intent` of their button. */
export const IDEA_PAGE_INTENTS = ["submit", "withdraw", "invite", "remove", "accept", "decline", "leave"] as const;
export type IdeaPageIntent = (typeof IDEA_PAGE_INTENTS)[number];

const inviteFields = z.object({ email: emailSchema });
const removeFields = z.object({ userId: z.uuid() });

/**
 * The page's action. Success redirects (the page then shows `?aviso=<what happened>`); a refusal
 * answers the form with its message, and `values.intent` says which form it belongs to.
 */
export async function ideaPageAction(context: AppLoadContext, request: Request, ideaId: string) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const form = await readForm({ request, context });
  // Supports and comments (app/lib/comment-actions.server.ts).
  const community = form.get("intent");
  if (isCommunityIntent(community)) return communityAction(context, form, ideaId, community);
  const intent = IDEA_PAGE_INTENTS.find((name) => name === form.get("intent"));
  if (!intent) return actionFailure(context, new AppError("BAD_REQUEST", "request.invalid"));
  const { caller } = context;
  const back = (notice: string) => redirect(`/ideas/${ideaId}?aviso=${notice}`);
  let values: Record<string, unknown> = { intent };
  try {
    switch (intent) {
      case "submit":
        await caller.idea.submit({ id: ideaId });
        return back("enviada");
      case "withdraw":
        await caller.idea.withdraw({ id: ideaId });
        return back("retirada");
      case "invite": {
        const fields = parseSubmission(context, form, inviteFields);
        if (!fields.ok) return fields.reply;
        values = { ...fields.values, intent };
        await caller.coauthor.invite({ ideaId, email: fields.value.email });
        return back("invitada");
      }
      case "remove": {
        const fields = parseSubmission(context, form, removeFields);
        if (!fields.ok) return fields.reply;
        await caller.coauthor.remove({ ideaId, userId: fields.value.userId });
        return back("quitada");
      }
      case "accept":
        await caller.coauthor.respond({ ideaId, accept: true });
        return back("aceptada");
      case "decline":
        // Declined, a draft is no longer theirs to see: back to their list.
        await caller.coauthor.respond({ ideaId, accept: false });
        return redirect("/mis-ideas?aviso=rechazada");
      case "leave":
        await caller.coauthor.leave({ ideaId });
        return redirect("/mis-ideas?aviso=saliste");
    }
  } catch (error) {
    return actionFailure(context, error, values);
  }
}
