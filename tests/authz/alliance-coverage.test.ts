/**
 * Authorization of alliances, commitments and milestones: every procedure with these prefixes
 * declares, for anonymous callers, every role, whoever proposed the alliance, and the owner and a
 * member of an invited organization, the outcome of a real call (the structure of
 * procedure-coverage.test.ts). A forming alliance does not exist for outsiders (404).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter, type Caller } from "../../server/router";
import { alliancePurpose, funding, mentoring, organizationWithOwner } from "../alliance/fixtures";
import { createApprovedCall, callTimeline } from "../support/calls";
import { ROLES, callerAs, callerOfUser, createUser, useTestServices, type Role } from "../support/callers";
import { DELEGATED_COVERAGE, proceduresOwnedBy, outcomeOf } from "./coverage-scope";

const suite = useTestServices();

type Outcome = "allowed" | 401 | 403 | 404 | 409;
type Who = "anonymous" | Role | "proposer" | "owner" | "member";

interface Alliance {
  id: string;
  ideaId: string;
  /** The invited university's party (accepted when the alliance is active). */
  partyId: string;
}
interface Fixtures {
  /** A public idea of the proposer's. */
  freshIdea(): Promise<string>;
  /** An alliance the proposer opened around a fresh idea, inviting the university (which accepted, when active). */
  freshAlliance(state: "FORMING" | "ACTIVE"): Promise<Alliance>;
  universityId: string;
  callId: string;
}

interface Case {
  about?: string;
  call: (caller: Caller, fixtures: Fixtures) => Promise<unknown>;
  expect: Record<Who, Outcome>;
}

const everyone = { anonymous: "allowed", ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: "allowed", proposer: "allowed", owner: "allowed", member: "allowed" } as const;
const signedIn = { ...everyone, anonymous: 401 } as const;
/** A forming alliance's own matters: outsiders do not see it. */
const insiders = { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", proposer: "allowed", owner: "allowed", member: "allowed" } as const;
/** Leading: whoever proposed it, and the Secretariat. */
const leadsForming = { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", proposer: "allowed", owner: 403, member: 403 } as const;
const leadsActive = { ...leadsForming, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403 } as const;
/** Speaking for the university's party: its owners only. */
const universityOwnerActive = { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, proposer: 403, owner: "allowed", member: 403 } as const;

const commitmentFor = (partyId: string) => ({ partyId, kind: "EQUIPMENT" as const, quantity: 2, description: "Dos reactores de prueba", publishAmount: true });

const expectations: Record<string, Case[]> = {
  "alliance.create": [
    {
      about: "an idea, in one's own name",
      call: async (c, f) => c.alliance.create({ ...alliancePurpose, ideaId: await f.freshIdea(), organizationIds: [f.universityId] }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed", proposer: "allowed", owner: 403, member: 403 },
    },
    {
      about: "an idea, for the university",
      call: async (c, f) => c.alliance.create({ ...alliancePurpose, ideaId: await f.freshIdea(), organizationId: f.universityId, organizationIds: [companyId] }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, proposer: 403, owner: "allowed", member: 403 },
    },
    {
      about: "a call, in one's own name",
      call: async (c, f) => c.alliance.create({ ...alliancePurpose, callId: f.callId, organizationIds: [f.universityId] }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed", proposer: 403, owner: 403, member: 403 },
    },
  ],
  "alliance.invite": [{ call: async (c, f) => c.alliance.invite({ allianceId: (await f.freshAlliance("FORMING")).id, organizationIds: [companyId] }), expect: leadsForming }],
  "alliance.answer": [
    {
      call: async (c, f) => c.alliance.answer({ partyId: (await f.freshAlliance("FORMING")).partyId, accept: true, commitments: [mentoring] }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 403, proposer: 403, owner: "allowed", member: 403 },
    },
  ],
  "alliance.complete": [{ call: async (c, f) => c.alliance.complete({ id: (await f.freshAlliance("ACTIVE")).id }), expect: leadsActive }],
  "alliance.withdraw": [{ call: async (c, f) => c.alliance.withdraw({ id: (await f.freshAlliance("FORMING")).id, reason: "Cambió la prioridad del proyecto" }), expect: leadsForming }],
  "alliance.byId": [
    { about: "a forming alliance", call: async (c, f) => c.alliance.byId({ id: (await f.freshAlliance("FORMING")).id }), expect: insiders },
    { about: "an active alliance", call: async (c, f) => c.alliance.byId({ id: (await f.freshAlliance("ACTIVE")).id }), expect: everyone },
  ],
  "alliance.list": [{ call: (c) => c.alliance.list({}), expect: everyone }],
  "alliance.mine": [{ call: (c) => c.alliance.mine(), expect: signedIn }],
  "alliance.ofIdea": [{ call: async (c, f) => c.alliance.ofIdea({ ideaId: (await f.freshAlliance("FORMING")).ideaId }), expect: everyone }],
  "alliance.ofCall": [{ call: (c, f) => c.alliance.ofCall({ callId: f.callId }), expect: everyone }],
  "commitment.add": [{ call: async (c, f) => c.commitment.add(commitmentFor((await f.freshAlliance("ACTIVE")).partyId)), expect: universityOwnerActive }],
  "commitment.remove": [
    {
      call: async (c, f) => {
        const { partyId } = await f.freshAlliance("ACTIVE");
        const [first] = await suite.db.commitment.findMany({ where: { partyId } });
        return c.commitment.remove({ id: first!.id });
      },
      expect: universityOwnerActive,
    },
  ],
  "milestone.create": [
    {
      call: async (c, f) => {
        const { id, partyId } = await f.freshAlliance("ACTIVE");
        return c.milestone.create({ allianceId: id, ownerPartyId: partyId, title: "Primer prototipo", dueDate: "2027-02-15" });
      },
      expect: leadsActive,
    },
  ],
  "milestone.report": [
    {
      call: async (c, f) => {
        const { id, partyId } = await f.freshAlliance("ACTIVE");
        const milestone = await suite.db.milestone.create({ data: { allianceId: id, ownerPartyId: partyId, title: "Ensayo", dueDate: new Date("2027-03-01") } });
        return c.milestone.report({ milestoneId: milestone.id, progress: 50, note: "Medio camino" });
      },
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, proposer: "allowed", owner: "allowed", member: "allowed" },
    },
  ],
};

let fixtures: Fixtures;
let companyId: string;
const people = {} as Record<"proposer" | "owner" | "member", string>;

beforeAll(async () => {
  const proposer = await createUser(suite.db, "ENTREPRENEUR");
  const university = await organizationWithOwner(suite.services, "UNIVERSITY");
  companyId = (await organizationWithOwner(suite.services, "COMPANY")).id;
  Object.assign(people, { proposer: proposer.id, owner: university.ownerId, member: university.memberId });
  const secretariat = await createUser(suite.db, "SECRETARIAT");
  const call = await createApprovedCall(suite.db, { ...callTimeline(), proposedById: secretariat.id });
  let n = 0;
  const freshIdea = async () => {
    const idea = await suite.db.idea.create({
      data: { title: `Idea para alianzas ${++n}`, summary: "Resumen suficiente", problem: "Problema", solution: "Solución", sector: "ENVIRONMENT", status: "PUBLISHED", publishedAt: new Date(), authorId: proposer.id },
    });
    return idea.id;
  };
  const proposerCaller = await callerOfUser(suite.services, proposer.id);
  fixtures = {
    universityId: university.id,
    callId: call.id,
    freshIdea,
    async freshAlliance(state) {
      const ideaId = await freshIdea();
      const { id } = await proposerCaller.alliance.create({ ...alliancePurpose, ideaId, organizationIds: [university.id] });
      const party = await suite.db.allianceParty.findFirstOrThrow({ where: { allianceId: id, organizationId: university.id } });
      if (state === "ACTIVE") await university.owner.alliance.answer({ partyId: party.id, accept: true, commitments: [mentoring, funding] });
      return { id, ideaId, partyId: party.id };
    },
  };
});

let ip = 0;
async function callerOf(who: Who): Promise<Caller> {
  if (who === "proposer" || who === "owner" || who === "member") return callerOfUser(suite.services, people[who]);
  return (await callerAs(suite.services, who === "anonymous" ? null : who, { ip: `198.19.${++ip % 250}.${ip % 200}` })).caller;
}


describe("alliance authorization coverage", () => {
  it("declares an expectation for every procedure of its prefixes, and for nothing else", () => {
    expect(proceduresOwnedBy(Object.keys(appRouter._def.procedures), DELEGATED_COVERAGE["tests/authz/alliance-coverage.test.ts"])).toEqual(
      Object.keys(expectations).sort(),
    );
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      for (const who of ["anonymous", ...ROLES, "proposer", "owner", "member"] as Who[]) {
        const expected = testCase.expect[who];
        it(`${path}${testCase.about ? ` on ${testCase.about}` : ""}: ${who} → ${expected}`, async () => {
          expect(await outcomeOf(testCase.call(await callerOf(who), fixtures))).toBe(expected);
        });
      }
    }
  }
});
