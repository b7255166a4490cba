/**
 * Authorization of every `submission.*` and `evaluation.*` procedure: anonymous callers, each
 * role, and the relations these rules are written in (the submitter, a juror of the call, a juror
 * with a conflict of interest, owners and members of the organization that proposed the call),
 * each exercised by a real call. A new procedure under these prefixes without a row fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { appRouter, type Caller } from "../../server/router";
import { ROLES, callerAs, callerFor, createUser, useTestServices, type Role } from "../support/callers";
import { addCallJuror, createApprovedCall } from "../support/calls";
import { testClock } from "../support/clock";
import { createIdeaIn } from "../support/ideas";
import { createOrganization } from "../evaluation/fixtures";
import { DELEGATED_COVERAGE, proceduresOwnedBy, outcomeOf } from "./coverage-scope";

const suite = useTestServices();

type Outcome = "allowed" | 401 | 403 | 404 | 409;
const RELATIONS = ["submitter", "juror", "conflictedJuror", "owner", "member"] as const;
type Relation = (typeof RELATIONS)[number];
type Who = "anonymous" | Role | Relation;

interface Case {
  about?: string;
  /** `userId`: the caller's own id (null when anonymous), for calls about the caller's own ideas. */
  call: (caller: Caller, userId: string | null) => Promise<unknown>;
  expect: Partial<Record<Who, Outcome>> & Record<"anonymous" | Role, Outcome>;
}

const DAY = 24 * 60 * 60 * 1000;
/** The database clock of this file: every call's timeline is placed around it. */
const NOW = new Date(Date.now() + 400 * DAY);
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const everyone = { anonymous: "allowed", ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: "allowed" } as const;
const signedIn = { ...everyone, anonymous: 401 } as const;
const secretariatOnly = {
  anonymous: 401,
  ENTREPRENEUR: 403,
  ACADEMIA: 403,
  COMPANY: 403,
  SECRETARIAT: "allowed",
  submitter: 403,
  juror: 403,
  owner: 403,
  member: 403,
} as const;
/** Something only the submitter of a submission may do: others do not find it. */
const submitterOnly = { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 404, submitter: "allowed", juror: 404, owner: 404 } as const;

const ids = {} as Record<Relation | "secretariat" | "organization", string>;
const calls = {} as Record<"open" | "academiaOnly" | "proposed" | "evaluation" | "published", string>;
let publishedSubmissionId: string;
const criteriaOf = new Map<string, { id: string }[]>();

const timelines = {
  open: { opensAt: at(-1), closesAt: at(10), evaluationEndsAt: at(20), resultsAt: at(30) },
  evaluation: { opensAt: at(-20), closesAt: at(-1), evaluationEndsAt: at(10), resultsAt: at(20) },
  past: { opensAt: at(-40), closesAt: at(-30), evaluationEndsAt: at(-20), resultsAt: at(-10) },
};
const rubric = [
  { name: "Impacto", weight: 70, maxScore: 10 },
  { name: "Viabilidad", weight: 30, maxScore: 5 },
];

async function newCall(kind: "open" | "evaluation" | "published" | "proposed", extra: { eligibleRoles?: Role[] } = {}) {
  const call = await createApprovedCall(suite.db, {
    ...(kind === "open" || kind === "proposed" ? timelines.open : kind === "evaluation" ? timelines.evaluation : timelines.past),
    status: kind === "published" ? "RESULTS_PUBLISHED" : kind === "proposed" ? "PROPOSED" : "APPROVED",
    proposedById: ids.owner,
    proposingOrganizationId: ids.organization,
    maxSubmissionsPerParticipant: 50,
    criteria: rubric,
    ...extra,
  });
  criteriaOf.set(call.id, call.criteria);
  for (const juror of [ids.juror, ids.conflictedJuror]) await addCallJuror(suite.db, { callId: call.id, userId: juror, assignedById: ids.secretariat });
  return call.id;
}

/** A SUBMITTED submission of a new published idea of `userId` (the submitter by default), written directly (any phase). */
async function submissionIn(callId: string, userId = ids.submitter, winner = false) {
  const idea = await createIdeaIn(suite.db, userId, "PUBLISHED");
  const submission = await suite.db.callSubmission.create({
    data: { callId, ideaId: idea.id, submitterId: userId, submittedAt: at(-2), isWinner: winner, winnerJustification: winner ? "La mejor." : null },
  });
  return submission.id;
}

const scoresFor = (callId: string) => criteriaOf.get(callId)!.map((c) => ({ criterionId: c.id, value: 1, comment: "" }));

const expectations: Record<string, Case[]> = {
  "submission.submit": [
    {
      about: "an open call for every role",
      call: async (c, userId) => {
        const idea = userId ? await createIdeaIn(suite.db, userId, "PUBLISHED") : await createIdeaIn(suite.db, ids.submitter, "PUBLISHED");
        return c.submission.submit({ callId: calls.open, ideaId: idea.id });
      },
      expect: { ...signedIn, SECRETARIAT: 403, submitter: "allowed", owner: "allowed" },
    },
    {
      about: "an open call for academia only",
      call: async (c, userId) => {
        const idea = await createIdeaIn(suite.db, userId ?? ids.submitter, "PUBLISHED");
        return c.submission.submit({ callId: calls.academiaOnly, ideaId: idea.id });
      },
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: "allowed", COMPANY: 403, SECRETARIAT: 403, submitter: 403 },
    },
  ],
  "submission.withdraw": [
    { about: "a submission to an open call", call: async (c) => c.submission.withdraw({ submissionId: await submissionIn(calls.open) }), expect: submitterOnly },
  ],
  "submission.mine": [{ call: (c) => c.submission.mine({}), expect: { ...signedIn, submitter: "allowed" } }],
  "submission.listForCall": [
    {
      about: "an open call",
      call: (c) => c.submission.listForCall({ callId: calls.open }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed", submitter: 403, juror: 403, owner: "allowed", member: 403 },
    },
    {
      about: "a proposed call",
      call: (c) => c.submission.listForCall({ callId: calls.proposed }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", juror: 403, owner: "allowed", member: 404 },
    },
  ],
  "evaluation.rubric": [
    { about: "an open call", call: (c) => c.evaluation.rubric({ callId: calls.open }), expect: everyone },
    {
      about: "a proposed call",
      call: (c) => c.evaluation.rubric({ callId: calls.proposed }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", juror: "allowed", owner: "allowed", member: 404 },
    },
  ],
  "evaluation.setRubric": [
    { about: "an open call", call: (c) => c.evaluation.setRubric({ callId: calls.open, criteria: rubric }), expect: secretariatOnly },
  ],
  "evaluation.myQueue": [{ call: (c) => c.evaluation.myQueue({}), expect: { ...signedIn, juror: "allowed" } }],
  "evaluation.score": [
    {
      about: "a submission in evaluation",
      call: async (c) => {
        const submissionId = await submissionIn(calls.evaluation);
        return c.evaluation.score({ submissionId, scores: scoresFor(calls.evaluation) });
      },
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 404, submitter: 404, juror: "allowed", conflictedJuror: 404, owner: 404 },
    },
  ],
  "evaluation.progress": [{ call: (c) => c.evaluation.progress({ callId: calls.evaluation }), expect: secretariatOnly }],
  "evaluation.ranking": [{ call: (c) => c.evaluation.ranking({ callId: calls.evaluation }), expect: secretariatOnly }],
  "evaluation.selectWinners": [
    {
      about: "a call in evaluation",
      call: async (c) => c.evaluation.selectWinners({ callId: calls.evaluation, winners: [{ submissionId: await submissionIn(calls.evaluation), justification: "Buena." }] }),
      expect: secretariatOnly,
    },
  ],
  "evaluation.publishResults": [
    {
      about: "a call in evaluation with a winner",
      call: async (c) => {
        const callId = await newCall("evaluation");
        await submissionIn(callId, ids.submitter, true);
        return c.evaluation.publishResults({ callId });
      },
      expect: secretariatOnly,
    },
  ],
  "evaluation.close": [{ about: "a call with results", call: async (c) => c.evaluation.close({ callId: await newCall("published") }), expect: secretariatOnly }],
  "evaluation.results": [
    { about: "a call with results", call: (c) => c.evaluation.results({ callId: calls.published }), expect: { ...everyone, submitter: "allowed", juror: "allowed" } },
    {
      about: "a call in evaluation",
      call: (c) => c.evaluation.results({ callId: calls.evaluation }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 404, juror: 404, owner: 404 },
    },
  ],
  "evaluation.myScores": [
    { about: "a submission to a call with results", call: (c) => c.evaluation.myScores({ submissionId: publishedSubmissionId }), expect: submitterOnly },
  ],
};

let n = 0;
async function callerOf(who: Who): Promise<{ caller: Caller; userId: string | null }> {
  if ((RELATIONS as readonly string[]).includes(who)) {
    const userId = ids[who as Relation];
    const { token } = await createSession(suite.db, userId, {});
    return { caller: (await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` })).caller, userId };
  }
  const made = await callerAs(suite.services, who === "anonymous" ? null : (who as Role), { ip: `198.19.${++n % 250}.${n % 200}` });
  return { caller: made.caller, userId: made.user?.id ?? null };
}


beforeAll(async () => {
  await testClock(suite.db).set(NOW);
  ids.secretariat = (await createUser(suite.db, "SECRETARIAT")).id;
  ids.submitter = (await createUser(suite.db, "ENTREPRENEUR")).id;
  ids.juror = (await createUser(suite.db, "ACADEMIA")).id;
  ids.conflictedJuror = (await createUser(suite.db, "COMPANY")).id;
  ids.owner = (await createUser(suite.db, "COMPANY")).id;
  ids.member = (await createUser(suite.db, "COMPANY")).id;
  // Created before any caller's session, which loads its memberships when the request starts.
  ids.organization = (
    await createOrganization(suite.db, "COMPANY", [
      { userId: ids.owner, role: "OWNER" },
      { userId: ids.member, role: "MEMBER" },
    ])
  ).id;
  await createOrganization(suite.db, "NGO", [{ userId: ids.conflictedJuror }, { userId: ids.submitter }]);
  calls.open = await newCall("open");
  calls.academiaOnly = await newCall("open", { eligibleRoles: ["ACADEMIA"] });
  calls.proposed = await newCall("proposed");
  calls.evaluation = await newCall("evaluation");
  calls.published = await newCall("published");
  publishedSubmissionId = await submissionIn(calls.published, ids.submitter, true);
});

describe("submission and evaluation authorization coverage", () => {
  it("declares an expectation for every submission.* and evaluation.* procedure, and for nothing else", () => {
    const owned = proceduresOwnedBy(Object.keys(appRouter._def.procedures), DELEGATED_COVERAGE["tests/authz/evaluation-coverage.test.ts"]);
    expect(owned).toEqual(Object.keys(expectations).sort());
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      const relations = RELATIONS.filter((relation) => testCase.expect[relation] !== undefined);
      for (const who of ["anonymous", ...ROLES, ...relations] as Who[]) {
        const expected = testCase.expect[who]!;
        it(`${path}${testCase.about ? ` on ${testCase.about}` : ""}: ${who} → ${expected}`, async () => {
          const { caller, userId } = await callerOf(who);
          expect(await outcomeOf(testCase.call(caller, userId))).toBe(expected);
        });
      }
    }
  }
});
