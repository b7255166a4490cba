/** Fixtures shared by the submission and evaluation tests: calls on a far-away timeline, organizations, people with published ideas. */
import type { Db } from "../../server/db/client";
import type { MembershipRole, OrganizationKind, Role } from "../../server/db/generated/enums";
import type { Services } from "../../server/trpc/context";
import { callerOfUser, createUser } from "../support/callers";
import { callTimeline, createApprovedCall, type CallFixture } from "../support/calls";
import { createIdeaIn } from "../support/ideas";

const DAY = 24 * 60 * 60 * 1000;
let n = 0;

/**
 * An APPROVED call whose timeline starts `daysAhead` days from now (opens a day later, open 14
 * days, evaluation 14 more): tests put the database clock where they need it.
 */
export async function createCall(db: Db, overrides: Partial<CallFixture> = {}, daysAhead = 30) {
  const secretariat = await createUser(db, "SECRETARIAT");
  const timeline = callTimeline(new Date(Date.now() + daysAhead * DAY));
  return createApprovedCall(db, { ...timeline, proposedById: secretariat.id, ...overrides });
}

export const during = (call: { opensAt: Date }, ms = 60 * 60 * 1000) => new Date(call.opensAt.getTime() + ms);
export const afterClose = (call: { closesAt: Date }, ms = 60 * 60 * 1000) => new Date(call.closesAt.getTime() + ms);

export async function createOrganization(db: Db, kind: OrganizationKind, members: { userId: string; role?: MembershipRole }[]) {
  n += 1;
  return db.organization.create({
    data: {
      name: `Organización de prueba ${n}`,
      slug: `organizacion-prueba-${n}-${Math.random().toString(36).slice(2, 8)}`,
      kind,
      sectors: ["ICT"],
      description: "Una organización de prueba con descripción suficiente.",
      members: { create: members.map((m) => ({ userId: m.userId, role: m.role ?? "MEMBER" })) },
    },
  });
}

/** A person of `role` with one PUBLISHED idea, and their caller (memberships as the database holds them when it is made). */
export async function personWithIdea(services: Services, role: Role = "ENTREPRENEUR", title?: string) {
  const user = await createUser(services.db, role);
  const idea = await createIdeaIn(services.db, user.id, "PUBLISHED", title ? { title } : {});
  return { user, idea, caller: await callerOfUser(services, user.id) };
}
