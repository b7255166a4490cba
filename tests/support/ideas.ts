import type { Db } from "../../server/db/client";
import type { IdeaStatus, Sector } from "../../server/db/generated/enums";
import { isPublicState } from "../../server/idea/lifecycle";

let counter = 0;

/**
 * An idea written straight to the database in any state, with the dates its state implies (the
 * lifecycle itself is exercised through the procedures that move ideas).
 */
export async function createIdeaIn(
  db: Db,
  authorId: string,
  status: IdeaStatus,
  overrides: { title?: string; sector?: Sector; submittedAt?: Date; hiddenFromStatus?: IdeaStatus } = {},
) {
  counter += 1;
  const now = new Date();
  return db.idea.create({
    data: {
      title: overrides.title ?? `Idea de prueba ${counter} sobre el río Magdalena`,
      summary: "Un resumen suficientemente largo de la idea de prueba.",
      problem: "Un problema descrito con el detalle suficiente para la prueba.",
      solution: "Una solución descrita con el detalle suficiente para la prueba.",
      sector: overrides.sector ?? "ICT",
      status,
      authorId,
      submittedAt: status === "DRAFT" ? null : (overrides.submittedAt ?? now),
      publishedAt: isPublicState(status) || status === "HIDDEN" ? now : null,
      hiddenFromStatus: status === "HIDDEN" ? (overrides.hiddenFromStatus ?? "PUBLISHED") : null,
    },
  });
}
