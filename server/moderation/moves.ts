import type { IdeaStatus } from "../db/generated/enums";
import { transitionsFrom, type Transition } from "../idea/lifecycle";

export interface Move {
  to: IdeaStatus;
  reason: Transition["reason"];
}

/**
 * The decisions the Secretariat may take on an idea now, from the lifecycle table: the buttons of
 * the queue and of the idea page. A hidden idea only returns to the state it was hidden from, and
 * not while reports are open: those are resolved instead (dismissing them restores it).
 */
export function secretariatMoves(idea: { status: IdeaStatus; hiddenFromStatus: IdeaStatus | null }, openReports: number): Move[] {
  return transitionsFrom(idea.status, "secretariat")
    .filter((t) => idea.status !== "HIDDEN" || (openReports === 0 && t.to === (idea.hiddenFromStatus ?? "PUBLISHED")))
    .map(({ to, reason }) => ({ to, reason }));
}
