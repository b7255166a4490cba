/** Closing an alliance: COMPLETED from ACTIVE, WITHDRAWN (with a reason) from FORMING or ACTIVE. */
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, type DbClient } from "../db/client";
import type { AllianceStatus } from "../db/generated/enums";
import { notifyAllianceStatus } from "./notify";
import { lockVisibleAlliance, OPEN_STATES, requireState } from "./records";

async function close(db: DbClient, actor: Actor, id: string, to: Extract<AllianceStatus, "COMPLETED" | "WITHDRAWN">, reason: string | null) {
  return inTransaction(db, async (tx) => {
    const alliance = await lockVisibleAlliance(tx, actor, id);
    authorize(actor, "alliance.lead", alliance);
    requireState(alliance, to === "COMPLETED" ? ["ACTIVE"] : OPEN_STATES);
    await tx.alliance.update({ where: { id }, data: { status: to, statusReason: reason, closedAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: to === "COMPLETED" ? "alliance.complete" : "alliance.withdraw",
      subjectType: "Alliance",
      subjectId: id,
      reason,
      before: { status: alliance.status },
      after: { status: to },
    });
    await notifyAllianceStatus(tx, { allianceId: id, title: alliance.title, status: to, reason, actorId: actor.id });
    return { id, status: to };
  });
}

/** Its purpose reached: whoever proposed it, or the Secretariat, with an optional closing note. */
export const completeAlliance = (db: DbClient, actor: Actor, input: { id: string; reason?: string }) =>
  close(db, actor, input.id, "COMPLETED", input.reason ?? null);

/** Given up, with the reason the parties and the public read. */
export const withdrawAlliance = (db: DbClient, actor: Actor, input: { id: string; reason: string }) =>
  close(db, actor, input.id, "WITHDRAWN", input.reason);
