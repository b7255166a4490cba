/** What the Secretariat's management page (/espacios/gestion) lists: every space, inactive ones included. */
import type { DbClient } from "../db/client";

/** Enough for the department's few centers; the public list has its own, active-only query (./search.ts). */
const MAX_MANAGED_SPACES = 500;

export async function listManagedSpaces(db: DbClient) {
  return db.space.findMany({
    orderBy: [{ center: { name: "asc" } }, { name: "asc" }],
    take: MAX_MANAGED_SPACES,
    select: { id: true, centerId: true, name: true, kind: true, capacity: true, requiresApproval: true, active: true },
  });
}
