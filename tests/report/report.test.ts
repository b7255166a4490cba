import { beforeAll, describe, expect, it } from "vitest";
import type { IdeaStatus } from "../../server/db/generated/enums";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

// The default threshold, set explicitly: these tests count to it.
const suite = useTestServices({ REPORT_HIDE_THRESHOLD: "3" });
let authorId: string;

beforeAll(async () => {
  authorId = (await createUser(suite.db, "ENTREPRENEUR")).id;
});

const publicIdea = (status: IdeaStatus = "PUBLISHED") => createIdeaIn(suite.db, authorId, status);

describe("report.create: who may report", () => {
  it.each(["ENTREPRENEUR", "ACADEMIA", "COMPANY"] as const)("lets %s report a published idea once", async (role) => {
    const idea = await publicIdea();
    const { caller, user } = await callerAs(suite.services, role);
    expect(await caller.report.create({ ideaId: idea.id, reason: "SPAM" })).toEqual({ hidden: false });
    const stored = await suite.db.ideaReport.findMany({ where: { ideaId: idea.id } });
    expect(stored).toMatchObject([{ reporterId: user!.id, reason: "SPAM", status: "OPEN", details: null }]);
    expect(await caller.report.mine({ ideaId: idea.id })).toMatchObject({ reason: "SPAM", status: "OPEN" });
  });

  it("refuses a second report of the same idea by the same person with 409 and a Spanish message", async () => {
    const idea = await publicIdea();
    const { caller } = await callerAs(suite.services, "COMPANY");
    await caller.report.create({ ideaId: idea.id, reason: "OFF_TOPIC" });
    const failure = await failureOf(caller.report.create({ ideaId: idea.id, reason: "SPAM" }));
    expect(failure).toMatchObject({ httpStatus: 409, message: "Ya reportaste esta idea. La Secretaría revisará tu reporte." });
    expect(await suite.db.ideaReport.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it("lets two parallel duplicate reports make one report and one 409", async () => {
    const idea = await publicIdea();
    const { caller } = await callerAs(suite.services, "ACADEMIA");
    const results = await Promise.allSettled([1, 2].map(() => caller.report.create({ ideaId: idea.id, reason: "SPAM" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected")!;
    expect((await failureOf(Promise.reject(rejected.reason))).httpStatus).toBe(409);
    expect(await suite.db.ideaReport.count({ where: { ideaId: idea.id } })).toBe(1);
  });

  it("refuses the idea's author, its co-authors and invited co-authors, with a message saying why", async () => {
    const idea = await publicIdea();
    const coauthor = await createUser(suite.db, "ACADEMIA");
    const invited = await createUser(suite.db, "COMPANY");
    await suite.db.ideaCoauthor.createMany({
      data: [
        { ideaId: idea.id, userId: coauthor.id, status: "ACCEPTED", invitedById: authorId },
        { ideaId: idea.id, userId: invited.id, status: "INVITED", invitedById: authorId },
      ],
    });
    for (const userId of [authorId, coauthor.id, invited.id]) {
      const caller = await callerOfUser(suite.services, userId);
      const failure = await failureOf(caller.report.create({ ideaId: idea.id, reason: "SPAM" }));
      expect(failure).toMatchObject({ httpStatus: 403, message: "No puedes reportar una idea de la que eres autor(a) o coautor(a), ni una a la que te invitaron." });
    }
    expect(await suite.db.ideaReport.count({ where: { ideaId: idea.id } })).toBe(0);
  });

  it("refuses the Secretariat (it hides ideas directly) and anonymous callers", async () => {
    const idea = await publicIdea();
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    expect(await failureOf(secretariat.report.create({ ideaId: idea.id, reason: "SPAM" }))).toMatchObject({
      httpStatus: 403,
      message: "La Secretaría no reporta ideas: puede ocultarlas directamente desde Moderación.",
    });
    const { caller: anonymous } = await callerAs(suite.services, null);
    expect((await failureOf(anonymous.report.create({ ideaId: idea.id, reason: "SPAM" }))).httpStatus).toBe(401);
  });

  it("accepts reports on every public state and answers 404 for ideas the reporter cannot see", async () => {
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    for (const status of ["IN_DEVELOPMENT", "INCUBATED", "ARCHIVED"] as const) {
      expect(await caller.report.create({ ideaId: (await publicIdea(status)).id, reason: "OFF_TOPIC" })).toEqual({ hidden: false });
    }
    for (const status of ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "REJECTED", "HIDDEN"] as const) {
      const failure = await failureOf(caller.report.create({ ideaId: (await publicIdea(status)).id, reason: "SPAM" }));
      expect(failure, status).toMatchObject({ httpStatus: 404, message: "No encontramos esta idea." });
    }
  });
});

describe("report.create: validation", () => {
  it("requires details for the reason «Otro», on the details field", async () => {
    const idea = await publicIdea();
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    for (const details of [undefined, "", "   "]) {
      const failure = await failureOf(caller.report.create({ ideaId: idea.id, reason: "OTHER", details }));
      expect(failure.httpStatus).toBe(400);
      expect(failure.fieldErrors).toEqual({ details: "Cuéntanos qué pasa: con el motivo «Otro» la descripción es obligatoria." });
    }
    expect(await caller.report.create({ ideaId: idea.id, reason: "OTHER", details: "  Copia textual de otra idea publicada.  " })).toEqual({ hidden: false });
    expect(await suite.db.ideaReport.findFirst({ where: { ideaId: idea.id } })).toMatchObject({ details: "Copia textual de otra idea publicada." });
  });

  it("limits details to 1000 characters and the reason to the listed ones", async () => {
    const idea = await publicIdea();
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    const long = await failureOf(caller.report.create({ ideaId: idea.id, reason: "SPAM", details: "x".repeat(1001) }));
    expect(long.fieldErrors).toEqual({ details: "Puede tener como máximo 1000 caracteres." });
    const unknown = await failureOf(caller.report.create({ ideaId: idea.id, reason: "BORING" as never }));
    expect(unknown.fieldErrors).toEqual({ reason: "Elige una de las opciones disponibles." });
    expect(await suite.db.ideaReport.count({ where: { ideaId: idea.id } })).toBe(0);
  });
});

describe("report.create: hiding at the threshold", () => {
  it("hides the idea at the third distinct report, with a reason its authors read in the history", async () => {
    const idea = await publicIdea("IN_DEVELOPMENT");
    const reasons = ["SPAM", "OFFENSIVE", "SPAM"] as const;
    const answers = [];
    for (const reason of reasons) answers.push(await (await callerAs(suite.services, "COMPANY")).caller.report.create({ ideaId: idea.id, reason }));
    expect(answers).toEqual([{ hidden: false }, { hidden: false }, { hidden: true }]);
    expect(await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "HIDDEN", hiddenFromStatus: "IN_DEVELOPMENT" });

    const author = await callerOfUser(suite.services, authorId);
    const history = await author.idea.history({ id: idea.id });
    expect(history.at(-1)).toMatchObject({
      kind: "TRANSITION",
      fromStatus: "IN_DEVELOPMENT",
      toStatus: "HIDDEN",
      actor: null,
      reason: "Oculta automáticamente tras 3 reportes: spam, contenido ofensivo. La Secretaría la revisará.",
    });
    // Gone from the public list and page.
    const { caller: visitor } = await callerAs(suite.services, null);
    expect((await visitor.idea.list({ limit: 50 })).items.map((i) => i.id)).not.toContain(idea.id);
    expect((await failureOf(visitor.idea.byId({ id: idea.id }))).httpStatus).toBe(404);
    const audit = await suite.db.auditEntry.findMany({ where: { subjectId: idea.id } });
    expect(audit).toMatchObject([{ action: "idea.autoHide", actorId: null, before: { status: "IN_DEVELOPMENT" }, after: { status: "HIDDEN" } }]);
  });

  it("20 simultaneous reports by 20 people hide the idea exactly once, with exactly one audit entry", async () => {
    const idea = await publicIdea();
    const callers = await Promise.all(Array.from({ length: 20 }, () => callerAs(suite.services, "ENTREPRENEUR").then((c) => c.caller)));
    const results = await Promise.allSettled(callers.map((caller) => caller.report.create({ ideaId: idea.id, reason: "SPAM" })));

    const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(fulfilled.filter((r) => r.hidden)).toHaveLength(1);
    expect(fulfilled).toHaveLength(3);
    // The rest arrived after the idea was hidden: for them it no longer exists.
    for (const result of results) {
      if (result.status === "rejected") expect((await failureOf(Promise.reject(result.reason))).httpStatus).toBe(404);
    }
    expect(await suite.db.ideaReport.count({ where: { ideaId: idea.id } })).toBe(3);
    expect(await suite.db.ideaEvent.count({ where: { ideaId: idea.id, kind: "TRANSITION", toStatus: "HIDDEN" } })).toBe(1);
    expect(await suite.db.auditEntry.count({ where: { subjectId: idea.id, action: "idea.autoHide" } })).toBe(1);
    expect(await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ status: "HIDDEN", hiddenFromStatus: "PUBLISHED" });
  });
});
