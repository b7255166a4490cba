import { describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { addCallJuror } from "../support/calls";
import { testClock } from "../support/clock";
import { afterClose, createCall, createOrganization, during, personWithIdea } from "./fixtures";

const suite = useTestServices();
const clock = () => testClock(suite.db);
const criteria = [
  { name: "Impacto", description: "Qué cambia en Barrancabermeja.", weight: 60, maxScore: 10 },
  { name: "Viabilidad", description: "Si se puede hacer.", weight: 40, maxScore: 5 },
];

describe("the rubric", () => {
  it("is replaced by the Secretariat while the call has not closed, with weights adding up to 100", async () => {
    const call = await createCall(suite.db, { criteria: [{ name: "Antiguo", weight: 100, maxScore: 3 }] });
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    await clock().set(during(call));
    expect(
      await failureOf(secretariat.caller.evaluation.setRubric({ callId: call.id, criteria: [{ ...criteria[0]!, weight: 50 }, criteria[1]!] })),
    ).toMatchObject({ httpStatus: 400, message: "Los pesos de los criterios deben sumar 100; ahora suman 90." });
    expect(await failureOf(secretariat.caller.evaluation.setRubric({ callId: call.id, criteria: [{ ...criteria[0]!, maxScore: 101 }, criteria[1]!] }))).toMatchObject({
      httpStatus: 400,
    });
    const rubric = await secretariat.caller.evaluation.setRubric({ callId: call.id, criteria });
    expect(rubric).toMatchObject({ totalWeight: 100, editable: true });
    expect(rubric.criteria.map((c) => [c.position, c.name, c.weight, c.maxScore])).toEqual([
      [1, "Impacto", 60, 10],
      [2, "Viabilidad", 40, 5],
    ]);
    const anonymous = (await callerAs(suite.services, null)).caller;
    expect((await anonymous.evaluation.rubric({ callId: call.id })).criteria.map((c) => c.name)).toEqual(["Impacto", "Viabilidad"]);
    expect(await suite.db.auditEntry.count({ where: { action: "evaluation.setRubric", subjectId: call.id } })).toBe(1);

    await clock().set(call.closesAt);
    expect(await failureOf(secretariat.caller.evaluation.setRubric({ callId: call.id, criteria }))).toMatchObject({
      httpStatus: 409,
      message: "La convocatoria ya cerró y la evaluación empezó: los criterios ya no se pueden cambiar.",
    });
    expect((await anonymous.evaluation.rubric({ callId: call.id })).editable).toBe(false);
  });

  it("of a call not yet approved is hidden from the public", async () => {
    const call = await createCall(suite.db, { status: "PROPOSED", criteria });
    const anonymous = (await callerAs(suite.services, null)).caller;
    expect(await failureOf(anonymous.evaluation.rubric({ callId: call.id }))).toMatchObject({ httpStatus: 404 });
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    expect((await secretariat.caller.evaluation.rubric({ callId: call.id })).criteria).toHaveLength(2);
  });
});

describe("scoring", () => {
  async function evaluatedCall() {
    const call = await createCall(suite.db, { criteria, questions: [{ prompt: "¿A quién beneficia?" }] });
    await clock().set(during(call));
    const answers = { [call.questions[0]!.id]: "A los pescadores del Magdalena." };
    const first = await personWithIdea(suite.services);
    const second = await personWithIdea(suite.services);
    const s1 = await first.caller.submission.submit({ callId: call.id, ideaId: first.idea.id, answers });
    const s2 = await second.caller.submission.submit({ callId: call.id, ideaId: second.idea.id, answers });
    const assigner = await createUser(suite.db, "SECRETARIAT");
    const jurorA = await createUser(suite.db, "COMPANY");
    const jurorB = await createUser(suite.db, "ACADEMIA");
    for (const juror of [jurorA, jurorB]) await addCallJuror(suite.db, { callId: call.id, userId: juror.id, assignedById: assigner.id });
    return {
      call,
      s1,
      s2,
      first,
      second,
      jurorA: await callerOfUser(suite.services, jurorA.id),
      jurorAId: jurorA.id,
      jurorB: { id: jurorB.id },
      scores: (values: [number, number], comment = "Bien argumentada.") => call.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]!, comment })),
    };
  }

  it("happens only between the deadline and the end of evaluation, by the database clock, and can be changed meanwhile", async () => {
    const { call, s1, jurorA, scores } = await evaluatedCall();
    expect(await failureOf(jurorA.evaluation.score({ submissionId: s1.id, scores: scores([5, 3]) }))).toMatchObject({
      httpStatus: 409,
      message: expect.stringContaining("no está abierta"),
    });
    const [before] = await jurorA.evaluation.myQueue({});
    expect(before).toMatchObject({ callId: call.id, phase: "OPEN", canScore: false, submissions: [], progress: { scored: 0, total: 0 } });

    await clock().set(call.closesAt);
    const saved = await jurorA.evaluation.score({ submissionId: s1.id, scores: scores([7, 2]) });
    expect(saved.myScores.map((s) => s.value).sort()).toEqual([2, 7]);
    await jurorA.evaluation.score({ submissionId: s1.id, scores: scores([9, 4], "Revisada otra vez.") });
    const rows = await suite.db.score.findMany({ where: { submissionId: s1.id }, orderBy: { value: "asc" } });
    expect(rows.map((r) => [r.value, r.comment])).toEqual([
      [4, "Revisada otra vez."],
      [9, "Revisada otra vez."],
    ]);

    await clock().set(call.evaluationEndsAt);
    expect(await failureOf(jurorA.evaluation.score({ submissionId: s1.id, scores: scores([1, 1]) }))).toMatchObject({ httpStatus: 409 });
    expect((await suite.db.score.findMany({ where: { submissionId: s1.id } })).map((r) => r.value).sort()).toEqual([4, 9]);
  });

  it("takes every criterion once, within its maximum, and only from the call's jurors", async () => {
    const { call, s1, jurorA, scores } = await evaluatedCall();
    await clock().set(afterClose(call));
    expect(await failureOf(jurorA.evaluation.score({ submissionId: s1.id, scores: scores([5, 3]).slice(0, 1) }))).toMatchObject({
      httpStatus: 400,
      message: "Califica todos los criterios de la rúbrica, cada uno una sola vez.",
    });
    const tooHigh = await failureOf(jurorA.evaluation.score({ submissionId: s1.id, scores: scores([5, 6]) }));
    expect(tooHigh).toMatchObject({ httpStatus: 400, fieldErrors: { "scores.1.value": "La calificación máxima de este criterio es 5." } });
    const outsider = await callerAs(suite.services, "ACADEMIA");
    expect(await failureOf(outsider.caller.evaluation.score({ submissionId: s1.id, scores: scores([5, 3]) }))).toMatchObject({ httpStatus: 404 });
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    expect(await failureOf(secretariat.caller.evaluation.score({ submissionId: s1.id, scores: scores([5, 3]) }))).toMatchObject({ httpStatus: 404 });
    expect(await suite.db.score.count({ where: { callId: call.id } })).toBe(0);
  });

  it("keeps scores private: a juror's queue shows their own scores only", async () => {
    const { call, s1, s2, jurorA, jurorB, scores } = await evaluatedCall();
    await clock().set(afterClose(call));
    const jurorBCaller = await callerOfUser(suite.services, jurorB.id);
    await jurorBCaller.evaluation.score({ submissionId: s1.id, scores: scores([1, 1], "Comentario privado de B") });
    await jurorA.evaluation.score({ submissionId: s2.id, scores: scores([8, 4]) });
    const [queue] = await jurorA.evaluation.myQueue({ callId: call.id });
    expect(queue).toMatchObject({ phase: "EVALUATION", canScore: true, progress: { scored: 1, total: 2 } });
    const bySubmission = new Map(queue!.submissions.map((s) => [s.id, s]));
    expect(bySubmission.get(s1.id)).toMatchObject({ myScores: [], complete: false });
    expect(bySubmission.get(s2.id)!.complete).toBe(true);
    expect(bySubmission.get(s1.id)!.answers[0]!.answer).toBe("A los pescadores del Magdalena.");
    expect(JSON.stringify(queue)).not.toContain("Comentario privado de B");
  });

  it("is closed to a juror who shares an organization with an accepted co-author, or who co-authors the idea", async () => {
    const { call, s1, s2, first, second, jurorA, jurorAId, jurorB, scores } = await evaluatedCall();
    const coauthor = await createUser(suite.db, "ACADEMIA");
    await suite.db.ideaCoauthor.create({ data: { ideaId: first.idea.id, userId: coauthor.id, status: "ACCEPTED", invitedById: first.user.id } });
    await createOrganization(suite.db, "NGO", [{ userId: coauthor.id }, { userId: jurorAId }]);
    await suite.db.ideaCoauthor.create({ data: { ideaId: second.idea.id, userId: jurorB.id, status: "ACCEPTED", invitedById: second.user.id } });
    // An invitation not accepted is no conflict.
    await suite.db.ideaCoauthor.create({ data: { ideaId: first.idea.id, userId: jurorB.id, status: "INVITED", invitedById: first.user.id } });
    await clock().set(afterClose(call));

    const [queue] = await jurorA.evaluation.myQueue({ callId: call.id });
    expect(queue!.submissions.map((s) => s.id)).toEqual([s2.id]);
    expect(await failureOf(jurorA.evaluation.score({ submissionId: s1.id, scores: scores([5, 3]) }))).toMatchObject({ httpStatus: 404 });
    const jurorBCaller = await callerOfUser(suite.services, jurorB.id);
    expect(await failureOf(jurorBCaller.evaluation.score({ submissionId: s2.id, scores: scores([5, 3]) }))).toMatchObject({ httpStatus: 404 });
    await jurorBCaller.evaluation.score({ submissionId: s1.id, scores: scores([5, 3]) });

    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const progress = await secretariat.caller.evaluation.progress({ callId: call.id });
    expect(progress.conflicts.map((c) => [c.jurorId, c.submissionId, c.answersForIt])).toEqual(
      expect.arrayContaining([
        [jurorAId, s1.id, false],
        [jurorB.id, s2.id, true],
      ]),
    );
    expect(progress.conflicts).toHaveLength(2);
    expect(progress.jurors.map((j) => [j.jurorId, j.scored, j.total])).toEqual(
      expect.arrayContaining([
        [jurorAId, 0, 1],
        [jurorB.id, 1, 1],
      ]),
    );
  });
});
