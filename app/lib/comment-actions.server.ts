/**
 * The idea page's supports and comments: what its loader adds (the count and the viewer's
 * support, one page of the thread, which controls each person gets) and what its forms do. Every
 * form posts to the idea page with an `intent`, and success redirects back with a notice, so all
 * of it works without JavaScript. Refusals answer with the form's `intent` and record id among the
 * values, and with field names made unique per comment (`body-<id>`), so the message lands next to
 * the very form that was sent.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { can } from "../../server/authz/policy";
import type { IdeaDetail } from "../../server/idea/queries";
import { isListedState } from "../../server/idea/lifecycle";
import type { ActionFailure } from "./actions";

export const COMMUNITY_INTENTS = ["support", "unsupport", "comment", "reply", "editComment", "removeComment", "reportComment"] as const;
export type CommunityIntent = (typeof COMMUNITY_INTENTS)[number];

export const isCommunityIntent = (value: unknown): value is CommunityIntent => COMMUNITY_INTENTS.some((intent) => intent === value);

/** The page's support box and thread, for whoever is looking. `commentsCursor`: `?comentarios=` (a later page). */
export async function loadCommunity(context: AppLoadContext, idea: IdeaDetail, commentsCursor: string | null) {
  const { actor } = context.ctx;
  const listed = isListedState(idea.status);
  const [support, comments] = await Promise.all([
    actor ? context.caller.support.status({ ideaId: idea.id }) : { count: idea.supportCount, supported: false },
    context.caller.comment.list({ ideaId: idea.id, cursor: commentsCursor || undefined, limit: 50 }),
  ]);
  const secretariat = can(actor, "moderation.act", null);
  return {
    support: {
      ...support,
      /** signIn: a visitor on a listed idea; open: may support or withdraw; none: only the count. */
      state: !actor ? (listed ? "signIn" : "none") : listed && can(actor, "idea.support", idea) ? "open" : support.supported ? "open" : "none",
    } as const,
    comments: {
      ...comments,
      /** A later page of the thread (its first page has the new-comment form). */
      laterPage: Boolean(commentsCursor),
      canComment: can(actor, "comment.create", idea),
      signIn: !actor && listed,
      closed: !listed,
      /** Reporting others' comments: anyone signed in but the Secretariat, which removes directly. */
      canReport: actor !== null && !secretariat,
      canModerate: secretariat,
    },
  };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** A refusal with its field errors renamed per record (`body` → `body-<id>`), as the page's forms name their fields. */
function failure(context: AppLoadContext, error: unknown, values: Record<string, unknown>, recordId?: string, bodyName = "body") {
  if (error instanceof Response) throw error;
  const { message, fieldErrors, httpStatus } = context.describeError(error);
  const rename = (field: string) => (field === "body" ? bodyName : field);
  const renamed = Object.fromEntries(
    Object.entries(fieldErrors).map(([field, value]) => [recordId ? `${rename(field)}-${recordId}` : field, value]),
  );
  return json<ActionFailure>({ ok: false, message, fieldErrors: renamed, values }, { status: httpStatus });
}

/** One of the page's community forms; the procedures validate every field and rule. */
export async function communityAction(context: AppLoadContext, form: FormData, ideaId: string, intent: CommunityIntent) {
  const { caller } = context;
  const back = (notice: string, anchor: string) => redirect(`/ideas/${ideaId}?aviso=${notice}#${anchor}`);
  const commentId = text(form, "commentId");
  const parentId = text(form, "parentId");
  const values: Record<string, unknown> = { intent, commentId, parentId, body: text(form, "body"), reason: text(form, "reason"), details: text(form, "details") };
  try {
    switch (intent) {
      case "support":
        await caller.support.add({ ideaId });
        return back("apoyada", "apoyos");
      case "unsupport":
        await caller.support.remove({ ideaId });
        return back("apoyoRetirado", "apoyos");
      case "comment": {
        const comment = await caller.comment.add({ ideaId, body: text(form, "body") });
        return back("comentado", `comentario-${comment.id}`);
      }
      case "reply": {
        const comment = await caller.comment.add({ ideaId, parentId, body: text(form, "body") });
        return back("respondido", `comentario-${comment.id}`);
      }
      case "editComment":
        await caller.comment.edit({ id: commentId, body: text(form, "body") });
        return back("editado", `comentario-${commentId}`);
      case "removeComment":
        await caller.comment.remove({ id: commentId });
        return back("eliminado", `comentario-${commentId}`);
      case "reportComment":
        await caller.report.comment({ commentId, reason: text(form, "reason") as never, details: text(form, "details") });
        return back("comentarioReportado", `comentario-${commentId}`);
    }
  } catch (error) {
    const recordId = intent === "reply" ? parentId : intent === "comment" ? undefined : commentId;
    // A reply's text area is `reply-<comment>`, an edit's `body-<comment>`: both forms sit on the same comment.
    return failure(context, error, values, recordId, intent === "reply" ? "reply" : "body");
  }
}
