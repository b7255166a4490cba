/**
 * What each event tells whom. Every function runs in the caller's transaction (the change and its
 * notifications commit together) and is one statement (./fan-out.ts).
 */
import type { DbClient } from "../db/client";
import type { IdeaStatus, NotificationKind } from "../db/generated/enums";
import { isPublicState } from "../idea/lifecycle";
import { fanOut, ideaAuthors, ideaFollowers, nonAuthorFollowers, recipientsByIds, union } from "./fan-out";

/** How the idea's authors hear of a change of state. */
export type AuthorNotice =
  /** Their own move (submit, withdraw): co-authors hear of it as followers. */
  | "asFollowers"
  /** The Secretariat's or the platform's decision. */
  | "MODERATION_DECISION"
  /** Told otherwise by the same use case (a report outcome): not here. */
  | "skip";

export interface StatusChangeNotice {
  ideaId: string;
  from: IdeaStatus;
  to: IdeaStatus;
  actorId: string | null;
  reason: string | null;
  authors: AuthorNotice;
}

/**
 * A change of state: authors as `authors` says; other followers only when the idea is public
 * after it (they cannot open an idea hidden, rejected or back in draft).
 */
export async function notifyStatusChange(tx: DbClient, change: StatusChangeNotice) {
  const parts = [];
  if (change.authors === "MODERATION_DECISION") parts.push(ideaAuthors(change.ideaId, "MODERATION_DECISION"));
  if (change.authors === "asFollowers") parts.push(ideaAuthors(change.ideaId, "IDEA_STATUS_CHANGED"));
  if (isPublicState(change.to)) parts.push(nonAuthorFollowers(change.ideaId, "IDEA_STATUS_CHANGED"));
  if (parts.length === 0) return { notified: 0, mailed: 0 };
  return fanOut(tx, union(...parts), {
    ideaId: change.ideaId,
    actorId: change.actorId,
    data: { from: change.from, to: change.to, ...(change.reason ? { reason: change.reason } : {}) },
  });
}

/** The idea's authors, told that the Secretariat closed the reports about it. */
export async function notifyReportOutcome(
  tx: DbClient,
  outcome: { ideaId: string; actorId: string; outcome: "dismiss" | "uphold"; status: IdeaStatus; reason: string | null },
) {
  return fanOut(tx, ideaAuthors(outcome.ideaId, "REPORT_OUTCOME"), {
    ideaId: outcome.ideaId,
    actorId: outcome.actorId,
    data: { outcome: outcome.outcome, status: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}) },
  });
}

/** The person invited to co-author an idea. */
export async function notifyCoauthorInvitation(tx: DbClient, invitation: { ideaId: string; inviteeId: string; actorId: string }) {
  return fanOut(tx, recipientsByIds([invitation.inviteeId], "COAUTHOR_INVITATION"), { ideaId: invitation.ideaId, actorId: invitation.actorId });
}

export type IdeaFollowerKind = Extract<NotificationKind, "IDEA_COMMENT" | "OFFICIAL_REPLY">;

/**
 * For comments (part A of the community features calls this): everyone following the idea, its
 * authors included, but the actor. `data` carries what the message shows, e.g.
 * `{ commentId, excerpt }` (an excerpt of at most ~200 characters).
 */
export async function notifyIdeaFollowers(
  tx: DbClient,
  event: { ideaId: string; kind: IdeaFollowerKind; actorId: string | null; data?: Record<string, unknown> },
) {
  return fanOut(tx, ideaFollowers(event.ideaId, event.kind), { ideaId: event.ideaId, actorId: event.actorId, data: event.data });
}
