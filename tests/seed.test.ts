import { describe, expect, it } from "vitest";
import { parseNit } from "../server/organization/nit";
import { DEMO_ACCOUNTS, seedDemoData } from "../server/seed/demo";
import { DEMO_NEIGHBOURS } from "../server/seed/lifecycle";
import { DEMO_SPACES } from "../server/seed/spaces";
import { localParts } from "../server/booking/time";
import type { Caller } from "../server/router";
import { callerFor, callerOfUser, useTestServices } from "./support/callers";

const suite = useTestServices();

describe("demo data", () => {
  it("is idempotent: a second run adds nothing", async () => {
    await seedDemoData(suite.db);
    const counts = async () => ({
      users: await suite.db.user.count(),
      organizations: await suite.db.organization.count(),
      memberships: await suite.db.membership.count(),
      ideas: await suite.db.idea.count(),
      supports: await suite.db.ideaSupport.count(),
      comments: await suite.db.comment.count(),
      notifications: await suite.db.notification.count(),
      follows: await suite.db.ideaFollow.count(),
      calls: await suite.db.call.count(),
      submissions: await suite.db.callSubmission.count(),
      scores: await suite.db.score.count(),
      centers: await suite.db.center.count(),
      spaces: await suite.db.space.count(),
      hours: await suite.db.centerHours.count(),
      closures: await suite.db.centerClosure.count(),
      bookings: await suite.db.booking.count(),
      alliances: await suite.db.alliance.count(),
      commitments: await suite.db.commitment.count(),
      milestoneUpdates: await suite.db.milestoneUpdate.count(),
    });
    const first = await counts();
    await seedDemoData(suite.db);
    expect(await counts()).toEqual(first);
    // The four logins and the community members who post and report.
    expect(first).toMatchObject({ users: DEMO_ACCOUNTS.length + DEMO_NEIGHBOURS.length, organizations: 4, memberships: 4 });
    expect(first.ideas).toBeGreaterThanOrEqual(5);
    // Every author follows their ideas; each demo login but the Secretariat has notifications, and none is mailed.
    expect(first.follows).toBeGreaterThanOrEqual(first.ideas);
    for (const email of ["emprendedora@cocrea.demo", "academia@cocrea.demo", "empresa@cocrea.demo"]) {
      expect(await (await signedIn(email)).notification.unreadCount(), email).toBeGreaterThanOrEqual(1);
    }
    expect(await suite.db.emailOutbox.count()).toBe(0);
  });

  it("looks like Barrancabermeja: a university, a company, a chamber of commerce, a startup and ideas across local sectors", async () => {
    const organizations = await suite.db.organization.findMany({ select: { kind: true, nit: true, verification: true, _count: { select: { offers: true } } } });
    expect(organizations.map((o) => o.kind).sort()).toEqual(["COMPANY", "PUBLIC_ENTITY", "STARTUP", "UNIVERSITY"]);
    // Every NIT passes DIAN's check digit, some are verified, one waits in the Secretariat's queue, and each offers something.
    for (const organization of organizations) expect(parseNit(organization.nit ?? "")).toEqual({ ok: true, nit: organization.nit });
    expect(organizations.map((o) => o.verification).sort()).toEqual(["PENDING", "UNVERIFIED", "VERIFIED", "VERIFIED"]);
    expect(organizations.every((o) => o._count.offers > 0)).toBe(true);
    const sectors = new Set((await suite.db.idea.findMany({ select: { sector: true } })).map((i) => i.sector));
    for (const sector of ["ENERGY_OIL", "AGROINDUSTRY", "RIVER_LOGISTICS", "ENVIRONMENT", "TOURISM", "ICT"]) {
      expect(sectors).toContain(sector);
    }
  });

  it("shows the lifecycle: ideas in every state, a review queue and a reported queue with one idea hidden by reports", async () => {
    const byStatus = await suite.db.idea.groupBy({ by: ["status"], _count: true });
    const counts = Object.fromEntries(byStatus.map((g) => [g.status, g._count]));
    for (const status of ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "REJECTED", "PUBLISHED", "IN_DEVELOPMENT", "INCUBATED", "ARCHIVED", "HIDDEN"]) {
      expect(counts[status], status).toBeGreaterThanOrEqual(1);
    }
    expect(counts.SUBMITTED).toBeGreaterThanOrEqual(3);

    const secretariat = await signedIn("secretaria@cocrea.demo");
    const queues = await secretariat.moderation.queues();
    expect(queues.find((q) => q.id === "review")!.count).toBe(counts.SUBMITTED);
    // The queue's items are ideas or organizations (their own queue): this one has only ideas.
    const reported = (await secretariat.moderation.queue({ queue: "reported" })).items.filter((i) => i.kind === "idea");
    expect(reported.map((i) => i.status).sort()).toEqual(["HIDDEN", "PUBLISHED"]);
    const hidden = reported.find((i) => i.status === "HIDDEN")!;
    expect(hidden.reports!.count).toBe(3);

    // Its history says why, as the platform would have written it, and the audit log agrees.
    const history = await secretariat.idea.history({ id: hidden.id });
    expect(history.map((e) => e.toStatus)).toEqual(["DRAFT", "SUBMITTED", "PUBLISHED", "HIDDEN"]);
    expect(history.at(-1)).toMatchObject({ actor: null, reason: "Oculta automáticamente tras 3 reportes: spam, fuera de tema. La Secretaría la revisará." });
    const audit = await secretariat.audit.list({ subjectId: hidden.id });
    expect(audit.items.map((e) => e.action)).toEqual(["idea.autoHide", "idea.transition"]);

    // Every move by the Secretariat or the platform has its audit entry, at the same moment.
    const transitions = await suite.db.ideaEvent.findMany({ where: { kind: "TRANSITION", OR: [{ actorId: null }, { actor: { role: "SECRETARIAT" } }] } });
    const entries = await suite.db.auditEntry.findMany({ where: { subjectType: "Idea" } });
    expect(entries.map((e) => `${e.subjectId} ${e.createdAt.toISOString()}`).sort()).toEqual(
      transitions.map((e) => `${e.ideaId} ${e.createdAt.toISOString()}`).sort(),
    );

    // The authors of a decision with a reason read it; the public list does not show hidden or rejected ideas.
    const { caller: visitor } = await callerFor(suite.services);
    const listed = await visitor.idea.list({ limit: 50 });
    expect(listed.items.map((i) => i.status).every((s) => ["PUBLISHED", "IN_DEVELOPMENT", "INCUBATED"].includes(s))).toBe(true);
  });

  it("has supports (counted as the database holds them), comments, a reply and an official reply", async () => {
    const ideas = await suite.db.idea.findMany({ where: { supportCount: { gt: 0 } }, select: { id: true, supportCount: true, _count: { select: { supports: true } } } });
    expect(ideas.length).toBeGreaterThanOrEqual(2);
    for (const idea of ideas) expect(idea.supportCount).toBe(idea._count.supports);
    expect(await suite.db.comment.count({ where: { official: true } })).toBeGreaterThanOrEqual(1);
    expect(await suite.db.comment.count({ where: { parentId: { not: null } } })).toBeGreaterThanOrEqual(1);
    const { caller: visitor } = await callerFor(suite.services);
    const top = await visitor.idea.list({ sort: "supports", limit: 1 });
    expect(top.items[0]!.supportCount).toBe(Math.max(...ideas.map((i) => i.supportCount)));
  });

  it("has an innovation center with its hours, a closure, five kinds of space and bookings in every demo state", async () => {
    const [center] = await suite.db.center.findMany({ include: { _count: { select: { hours: true, closures: true, spaces: true } } } });
    expect(await suite.db.center.count()).toBe(1);
    // Monday to Friday morning and afternoon, Saturday morning.
    expect(center!._count).toEqual({ hours: 11, closures: 1, spaces: DEMO_SPACES.length });
    const kinds = (await suite.db.space.findMany({ select: { kind: true } })).map((s) => s.kind).sort();
    expect(kinds).toEqual(["AUDITORIUM", "COWORKING", "LAB", "MAKERSPACE", "MEETING_ROOM"]);
    const byStatus = await suite.db.booking.groupBy({ by: ["status"], _count: true });
    expect(Object.fromEntries(byStatus.map((g) => [g.status, g._count]))).toEqual({ CONFIRMED: 5, PENDING: 1, COMPLETED: 2 });

    // The closure lies ahead and keeps its days free; the booked slots are gone from the availability.
    const secretariat = await signedIn("secretaria@cocrea.demo");
    const detail = await secretariat.center.get({ id: center!.id });
    const [closure] = detail.closures;
    expect(closure!.reason).toMatch(/mantenimiento/i);
    const lab = await suite.db.space.findFirstOrThrow({ where: { kind: "LAB" }, include: { bookings: { where: { status: "CONFIRMED" } } } });
    expect(lab).toMatchObject({ bufferMinutes: 15, userWeeklyHours: 6, requiresApproval: false });
    const firstLabBooking = [...lab.bookings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]!;
    const day = localParts(firstLabBooking.startsAt).date;
    // Holidays may push the first booking past the closure: the range covers both either way.
    const [from, to] = [day, closure!.startsOn, closure!.endsOn].sort().filter((_, i, all) => i === 0 || i === all.length - 1);
    const availability = await secretariat.availability.forSpace({ spaceId: lab.id, from: from!, to: to! });
    const slotStarts = availability.days.flatMap((d) => d.slots.map((s) => s.startsAt.getTime()));
    expect(slotStarts).not.toContain(firstLabBooking.startsAt.getTime());
    const closed = availability.days.filter((d) => closure!.startsOn <= d.date && d.date <= closure!.endsOn);
    expect(closed.map((d) => d.closed?.kind)).toEqual(["CLOSURE", "CLOSURE"]);

    // The auditorium's booking waits in the Secretariat's queue; the entrepreneur sees what is coming and what she held.
    const pending = await secretariat.booking.pending({});
    expect(pending.map((b) => b.space.kind)).toEqual(["AUDITORIUM"]);
    const entrepreneur = await signedIn("emprendedora@cocrea.demo");
    expect((await entrepreneur.booking.mine({ scope: "upcoming" })).map((b) => b.status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    expect((await entrepreneur.booking.mine({ scope: "past" })).map((b) => b.status)).toEqual(["COMPLETED"]);
  });

  it("has a public triple-helix alliance around a seeded idea, with commitments and milestones, and one still forming", async () => {
    const anonymous = (await callerFor(suite.services, { ip: "198.18.1.1" })).caller;
    const [active, ...others] = (await anonymous.alliance.list({})).items;
    expect(others).toEqual([]);
    expect(active).toMatchObject({ status: "ACTIVE", tripleHelix: true, idea: { title: "Mantenimiento predictivo para pozos maduros" }, milestones: 2, milestonesDone: 1 });
    const detail = await anonymous.alliance.byId({ id: active!.id });
    expect(detail.parties.map((p) => p.sector).sort()).toEqual(["ACADEMIA", "ENTREPRENEUR", "PRIVATE", "PUBLIC"]);
    // The refinery's pesos are not published; its data sets are.
    const refinery = detail.parties.find((p) => p.sector === "PRIVATE")!;
    expect(refinery.commitments.map((c) => [c.kind, c.quantity])).toEqual([["FUNDING_COP", null], ["DATA", 5]]);
    expect(detail.milestones[0]!.updates).toHaveLength(2);
    // The university's owner has the forming alliance's invitation to answer.
    const academia = await signedIn("academia@cocrea.demo");
    expect((await academia.alliance.mine()).invitations.map((i) => i.title)).toEqual(["Alianza por el aire limpio del nororiente"]);
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a] as const))("prints a %s login that really works", async (_role, account) => {
    const { caller } = await callerFor(suite.services, { ip: `198.18.0.${DEMO_ACCOUNTS.indexOf(account) + 1}` });
    const user = await caller.auth.login({ email: account.email, password: account.password });
    expect(user.role).toBe(account.role);
  });
});

async function signedIn(email: string): Promise<Caller> {
  const user = await suite.db.user.findUniqueOrThrow({ where: { email } });
  return callerOfUser(suite.services, user.id);
}
