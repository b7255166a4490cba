/**
 * Authorization of partner suggestions: every procedure with the prefix "match." declares, for
 * anonymous callers, every role, the idea's author and the owner of the organization that
 * proposed the call, the outcome of a real call (the structure of procedure-coverage.test.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CallStatus, IdeaStatus } from "../../server/db/generated/enums";
import { appRouter, type Caller } from "../../server/router";
import { callTimeline, createApprovedCall } from "../support/calls";
import { ROLES, callerAs, callerOfUser, createUser, useTestServices, type Role } from "../support/callers";
import { createIdeaIn } from "../support/ideas";
import { DELEGATED_COVERAGE, outcomeOf as sharedOutcomeOf, proceduresOwnedBy } from "./coverage-scope";

const suite = useTestServices();

type Outcome = "allowed" | 401 | 403 | 404;
type Who = "anonymous" | Role | "author" | "owner";

interface Fixtures {
  idea(status: IdeaStatus): Promise<string>;
  call(status: CallStatus): Promise<string>;
}

interface Case {
  about: string;
  call: (caller: Caller, fixtures: Fixtures) => Promise<unknown>;
  expect: Partial<Record<Who, Outcome>> & Record<"anonymous" | Role, Outcome>;
}

/** A public record: others may see it, only its people and the Secretariat get suggestions. */
const publicRecord = { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed" } as const;
/** A record only its people and the Secretariat may see: for anyone else it does not exist. */
const privateRecord = { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed" } as const;

const expectations: Record<string, Case[]> = {
  "match.forIdea": [
    { about: "a published idea", call: async (c, f) => c.match.forIdea({ ideaId: await f.idea("PUBLISHED") }), expect: { ...publicRecord, author: "allowed" } },
    { about: "a draft", call: async (c, f) => c.match.forIdea({ ideaId: await f.idea("DRAFT") }), expect: { ...privateRecord, author: "allowed" } },
  ],
  "match.forCall": [
    { about: "an approved call", call: async (c, f) => c.match.forCall({ callId: await f.call("APPROVED") }), expect: { ...publicRecord, owner: "allowed" } },
    { about: "a proposed call", call: async (c, f) => c.match.forCall({ callId: await f.call("PROPOSED") }), expect: { ...privateRecord, owner: "allowed" } },
  ],
};

let fixtures: Fixtures;
let authorId: string;
let ownerId: string;
let n = 0;

beforeAll(async () => {
  authorId = (await createUser(suite.db, "ENTREPRENEUR")).id;
  ownerId = (await createUser(suite.db, "COMPANY")).id;
  const organization = await suite.db.organization.create({
    data: {
      slug: "refineria-cobertura",
      name: "Refinería de cobertura",
      kind: "COMPANY",
      sectors: ["ENERGY_OIL"],
      verification: "VERIFIED",
      description: "Refinería que propone retos de innovación.",
      members: { create: [{ userId: ownerId, role: "OWNER" }] },
    },
  });
  // Something to suggest, so an allowed call returns suggestions rather than an empty list.
  await suite.db.organization.create({
    data: { slug: "uis-cobertura", name: "Universidad de cobertura", kind: "UNIVERSITY", sectors: ["ICT", "ENERGY_OIL"], description: "Investiga el río Magdalena." },
  });
  fixtures = {
    idea: async (status) => (await createIdeaIn(suite.db, authorId, status)).id,
    call: async (status) =>
      (await createApprovedCall(suite.db, { ...callTimeline(), status, proposedById: ownerId, proposingOrganizationId: organization.id, sectors: ["ENERGY_OIL"] })).id,
  };
});

async function callerOf(who: Who): Promise<Caller> {
  if (who === "author") return callerOfUser(suite.services, authorId);
  if (who === "owner") return callerOfUser(suite.services, ownerId);
  return (await callerAs(suite.services, who === "anonymous" ? null : who, { ip: `198.18.${++n % 250}.${n % 200}` })).caller;
}

/** Allowed means suggestions were given: an empty answer would hide a broken query. */
const outcomeOf = (promise: Promise<unknown>) =>
  sharedOutcomeOf(promise.then((result) => expect((result as { suggestions: unknown[] }).suggestions.length).toBeGreaterThan(0)), [401, 403, 404]);

describe("partner suggestions authorization coverage", () => {
  it("declares an expectation for every procedure of its prefixes, and for nothing else", () => {
    expect(proceduresOwnedBy(Object.keys(appRouter._def.procedures), DELEGATED_COVERAGE["tests/authz/match-coverage.test.ts"])).toEqual(
      Object.keys(expectations).sort(),
    );
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      const relations = (["author", "owner"] as const).filter((relation) => testCase.expect[relation] !== undefined);
      for (const who of ["anonymous", ...ROLES, ...relations] as Who[]) {
        const expected = testCase.expect[who]!;
        it(`${path} on ${testCase.about}: ${who} → ${expected}`, async () => {
          expect(await outcomeOf(testCase.call(await callerOf(who), fixtures))).toBe(expected);
        });
      }
    }
  }
});
