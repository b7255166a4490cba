import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "../../server/router";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { addCallJuror } from "../support/calls";
import { testClock } from "../support/clock";
import { afterClose, createCall, createOrganization, during, personWithIdea } from "./fixtures";

const suite = useTestServices();

/**
 * Rubric: A weight 50 out of 10, B weight 30 out of 5, C weight 20 out of 4. A juror's score is
 * Σ value ÷ max × weight. Jurors J1, J2, J3; J3 shares an organization with S4's author (conflict).
 *
 *        J1 (A,B,C)            J2 (A,B,C)            J3 (A,B,C)            mean of jurors
 *  S1   8,4,2 → 40+24+10=74   6,5,4 → 30+30+20=80   10,3,3 → 50+18+15=83  237/3 = 79.00
 *  S2  10,5,4 → 50+30+20=100  4,2,1 → 20+12+5=37    —                     137/2 = 68.50
 *  S3   7,3,2 → 35+18+10=63   9,4,3 → 45+24+15=84   5,5,0 → 25+30+0=55    202/3 = 67.33
 *  S4   6,5,2 → 30+30+10=70   9,2,2 → 45+12+10=67   (conflict)            137/2 = 68.50
 *
 * S2 and S4 tie at 68.50 with two jurors each: S2 was submitted first, so it ranks above S4.
 * Expected ranking: S1 79.00, S2 68.50, S4 68.50, S3 67.33. A withdrawn S5 is not ranked.
 */
const SCORES: Record<"J1" | "J2" | "J3", Partial<Record<"S1" | "S2" | "S3" | "S4", [number, number, number]>>> = {
  J1: { S1: [8, 4, 2], S2: [10, 5, 4], S3: [7, 3, 2], S4: [6, 5, 2] },
  J2: { S1: [6, 5, 4], S2: [4, 2, 1], S3: [9, 4, 3], S4: [9, 2, 2] },
  J3: { S1: [10, 3, 3], S3: [5, 5, 0] },
};

type Sub = "S1" | "S2" | "S3" | "S4";
let call: Awaited<ReturnType<typeof createCall>>;
const submissions = {} as Record<Sub | "S5", { id: string; ideaTitle: string; caller: Caller; userId: string }>;
const jurors = {} as Record<"J1" | "J2" | "J3", { caller: Caller; name: string; id: string }>;
let secretariat: Caller;
let sharedOrganizationName: string;

beforeAll(async () => {
  call = await createCall(suite.db, {
    criteria: [
      { name: "Impacto", weight: 50, maxScore: 10 },
      { name: "Viabilidad", weight: 30, maxScore: 5 },
      { name: "Innovación", weight: 20, maxScore: 4 },
    ],
  });
  const clock = testClock(suite.db);
  await clock.set(during(call));
  for (const key of ["S1", "S2", "S3", "S4", "S5"] as const) {
    const person = await personWithIdea(suite.services, "ENTREPRENEUR", `Idea ${key} para el puerto`);
    const saved = await person.caller.submission.submit({ callId: call.id, ideaId: person.idea.id });
    submissions[key] = { id: saved.id, ideaTitle: person.idea.title, caller: person.caller, userId: person.user.id };
    await clock.advance(60_000);
  }
  await submissions.S5.caller.submission.withdraw({ submissionId: submissions.S5.id });
  const secretariatUser = await createUser(suite.db, "SECRETARIAT");
  secretariat = await callerOfUser(suite.services, secretariatUser.id);
  for (const key of ["J1", "J2", "J3"] as const) {
    const user = await createUser(suite.db, "ACADEMIA", { name: `Jurado real ${key}` });
    await addCallJuror(suite.db, { callId: call.id, userId: user.id, assignedById: secretariatUser.id });
    if (key === "J3") {
      const shared = await createOrganization(suite.db, "UNIVERSITY", [{ userId: user.id }, { userId: submissions.S4.userId }]);
      sharedOrganizationName = shared.name;
    }
    jurors[key] = { caller: await callerOfUser(suite.services, user.id), name: user.name, id: user.id };
  }
  await clock.set(afterClose(call));
  for (const [juror, row] of Object.entries(SCORES) as [keyof typeof SCORES, (typeof SCORES)["J1"]][]) {
    for (const [sub, values] of Object.entries(row) as [Sub, [number, number, number]][]) {
      await jurors[juror].caller.evaluation.score({
        submissionId: submissions[sub].id,
        scores: call.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]!, comment: `${juror} sobre ${sub}: criterio ${c.name}` })),
      });
    }
  }
});

describe("the ranking", () => {
  it("matches the hand-computed table, with the tie broken by the earlier submission and the rule stated", async () => {
    const ranking = await secretariat.evaluation.ranking({ callId: call.id });
    const ids = Object.fromEntries(Object.entries(submissions).map(([k, v]) => [v.id, k]));
    expect(ranking.items.map((r) => [r.rank, ids[r.submissionId], r.score, r.jurorsScored, r.tied])).toEqual([
      [1, "S1", 79, 3, false],
      [2, "S2", 68.5, 2, true],
      [3, "S4", 68.5, 2, true],
      [4, "S3", 67.33, 3, false],
    ]);
    const s3 = ranking.items.find((r) => ids[r.submissionId] === "S3")!;
    expect(s3.jurors.map((j) => [j.jurorName, j.weighted, j.complete])).toEqual([
      [jurors.J1.name, 63, true],
      [jurors.J2.name, 84, true],
      [jurors.J3.name, 55, true],
    ]);
    expect(ranking.method.tieBreak).toContain("la enviada primero");
    expect(ranking.criteria.map((c) => [c.name, c.weight, c.maxScore])).toEqual([
      ["Impacto", 50, 10],
      ["Viabilidad", 30, 5],
      ["Innovación", 20, 4],
    ]);
  });

  it("shows the Secretariat each juror's progress and the conflict of interest, which the juror can neither see nor score", async () => {
    const progress = await secretariat.evaluation.progress({ callId: call.id });
    expect(progress.jurors.map((j) => [j.name, j.scored, j.total])).toEqual([
      [jurors.J1.name, 4, 4],
      [jurors.J2.name, 4, 4],
      [jurors.J3.name, 2, 3],
    ]);
    expect(progress.conflicts).toEqual([
      {
        jurorId: jurors.J3.id,
        jurorName: jurors.J3.name,
        submissionId: submissions.S4.id,
        ideaTitle: submissions.S4.ideaTitle,
        answersForIt: false,
        organizations: [sharedOrganizationName],
      },
    ]);
    const [queue] = await jurors.J3.caller.evaluation.myQueue({ callId: call.id });
    expect(queue!.submissions.map((s) => s.id)).not.toContain(submissions.S4.id);
    expect(queue!.progress).toEqual({ scored: 2, total: 3 });
    const refused = await failureOf(
      jurors.J3.caller.evaluation.score({ submissionId: submissions.S4.id, scores: call.criteria.map((c) => ({ criterionId: c.id, value: 1, comment: "" })) }),
    );
    expect(refused).toMatchObject({ httpStatus: 404, message: "No encontramos esta postulación entre las que puedes evaluar." });
  });
});

describe("winners and results", () => {
  it("are chosen after the deadline, published with at least one winner, told to every submitter, then closed", async () => {
    const anonymous = (await callerAs(suite.services, null)).caller;
    expect(await failureOf(anonymous.evaluation.results({ callId: call.id }))).toMatchObject({
      httpStatus: 404,
      message: "Los resultados de esta convocatoria aún no se han publicado.",
    });
    expect(await failureOf(submissions.S1.caller.evaluation.myScores({ submissionId: submissions.S1.id }))).toMatchObject({ httpStatus: 404 });
    expect(await failureOf(secretariat.evaluation.publishResults({ callId: call.id }))).toMatchObject({
      httpStatus: 409,
      message: expect.stringContaining("Elige al menos una postulación ganadora"),
    });
    expect(
      await failureOf(secretariat.evaluation.selectWinners({ callId: call.id, winners: [{ submissionId: submissions.S5.id, justification: "Retirada" }] })),
    ).toMatchObject({ httpStatus: 400, message: "Una de las postulaciones elegidas no es de esta convocatoria o fue retirada." });
    expect(await failureOf(secretariat.evaluation.selectWinners({ callId: call.id, winners: [{ submissionId: submissions.S1.id, justification: "  " }] }))).toMatchObject({
      httpStatus: 400,
    });
    await secretariat.evaluation.selectWinners({ callId: call.id, winners: [{ submissionId: submissions.S3.id, justification: "Primera elección" }] });
    await secretariat.evaluation.selectWinners({
      callId: call.id,
      winners: [{ submissionId: submissions.S1.id, justification: "El mayor impacto para el puerto, con el puntaje más alto." }],
    });
    // Before publication, the submitter does not learn they won.
    expect((await submissions.S1.caller.submission.mine({ callId: call.id }))[0]).toMatchObject({ isWinner: false, winnerJustification: null });

    const published = await secretariat.evaluation.publishResults({ callId: call.id });
    expect(published).toMatchObject({ status: "RESULTS_PUBLISHED", winners: 1, notified: 4 });
    const notes = await suite.db.notification.findMany({ where: { callId: call.id, kind: "CALL_RESULTS_PUBLISHED" }, select: { recipientId: true } });
    expect(notes.map((n) => n.recipientId).sort()).toEqual(["S1", "S2", "S3", "S4"].map((k) => submissions[k as Sub].userId).sort());
    const noteIds = (await suite.db.notification.findMany({ where: { callId: call.id }, select: { id: true } })).map((n) => n.id);
    expect(await suite.db.emailOutbox.count({ where: { notificationId: { in: noteIds } } })).toBe(4);
    const inbox = await submissions.S2.caller.notification.list({});
    expect(inbox.items[0]).toMatchObject({ kind: "CALL_RESULTS_PUBLISHED", callId: call.id, callSlug: call.slug });
    expect(await suite.db.auditEntry.count({ where: { action: "evaluation.publishResults", subjectId: call.id } })).toBe(1);
    expect(await failureOf(secretariat.evaluation.publishResults({ callId: call.id }))).toMatchObject({ httpStatus: 409 });

    // Scoring stops with publication, even before evaluationEndsAt.
    expect(
      await failureOf(
        jurors.J1.caller.evaluation.score({ submissionId: submissions.S1.id, scores: call.criteria.map((c) => ({ criterionId: c.id, value: 0, comment: "" })) }),
      ),
    ).toMatchObject({ httpStatus: 409 });

    const results = await anonymous.evaluation.results({ callId: call.id });
    expect(results.winners.map((w) => [w.submissionId, w.ideaTitle, w.winnerJustification, w.score])).toEqual([
      [submissions.S1.id, submissions.S1.ideaTitle, "El mayor impacto para el puerto, con el puntaje más alto.", 79],
    ]);
    expect(results.ranking.map((r) => [r.rank, r.ideaTitle, r.score])).toEqual([
      [1, submissions.S1.ideaTitle, 79],
      [2, submissions.S2.ideaTitle, 68.5],
      [3, submissions.S4.ideaTitle, 68.5],
      [4, submissions.S3.ideaTitle, 67.33],
    ]);
    expect(results.method.formula).toContain("promedio de los jurados");
    expect(results.criteria).toHaveLength(3);
    // Jurors stay anonymous to the public.
    expect(JSON.stringify(results)).not.toContain(jurors.J1.name);

    // An idea the Secretariat hides later keeps its rank and score in the public results, not its title, author or link.
    const s2Idea = await suite.db.callSubmission.findUniqueOrThrow({ where: { id: submissions.S2.id }, select: { ideaId: true } });
    await suite.db.idea.update({ where: { id: s2Idea.ideaId }, data: { status: "HIDDEN" } });
    const afterHiding = await anonymous.evaluation.results({ callId: call.id });
    expect(afterHiding.ranking[1]).toMatchObject({ rank: 2, score: 68.5, ideaId: null, ideaTitle: "Idea retirada por moderación", organizationName: null });
    expect(JSON.stringify(afterHiding)).not.toContain(submissions.S2.ideaTitle);
    await suite.db.idea.update({ where: { id: s2Idea.ideaId }, data: { status: "PUBLISHED" } });

    await secretariat.evaluation.close({ callId: call.id });
    expect(await failureOf(secretariat.evaluation.close({ callId: call.id }))).toMatchObject({
      httpStatus: 409,
      message: "Solo se cierra una convocatoria cuyos resultados ya se publicaron.",
    });
    expect((await anonymous.evaluation.results({ callId: call.id })).call.status).toBe("CLOSED");
  });

  it("show each submitter their own scores and comments, jurors anonymized by number", async () => {
    const mine = await submissions.S4.caller.evaluation.myScores({ submissionId: submissions.S4.id });
    expect(mine).toMatchObject({ score: 68.5, rank: 3, isWinner: false });
    expect(mine.jurors.map((j) => [j.label, j.weighted, j.scores.map((s) => s.value)])).toEqual([
      ["Jurado 1", 70, [6, 5, 2]],
      ["Jurado 2", 67, [9, 2, 2]],
    ]);
    expect(mine.jurors[0]!.scores[0]!.comment).toBe("J1 sobre S4: criterio Impacto");
    expect(JSON.stringify(mine)).not.toContain(jurors.J1.name);
    expect(JSON.stringify(mine)).not.toContain(jurors.J1.id);
    const winner = await submissions.S1.caller.evaluation.myScores({ submissionId: submissions.S1.id });
    expect(winner.jurors.map((j) => j.label)).toEqual(["Jurado 1", "Jurado 2", "Jurado 3"]);
    expect(winner).toMatchObject({ isWinner: true, rank: 1 });
    expect(await failureOf(submissions.S1.caller.evaluation.myScores({ submissionId: submissions.S4.id }))).toMatchObject({ httpStatus: 404 });
    expect((await submissions.S1.caller.submission.mine({ callId: call.id }))[0]).toMatchObject({ isWinner: true, callPhase: "CLOSED" });
  });
});
