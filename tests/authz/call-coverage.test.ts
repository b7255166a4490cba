/**
 * Authorization of every `calls.` and `callParticipation.` procedure (see coverage-scope.ts): for
 * anonymous callers, every role, and the relations the rules are written in, each exercised by a
 * real call. A new procedure of these routers without a row here fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import type { CallParticipationStatus, CallStatus } from "../../server/db/generated/enums";
import { appRouter, type Caller } from "../../server/router";
import { ROLES, callerAs, callerFor, createUser, useTestServices, type Role } from "../support/callers";
import { callTimeline, createApprovedCall } from "../support/calls";
import { callForm, organizationOf } from "../call/helpers";
import { DELEGATED_COVERAGE, outcomeOf as sharedOutcomeOf, proceduresOwnedBy } from "./coverage-scope";

const suite = useTestServices();

type Outcome = "allowed" | 400 | 401 | 403 | 404 | 409;
/**
 * owner: OWNER of the verified organization that proposed the calls below (and that requests to
 * take part); member: its MEMBER; unverifiedOwner: OWNER of an organization that is not verified.
 */
type Who = "anonymous" | Role | "owner" | "member" | "unverifiedOwner";
const RELATIONS = ["owner", "member", "unverifiedOwner"] as const;

interface Case {
  about?: string;
  call: (caller: Caller) => Promise<unknown>;
  expect: Partial<Record<Who, Outcome>> & Record<"anonymous" | Role, Outcome>;
}

let secretaryId: string;
let ownerId: string;
let memberId: string;
let unverifiedOwnerId: string;
let verifiedOrgId: string;
let unverifiedOrgId: string;
let n = 0;

const everyone = { anonymous: "allowed", ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: "allowed" } as const;
const signedIn = { ...everyone, anonymous: 401 } as const;
const secretariatOnly = {
  anonymous: 401,
  ENTREPRENEUR: 403,
  ACADEMIA: 403,
  COMPANY: 403,
  SECRETARIAT: "allowed",
  owner: 403,
  member: 403,
  unverifiedOwner: 403,
} as const;
/** A proposal: only the proposing organization's owners and the Secretariat know it exists. */
const hiddenProposal = { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, member: 404, unverifiedOwner: 404 } as const;

/** A call proposed by the verified organization, in `status`. */
async function proposal(status: CallStatus = "PROPOSED") {
  return createApprovedCall(suite.db, { ...callTimeline(), proposedById: ownerId, proposingOrganizationId: verifiedOrgId, status, sponsorOrganizationIds: [verifiedOrgId] });
}
const approvedCall = () => createApprovedCall(suite.db, { ...callTimeline(), proposedById: secretaryId });

/** A participation of the verified organization in a fresh approved call. */
async function participation(status: CallParticipationStatus) {
  const call = await approvedCall();
  const row = await suite.db.callParticipation.create({
    data: { callId: call.id, organizationId: verifiedOrgId, role: "ALLY", status, createdById: status === "INVITED" ? secretaryId : ownerId },
  });
  return row.id;
}

const expectations: Record<string, Case[]> = {
  "calls.propose": [
    {
      about: "the verified organization",
      call: (c) => c.calls.propose({ ...callForm(), organizationId: verifiedOrgId }),
      expect: { ...secretariatOnly, SECRETARIAT: 403, owner: "allowed" },
    },
    {
      about: "an unverified organization",
      call: (c) => c.calls.propose({ ...callForm(), organizationId: unverifiedOrgId }),
      expect: { ...secretariatOnly, SECRETARIAT: 403 },
    },
  ],
  "calls.create": [{ call: (c) => c.calls.create(callForm()), expect: secretariatOnly }],
  "calls.update": [
    {
      about: "a proposal",
      call: async (c) => c.calls.update({ ...callForm(), id: (await proposal()).id }),
      expect: { ...hiddenProposal, SECRETARIAT: "allowed", owner: "allowed" },
    },
    {
      about: "an approved call not open yet",
      call: async (c) => c.calls.update({ ...callForm(), id: (await proposal("APPROVED")).id }),
      expect: { ...secretariatOnly },
    },
  ],
  "calls.resubmit": [
    {
      about: "a proposal with changes requested",
      call: async (c) => c.calls.resubmit({ id: (await proposal("CHANGES_REQUESTED")).id }),
      expect: { ...hiddenProposal, SECRETARIAT: 403, owner: "allowed" },
    },
  ],
  "calls.decide": [{ call: async (c) => c.calls.decide({ id: (await proposal()).id, decision: "approve" }), expect: secretariatOnly }],
  "calls.cancel": [{ call: async (c) => c.calls.cancel({ id: (await approvedCall()).id, reason: "Sin fondos." }), expect: secretariatOnly }],
  "calls.extendDeadline": [
    {
      call: async (c) => {
        const call = await approvedCall();
        return c.calls.extendDeadline({ id: call.id, closesAt: new Date(call.closesAt.getTime() + 86_400_000) });
      },
      expect: secretariatOnly,
    },
  ],
  "calls.list": [{ call: (c) => c.calls.list({ bucket: "upcoming" }), expect: { ...everyone, owner: "allowed" } }],
  "calls.bySlug": [
    { about: "an approved call", call: async (c) => c.calls.bySlug({ slug: (await approvedCall()).slug }), expect: { ...everyone, member: "allowed" } },
    {
      about: "a proposal",
      call: async (c) => c.calls.bySlug({ slug: (await proposal()).slug }),
      expect: { ...hiddenProposal, anonymous: 404, SECRETARIAT: "allowed", owner: "allowed" },
    },
  ],
  "calls.mine": [{ call: (c) => c.calls.mine(), expect: { ...signedIn, owner: "allowed" } }],
  "callParticipation.request": [
    {
      about: "the verified organization",
      call: async (c) => c.callParticipation.request({ callId: (await approvedCall()).id, organizationId: verifiedOrgId, role: "JURY" }),
      expect: { ...secretariatOnly, SECRETARIAT: 403, owner: "allowed" },
    },
    {
      about: "an unverified organization, as jury",
      call: async (c) => c.callParticipation.request({ callId: (await approvedCall()).id, organizationId: unverifiedOrgId, role: "JURY" }),
      expect: { ...secretariatOnly, SECRETARIAT: 403 },
    },
  ],
  "callParticipation.invite": [
    {
      call: async (c) => c.callParticipation.invite({ callId: (await approvedCall()).id, organizationId: verifiedOrgId, role: "MENTOR" }),
      expect: secretariatOnly,
    },
  ],
  "callParticipation.decide": [
    { about: "a request", call: async (c) => c.callParticipation.decide({ id: await participation("REQUESTED"), accept: true }), expect: secretariatOnly },
    {
      about: "an invitation",
      call: async (c) => c.callParticipation.decide({ id: await participation("INVITED"), accept: true }),
      expect: { ...secretariatOnly, SECRETARIAT: 403, owner: "allowed" },
    },
  ],
  "callParticipation.withdraw": [
    {
      about: "a request",
      call: async (c) => c.callParticipation.withdraw({ id: await participation("REQUESTED") }),
      expect: { ...secretariatOnly, SECRETARIAT: 403, owner: "allowed" },
    },
  ],
  "callParticipation.invitations": [
    {
      call: (c) => c.callParticipation.invitations({ organizationId: verifiedOrgId }),
      expect: { ...secretariatOnly, SECRETARIAT: 403, owner: "allowed" },
    },
  ],
  "callParticipation.listForCall": [{ call: async (c) => c.callParticipation.listForCall({ callId: (await approvedCall()).id }), expect: secretariatOnly }],
  "callParticipation.assignJuror": [
    {
      call: async (c) => {
        const juror = await createUser(suite.db, "COMPANY");
        return c.callParticipation.assignJuror({ callId: (await approvedCall()).id, email: juror.email });
      },
      expect: secretariatOnly,
    },
  ],
  "callParticipation.removeJuror": [
    {
      call: async (c) => {
        const call = await approvedCall();
        const juror = await createUser(suite.db, "COMPANY");
        await suite.db.callJuror.create({ data: { callId: call.id, userId: juror.id, assignedById: secretaryId } });
        return c.callParticipation.removeJuror({ callId: call.id, userId: juror.id });
      },
      expect: secretariatOnly,
    },
  ],
  "callParticipation.jurors": [{ call: async (c) => c.callParticipation.jurors({ callId: (await approvedCall()).id }), expect: secretariatOnly }],
};

beforeAll(async () => {
  secretaryId = (await createUser(suite.db, "SECRETARIAT")).id;
  ownerId = (await createUser(suite.db, "COMPANY")).id;
  memberId = (await createUser(suite.db, "COMPANY")).id;
  unverifiedOwnerId = (await createUser(suite.db, "ACADEMIA")).id;
  // Created before any caller's session, which loads its memberships when the request starts.
  verifiedOrgId = (await organizationOf(suite.db, ownerId, "VERIFIED", memberId)).id;
  unverifiedOrgId = (await organizationOf(suite.db, unverifiedOwnerId, "UNVERIFIED")).id;
});

async function callerOf(who: Who): Promise<Caller> {
  const relationIds: Partial<Record<Who, string>> = { owner: ownerId, member: memberId, unverifiedOwner: unverifiedOwnerId };
  const userId = relationIds[who];
  if (userId) {
    const { token } = await createSession(suite.db, userId, {});
    return (await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` })).caller;
  }
  return (await callerAs(suite.services, who === "anonymous" ? null : (who as Role), { ip: `198.19.${++n % 250}.${n % 200}` })).caller;
}

const outcomeOf = (promise: Promise<unknown>) => sharedOutcomeOf(promise, [400, 401, 403, 404, 409]);

describe("calls and participation: authorization coverage", () => {
  it("declares an expectation for every calls. and callParticipation. procedure, and for nothing else", () => {
    expect(proceduresOwnedBy(Object.keys(appRouter._def.procedures), DELEGATED_COVERAGE["tests/authz/call-coverage.test.ts"])).toEqual(
      Object.keys(expectations).sort(),
    );
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      const relations = RELATIONS.filter((relation) => testCase.expect[relation] !== undefined);
      for (const who of ["anonymous", ...ROLES, ...relations] as Who[]) {
        const expected = testCase.expect[who]!;
        it(`${path}${testCase.about ? ` on ${testCase.about}` : ""}: ${who} → ${expected}`, async () => {
          expect(await outcomeOf(testCase.call(await callerOf(who)))).toBe(expected);
        });
      }
    }
  }
});
