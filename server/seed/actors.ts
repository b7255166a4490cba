import { actorFrom, type Actor } from "../authz/actor";
import type { DbClient } from "../db/client";

/** A demo account as the services see it when it acts (its memberships as the database holds them now). */
export async function actorOf(db: DbClient, userId: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, role: true, memberships: { select: { organizationId: true, role: true } } } });
  return actorFrom(user);
}
