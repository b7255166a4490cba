/**
 * Every procedure of appRouter must declare, for anonymous callers and every role (and, for
 * record rules, for the relation that allows it), whether it is allowed, and each declaration is
 * exercised by a real call. A new procedure without a row here fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password";
import type { IdeaStatus } from "../../server/db/generated/enums";
import { isPublicState } from "../../server/idea/lifecycle";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { appRouter, type Caller } from "../../server/router";
import { PNG_BYTES, fileOf } from "../files/fixtures";
import { ROLES, callerAs, callerFor, createUser, failureOf, useTestServices, type Role } from "../support/callers";

const suite = useTestServices();

type Outcome = "allowed" | 401 | 403 | 404;
/** The roles, anonymous, and the relations record rules are written in. */
type Who = "anonymous" | Role | "author";

interface Fixtures {
  publishedIdeaId: string;
  draftIdeaId: string;
  loginEmail: string;
  /** A new idea by the "author", for calls that change it (each call gets its own). */
  freshIdea(status: IdeaStatus): Promise<string>;
}

interface Case {
  /** What record the call is about, for record rules. */
  about?: string;
  call: (caller: Caller, fixtures: Fixtures) => Promise<unknown>;
  expect: Partial<Record<Who, Outcome>> & Record<"anonymous" | Role, Outcome>;
}

const everyone = { anonymous: "allowed", ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: "allowed" } as const;
const signedIn = { ...everyone, anonymous: 401 } as const;
/** A rule about an idea only its authors may see: others get 404, the Secretariat (who sees it) 403. */
const authorsOnly = { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 403, author: "allowed" } as const;
const ideaFields = {
  title: "Idea de cobertura",
  summary: "Resumen suficientemente largo de la idea.",
  problem: "Un problema descrito con suficiente detalle.",
  solution: "Una solución descrita con suficiente detalle.",
  sector: "ICT",
} as const;
const PASSWORD = "Clave-de-cobertura-2026";
let n = 0;

const expectations: Record<string, Case[]> = {
  "auth.register": [
    {
      call: (c) => c.auth.register({ name: "Persona nueva", email: `cobertura-${++n}-${Date.now()}@example.co`, password: PASSWORD, role: "ENTREPRENEUR" }),
      expect: everyone,
    },
  ],
  "auth.login": [{ call: (c, f) => c.auth.login({ email: f.loginEmail, password: PASSWORD }), expect: everyone }],
  "auth.logout": [{ call: (c) => c.auth.logout(), expect: signedIn }],
  "auth.logoutEverywhere": [{ call: (c) => c.auth.logoutEverywhere(), expect: signedIn }],
  "auth.me": [{ call: (c) => c.auth.me(), expect: everyone }],
  "idea.create": [
    {
      call: (c) => c.idea.create(ideaFields),
      expect: { anonymous: 401, ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: 403 },
    },
  ],
  "idea.update": [
    {
      about: "a draft",
      call: async (c, f) => c.idea.update({ id: await f.freshIdea("DRAFT"), ...ideaFields }),
      expect: { ...authorsOnly, anonymous: 401 },
    },
  ],
  "idea.submit": [
    { about: "a draft", call: async (c, f) => c.idea.submit({ id: await f.freshIdea("DRAFT") }), expect: { ...authorsOnly, anonymous: 401 } },
  ],
  "idea.withdraw": [
    {
      about: "a submitted idea",
      call: async (c, f) => c.idea.withdraw({ id: await f.freshIdea("SUBMITTED") }),
      expect: { ...authorsOnly, anonymous: 401 },
    },
  ],
  "idea.mine": [{ call: (c) => c.idea.mine(), expect: signedIn }],
  "idea.history": [
    {
      about: "a draft",
      call: (c, f) => c.idea.history({ id: f.draftIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed" },
    },
    {
      about: "a published idea",
      call: (c, f) => c.idea.history({ id: f.publishedIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed" },
    },
  ],
  "idea.list": [{ call: (c) => c.idea.list({ limit: 5 }), expect: everyone }],
  "idea.byId": [
    { about: "a published idea", call: (c, f) => c.idea.byId({ id: f.publishedIdeaId }), expect: everyone },
    {
      about: "a draft",
      call: (c, f) => c.idea.byId({ id: f.draftIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed" },
    },
  ],
  "file.upload": [
    {
      call: (c) => {
        const form = new FormData();
        form.append("files", fileOf(PNG_BYTES, "logo.png", "image/png"));
        return c.file.upload(form);
      },
      expect: signedIn,
    },
  ],
};

let fixtures: Fixtures;
let authorId: string;

beforeAll(async () => {
  const author = await createUser(suite.db, "ENTREPRENEUR");
  authorId = author.id;
  const idea = (status: IdeaStatus) =>
    suite.db.idea.create({
      data: {
        title: `Idea ${status}`,
        summary: "Resumen suficientemente largo.",
        problem: "Problema suficientemente largo.",
        solution: "Solución suficientemente larga.",
        sector: "ICT",
        status,
        publishedAt: isPublicState(status) || status === "HIDDEN" ? new Date() : null,
        authorId,
      },
    });
  const login = await suite.db.user.create({
    data: { email: `login-${Date.now()}@example.co`, name: "Cuenta de ingreso", role: "COMPANY", passwordHash: await hashPassword(PASSWORD) },
  });
  fixtures = {
    publishedIdeaId: (await idea("PUBLISHED")).id,
    draftIdeaId: (await idea("DRAFT")).id,
    loginEmail: login.email,
    freshIdea: async (status) => (await idea(status)).id,
  };
});

async function callerOf(who: Who): Promise<Caller> {
  if (who === "author") {
    const { token } = await createSession(suite.db, authorId, {});
    return (await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` })).caller;
  }
  return (await callerAs(suite.services, who === "anonymous" ? null : who, { ip: `198.18.${++n % 250}.${n % 200}` })).caller;
}

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    const { httpStatus } = await failureOf(Promise.reject(error));
    if (httpStatus === 401 || httpStatus === 403 || httpStatus === 404) return httpStatus;
    throw error;
  }
}

describe("procedure authorization coverage", () => {
  it("declares an expectation for every procedure of appRouter, and for nothing else", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(expectations).sort());
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      for (const who of ["anonymous", ...ROLES, ...(testCase.expect.author ? (["author"] as const) : [])] as Who[]) {
        const expected = testCase.expect[who]!;
        it(`${path}${testCase.about ? ` on ${testCase.about}` : ""}: ${who} → ${expected}`, async () => {
          expect(await outcomeOf(testCase.call(await callerOf(who), fixtures))).toBe(expected);
        });
      }
    }
  }
});
