import type { IdeaStatus } from "../db/generated/enums";
import { AppError, fieldError } from "../trpc/errors";

/**
 * The idea lifecycle: every state an idea can be in, and the one table of moves between them.
 * Every change of state goes through `checkTransition`; nothing else writes `Idea.status`.
 */

/** States anyone may see, signed in or not. */
export const PUBLIC_STATES = ["PUBLISHED", "IN_DEVELOPMENT", "INCUBATED", "ARCHIVED"] as const satisfies readonly IdeaStatus[];
/**
 * States the public list shows unless a state is asked for. The SQL predicate of the partial
 * indexes (migration idea_public_lists_search_audit) says the same, literally: keep them equal.
 */
export const LISTED_STATES = ["PUBLISHED", "IN_DEVELOPMENT", "INCUBATED"] as const satisfies readonly IdeaStatus[];
/** States in which authors and co-authors edit the idea (and its attachments). */
export const EDITABLE_STATES = ["DRAFT", "CHANGES_REQUESTED"] as const satisfies readonly IdeaStatus[];

export type PublicState = (typeof PUBLIC_STATES)[number];

export const isPublicState = (status: IdeaStatus): status is PublicState => (PUBLIC_STATES as readonly IdeaStatus[]).includes(status);
/** Listed ideas are the living ones: people support and comment on them (not on archived ones). */
export const isListedState = (status: IdeaStatus) => (LISTED_STATES as readonly IdeaStatus[]).includes(status);
export const isEditableState = (status: IdeaStatus) => (EDITABLE_STATES as readonly IdeaStatus[]).includes(status);

/** Who moves an idea: its authors (author and accepted co-authors), the Secretariat, or the platform itself. */
export type TransitionActor = "author" | "secretariat" | "system";

export interface Transition {
  from: IdeaStatus;
  to: IdeaStatus;
  by: readonly TransitionActor[];
  /** Negative decisions need a reason, which the authors see. */
  reason: "required" | "optional" | "none";
}

function moves(from: readonly IdeaStatus[], to: IdeaStatus, by: readonly TransitionActor[], reason: Transition["reason"]): Transition[] {
  return from.map((f) => ({ from: f, to, by, reason }));
}

export const TRANSITIONS: readonly Transition[] = [
  ...moves(["DRAFT", "CHANGES_REQUESTED"], "SUBMITTED", ["author"], "none"),
  // Withdrawing a submission to keep working on it.
  ...moves(["SUBMITTED"], "DRAFT", ["author"], "none"),
  ...moves(["SUBMITTED"], "PUBLISHED", ["secretariat"], "optional"),
  ...moves(["SUBMITTED"], "CHANGES_REQUESTED", ["secretariat"], "required"),
  ...moves(["SUBMITTED"], "REJECTED", ["secretariat"], "required"),
  ...moves(["PUBLISHED"], "IN_DEVELOPMENT", ["secretariat"], "optional"),
  ...moves(["PUBLISHED", "IN_DEVELOPMENT"], "INCUBATED", ["secretariat"], "optional"),
  ...moves(["PUBLISHED", "IN_DEVELOPMENT", "INCUBATED"], "ARCHIVED", ["secretariat"], "optional"),
  ...moves(["ARCHIVED"], "PUBLISHED", ["secretariat"], "optional"),
  ...moves(PUBLIC_STATES, "HIDDEN", ["secretariat", "system"], "required"),
  // Restoring a hidden idea returns it to the state it was hidden from (checked by the service).
  ...PUBLIC_STATES.flatMap((state) => moves(["HIDDEN"], state, ["secretariat"], "optional")),
];

export function findTransition(from: IdeaStatus, to: IdeaStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The moves `by` may make from `from` (the buttons an idea page or the console offers). */
export function transitionsFrom(from: IdeaStatus, by: TransitionActor): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(by));
}

/**
 * Throws unless `by` may move an idea from `from` to `to` with this reason: 409 when the table
 * has no such move (or the idea already is in `to`: someone decided first), 403 when the move
 * exists but not for `by`, 400 on the reason field when a required reason is missing.
 */
export function checkTransition(move: { from: IdeaStatus; to: IdeaStatus; by: TransitionActor; reason?: string | null }): Transition {
  if (move.from === move.to) throw new AppError("CONFLICT", "idea.stateChanged", { status: move.from });
  const transition = findTransition(move.from, move.to);
  if (!transition) throw new AppError("CONFLICT", "idea.transitionNotAllowed", { from: move.from, to: move.to });
  if (!transition.by.includes(move.by)) throw new AppError("FORBIDDEN", "idea.transitionForbidden", { from: move.from, to: move.to });
  if (transition.reason === "required" && !move.reason?.trim()) throw fieldError("reason", "idea.reasonRequired");
  return transition;
}
