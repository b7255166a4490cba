import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../server/router";
import { ROLES, callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

const suite = useTestServices({ REPORT_HIDE_THRESHOLD: "3" });
let authorId: string;
let secretariat: Caller;
let secretariatId: string;

beforeAll(async () => {
  authorId = (await createUser(suite.db, "ENTREPRENEUR", { name: "Autora de Prueba" })).id;
  const signedIn = await callerAs(suite.services, "SECRETARIAT");
  secretariat = signedIn.caller;
  secretariatId = signedIn.user!.id;
});

async function reportBy(ideaId: string, reason: "SPAM" | "OFFENSIVE" | "OFF_TOPIC", count: number) {
  for (let i = 0; i < count; i++) await (await callerAs(suite.services, "COMPANY")).caller.report.create({ ideaId, reason });
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("only the Secretariat moderates", () => {
  it.each([null, ...ROLES.filter((r) => r !== "SECRETARIAT")] as const)("refuses %s on every moderation procedure", async (role) => {
    const idea = await createIdeaIn(suite.db, authorId, "SUBMITTED");
    const { caller } = await callerAs(suite.services, role);
    const expected = role === null ? 401 : 403;
    const calls = [
      caller.moderation.queues(),
      caller.moderation.queue({ queue: "review" }),
      caller.moderation.decide({ id: idea.id, to: "PUBLISHED" }),
      caller.moderation.resolveReports({ ideaId: idea.id, outcome: "dismiss" }),
    ];
    for (const call of calls) expect((await failureOf(call)).httpStatus).toBe(expected);
    expect(await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "SUBMITTED" });
  });

  it("refuses the idea's own author too", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "SUBMITTED");
    const author = await callerOfUser(suite.services, authorId);
    expect((await failureOf(author.moderation.decide({ id: idea.id, to: "PUBLISHED" }))).httpStatus).toBe(403);
  });
});

describe("queues", () => {
  it("the review queue lists submitted ideas oldest first, filters by sector and pages without gaps", async () => {
    const ideas = [];
    for (const [minutes, sector] of [[50, "TOURISM"], [40, "ICT"], [30, "TOURISM"], [20, "TOURISM"], [10, "ICT"]] as const) {
      ideas.push(await createIdeaIn(suite.db, authorId, "SUBMITTED", { sector, submittedAt: minutesAgo(minutes + 100_000) }));
    }
    const first = await secretariat.moderation.queue({ queue: "review", sector: "TOURISM", limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ideas[0]!.id, ideas[2]!.id]);
    expect(first.items[0]).toMatchObject({
      kind: "idea",
      status: "SUBMITTED",
      sector: "TOURISM",
      author: { id: authorId, name: "Autora de Prueba" },
      reports: null,
      moves: [
        { to: "PUBLISHED", reason: "optional" },
        { to: "CHANGES_REQUESTED", reason: "required" },
        { to: "REJECTED", reason: "required" },
      ],
    });
    const second = await secretariat.moderation.queue({ queue: "review", sector: "TOURISM", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.id)).toEqual([ideas[3]!.id]);
    expect(second.nextCursor).toBeNull();

    const counts = await secretariat.moderation.queues({ sector: "TOURISM" });
    expect(counts.map((q) => q.id)).toEqual(["review", "reported", "organizations", "comments", "calls", "callParticipations", "bookings"]);
    expect(counts.find((q) => q.id === "review")).toMatchObject({ titleKey: "moderation.queue.review", count: 3 });
  });

  it("the reported queue holds ideas with open reports, hidden ones included, with count, reasons and oldest report", async () => {
    const quiet = await createIdeaIn(suite.db, authorId, "PUBLISHED", { sector: "HEALTH" });
    const hidden = await createIdeaIn(suite.db, authorId, "PUBLISHED", { sector: "HEALTH" });
    const once = await createIdeaIn(suite.db, authorId, "INCUBATED", { sector: "HEALTH" });
    await reportBy(once.id, "OFF_TOPIC", 1);
    await reportBy(hidden.id, "SPAM", 2);
    await reportBy(hidden.id, "OFFENSIVE", 1);
    const page = await secretariat.moderation.queue({ queue: "reported", sector: "HEALTH" });
    expect(page.items.map((i) => i.id)).toEqual([once.id, hidden.id]);
    expect(page.items.map((i) => i.id)).not.toContain(quiet.id);
    expect(page.items[1]).toMatchObject({
      status: "HIDDEN",
      hiddenFromStatus: "PUBLISHED",
      reports: { count: 3, reasons: [{ reason: "SPAM", count: 2 }, { reason: "OFFENSIVE", count: 1 }] },
      // Restoring goes through resolving the reports.
      moves: [],
    });
    expect(page.items[0]).toMatchObject({ status: "INCUBATED", reports: { count: 1, reasons: [{ reason: "OFF_TOPIC", count: 1 }] } });
    const firstReport = await suite.db.ideaReport.findFirstOrThrow({ where: { ideaId: once.id } });
    expect(page.items[0]!.waitingSince).toEqual(firstReport.createdAt);
    expect((await secretariat.moderation.queues({ sector: "HEALTH" })).find((q) => q.id === "reported")!.count).toBe(2);
  });

  it("shows an idea's open reports with what the reporters wrote, but not who they are", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    const { caller: reporter } = await callerAs(suite.services, "ACADEMIA");
    await reporter.report.create({ ideaId: idea.id, reason: "OTHER", details: "Copia un proyecto de otra ciudad." });
    await reportBy(idea.id, "SPAM", 1);
    const reports = await secretariat.moderation.reports({ ideaId: idea.id });
    expect(reports).toMatchObject({
      count: 2,
      reasons: [{ reason: "SPAM", count: 1 }, { reason: "OTHER", count: 1 }],
      items: [{ reason: "OTHER", details: "Copia un proyecto de otra ciudad." }, { reason: "SPAM", details: null }],
    });
    expect(Object.keys(reports.items[0]!).sort()).toEqual(["createdAt", "details", "id", "reason"]);
  });

  it("answers 400 for an unknown queue and a broken cursor", async () => {
    expect((await failureOf(secretariat.moderation.queue({ queue: "alliances" as never }))).fieldErrors).toEqual({ queue: "Elige una de las opciones disponibles." });
    expect((await failureOf(secretariat.moderation.queue({ queue: "review", cursor: "nope" }))).httpStatus).toBe(400);
  });
});

describe("moderation.decide", () => {
  it("publishes a submitted idea: one history event, one audit entry, the idea in the public list", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "SUBMITTED");
    expect(await secretariat.moderation.decide({ id: idea.id, to: "PUBLISHED", reason: "Cumple las condiciones." })).toEqual({ from: "SUBMITTED", to: "PUBLISHED" });
    const { caller: visitor } = await callerAs(suite.services, null);
    expect((await visitor.idea.byId({ id: idea.id })).status).toBe("PUBLISHED");
    expect(await suite.db.ideaEvent.findMany({ where: { ideaId: idea.id } })).toMatchObject([
      { kind: "TRANSITION", fromStatus: "SUBMITTED", toStatus: "PUBLISHED", actorId: secretariatId, reason: "Cumple las condiciones." },
    ]);
    expect(await suite.db.auditEntry.findMany({ where: { subjectId: idea.id } })).toMatchObject([
      { action: "idea.transition", actorId: secretariatId, before: { status: "SUBMITTED" }, after: { status: "PUBLISHED" } },
    ]);
  });

  it("walks the Secretariat's moves of the lifecycle: in development, incubated, archived, published again, hidden, restored", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    for (const to of ["IN_DEVELOPMENT", "INCUBATED", "ARCHIVED", "PUBLISHED"] as const) {
      expect((await secretariat.moderation.decide({ id: idea.id, to })).to).toBe(to);
    }
    await secretariat.moderation.decide({ id: idea.id, to: "HIDDEN", reason: "Datos personales de un tercero." });
    expect(await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "HIDDEN", hiddenFromStatus: "PUBLISHED" });
    // Only back to where it was hidden from.
    const elsewhere = await failureOf(secretariat.moderation.decide({ id: idea.id, to: "INCUBATED" }));
    expect(elsewhere).toMatchObject({ httpStatus: 409, message: "Una idea «Oculta» no puede pasar a «Incubada»." });
    expect((await secretariat.moderation.decide({ id: idea.id, to: "PUBLISHED" })).to).toBe("PUBLISHED");
    expect(await suite.db.auditEntry.count({ where: { subjectId: idea.id, action: "idea.transition" } })).toBe(6);
  });

  it("answers 409 with a clear Spanish message for a move the lifecycle does not have", async () => {
    const draft = await createIdeaIn(suite.db, authorId, "DRAFT");
    expect(await failureOf(secretariat.moderation.decide({ id: draft.id, to: "PUBLISHED" }))).toMatchObject({
      httpStatus: 409,
      message: "Una idea «Borrador» no puede pasar a «Publicada».",
    });
    const rejected = await createIdeaIn(suite.db, authorId, "REJECTED");
    expect(await failureOf(secretariat.moderation.decide({ id: rejected.id, to: "INCUBATED" }))).toMatchObject({
      httpStatus: 409,
      message: "Una idea «Rechazada» no puede pasar a «Incubada».",
    });
    // Submitting is the authors' move, not the Secretariat's.
    expect((await failureOf(secretariat.moderation.decide({ id: draft.id, to: "SUBMITTED" }))).httpStatus).toBe(403);
    expect(await suite.db.ideaEvent.count({ where: { ideaId: { in: [draft.id, rejected.id] } } })).toBe(0);
  });

  it("answers 400 on the reason field when a negative decision has no reason", async () => {
    for (const [status, to] of [["SUBMITTED", "CHANGES_REQUESTED"], ["SUBMITTED", "REJECTED"], ["PUBLISHED", "HIDDEN"]] as const) {
      const idea = await createIdeaIn(suite.db, authorId, status);
      for (const reason of [undefined, "", "   "]) {
        const failure = await failureOf(secretariat.moderation.decide({ id: idea.id, to, reason }));
        expect(failure.httpStatus).toBe(400);
        expect(failure.fieldErrors).toEqual({ reason: "Explica el motivo: la persona autora lo verá." });
      }
      expect((await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe(status);
    }
  });

  it("10 simultaneous «publish» decisions make one transition; the other nine get 409 in Spanish", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "SUBMITTED");
    const moderators = await Promise.all(Array.from({ length: 10 }, () => callerAs(suite.services, "SECRETARIAT").then((c) => c.caller)));
    const results = await Promise.allSettled(moderators.map((caller) => caller.moderation.decide({ id: idea.id, to: "PUBLISHED" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failures = await Promise.all(results.filter((r) => r.status === "rejected").map((r) => failureOf(Promise.reject(r.reason))));
    expect(failures).toHaveLength(9);
    for (const failure of failures) {
      expect(failure).toMatchObject({
        httpStatus: 409,
        message: "El estado de esta idea cambió mientras decidías (ahora está «Publicada»). Recarga la página y revisa.",
      });
    }
    expect(await suite.db.ideaEvent.count({ where: { ideaId: idea.id, kind: "TRANSITION" } })).toBe(1);
    expect(await suite.db.auditEntry.count({ where: { subjectId: idea.id } })).toBe(1);
  });

  it("does not restore a hidden idea while its reports are open", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    await reportBy(idea.id, "SPAM", 3);
    expect(await failureOf(secretariat.moderation.decide({ id: idea.id, to: "PUBLISHED" }))).toMatchObject({
      httpStatus: 409,
      message: "Esta idea tiene reportes pendientes: resuélvelos primero (descartarlos la restaura).",
    });
  });
});

describe("moderation.resolveReports", () => {
  it("dismissing restores an idea hidden by reports to the state it was hidden from, with audit entries", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "INCUBATED");
    await reportBy(idea.id, "SPAM", 3);
    expect((await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("HIDDEN");
    expect(await secretariat.moderation.resolveReports({ ideaId: idea.id, outcome: "dismiss", reason: "Reportes sin fundamento." })).toEqual({
      status: "INCUBATED",
      resolved: 3,
    });
    expect(await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "INCUBATED", hiddenFromStatus: null });
    const reports = await suite.db.ideaReport.findMany({ where: { ideaId: idea.id } });
    expect(reports.every((r) => r.status === "DISMISSED" && r.resolvedById === secretariatId && r.resolvedAt)).toBe(true);
    const audit = await suite.db.auditEntry.findMany({ where: { subjectId: idea.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["idea.autoHide", "idea.transition", "report.dismiss"]);
    expect(audit[2]).toMatchObject({
      actorId: secretariatId,
      reason: "Reportes sin fundamento.",
      before: { status: "HIDDEN", openReports: 3, reasons: { SPAM: 3 } },
      after: { status: "INCUBATED", reports: "DISMISSED" },
    });
    // Out of the queue; a second resolution finds nothing open.
    expect((await secretariat.moderation.queue({ queue: "reported", limit: 50 })).items.map((i) => i.id)).not.toContain(idea.id);
    expect(await failureOf(secretariat.moderation.resolveReports({ ideaId: idea.id, outcome: "dismiss" }))).toMatchObject({
      httpStatus: 409,
      message: "Esta idea no tiene reportes pendientes.",
    });
  });

  it("dismissing keeps a public idea as it is; new reports count from zero again", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    await reportBy(idea.id, "OFF_TOPIC", 2);
    expect(await secretariat.moderation.resolveReports({ ideaId: idea.id, outcome: "dismiss" })).toEqual({ status: "PUBLISHED", resolved: 2 });
    await reportBy(idea.id, "SPAM", 2);
    expect((await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("PUBLISHED");
  });

  it("upholding hides a public idea, and needs the reason its authors will read", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    await reportBy(idea.id, "OFFENSIVE", 1);
    const failure = await failureOf(secretariat.moderation.resolveReports({ ideaId: idea.id, outcome: "uphold" }));
    expect(failure).toMatchObject({ httpStatus: 400, fieldErrors: { reason: "Explica el motivo: la persona autora lo verá." } });
    expect(await suite.db.ideaReport.count({ where: { ideaId: idea.id, status: "OPEN" } })).toBe(1);

    expect(await secretariat.moderation.resolveReports({ ideaId: idea.id, outcome: "uphold", reason: "Lenguaje ofensivo contra un barrio." })).toEqual({
      status: "HIDDEN",
      resolved: 1,
    });
    expect(await suite.db.ideaReport.findFirst({ where: { ideaId: idea.id } })).toMatchObject({ status: "UPHELD" });
    const history = await (await callerOfUser(suite.services, authorId)).idea.history({ id: idea.id });
    expect(history.at(-1)).toMatchObject({ toStatus: "HIDDEN", reason: "Lenguaje ofensivo contra un barrio." });
    expect((await suite.db.auditEntry.findMany({ where: { subjectId: idea.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "idea.transition",
      "report.uphold",
    ]);
  });

  it("upholding reports of an idea already hidden keeps it hidden", async () => {
    const idea = await createIdeaIn(suite.db, authorId, "PUBLISHED");
    await reportBy(idea.id, "SPAM", 3);
    expect(await secretariat.moderation.resolveReports({ ideaId: idea.id, outcome: "uphold" })).toEqual({ status: "HIDDEN", resolved: 3 });
    // Now it may be restored directly.
    expect((await secretariat.moderation.decide({ id: idea.id, to: "PUBLISHED", reason: "Corregida por la autora." })).to).toBe("PUBLISHED");
  });
});
