import { describe, expect, it } from "vitest";
import { failureOf, useTestServices } from "../support/callers";
import { testClock } from "../support/clock";
import { createCall, personWithIdea } from "../evaluation/fixtures";

const suite = useTestServices();

describe("the deadline under a rush of submissions", () => {
  it("accepts exactly the submissions whose statement ran before closesAt, and refuses the rest with 'call closed'", async () => {
    const call = await createCall(suite.db, { questions: [{ prompt: "¿Qué propones?" }] });
    const people = await Promise.all(Array.from({ length: 30 }, () => personWithIdea(suite.services)));
    const answers = { [call.questions[0]!.id]: "Una propuesta para el último minuto." };
    const clock = testClock(suite.db);
    await clock.set(new Date(call.closesAt.getTime() - 1000));

    // All 30 go out together; once the first few are answered the database clock jumps past the
    // deadline, while the rest are still on their way.
    let answered = 0;
    let crossing: Promise<void> | null = null;
    const outcomes = await Promise.allSettled(
      people.map(({ caller, idea }) =>
        caller.submission.submit({ callId: call.id, ideaId: idea.id, answers }).finally(() => {
          answered += 1;
          if (answered === 3) crossing = clock.advance(2000);
        }),
      ),
    );
    await crossing;

    const accepted = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(accepted.length + refused.length).toBe(30);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const submission of accepted) expect(submission.submittedAt.getTime()).toBeLessThan(call.closesAt.getTime());
    for (const reason of refused) {
      expect(await failureOf(Promise.reject(reason))).toMatchObject({ httpStatus: 409, message: "La convocatoria ya cerró: no recibe más postulaciones." });
    }
    const rows = await suite.db.callSubmission.findMany({ where: { callId: call.id }, select: { id: true, submittedAt: true, status: true } });
    expect(rows.map((r) => r.id).sort()).toEqual(accepted.map((s) => s.id).sort());
    for (const row of rows) {
      expect(row.status).toBe("SUBMITTED");
      expect(row.submittedAt.getTime()).toBeLessThan(call.closesAt.getTime());
    }
    expect(await suite.db.submissionAnswer.count({ where: { submission: { callId: call.id } } })).toBe(accepted.length);
  });
});
