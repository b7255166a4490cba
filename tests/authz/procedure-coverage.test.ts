/**
 * Every procedure of appRouter must declare, for anonymous callers and every role (and, for
 * record rules, for the relation that allows it), whether it is allowed, and each declaration is
 * exercised by a real call. A new procedure without a row here fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password";
import type { IdeaStatus } from "../../server/db/generated/enums";
import { isPublicState } from "../../server/idea/lifecycle";
import { appSecret, unsubscribeToken } from "../../server/notification/unsubscribe";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { appRouter, type Caller } from "../../server/router";
import { PNG_BYTES, fileOf } from "../files/fixtures";
import { proceduresOwnedBy, outcomeOf } from "./coverage-scope";
import { ROLES, callerAs, callerFor, createUser, useTestServices, type Role } from "../support/callers";

const suite = useTestServices();

type Outcome = "allowed" | 401 | 403 | 404 | 409;
/** The roles, anonymous, and the relations record rules are written in. */
type Who = "anonymous" | Role | "author" | "owner" | "member" | "coauthor" | "invited";

interface Fixtures {
  publishedIdeaId: string;
  draftIdeaId: string;
  loginEmail: string;
  /**
   * A new idea by the "author", for calls that change it (each call gets its own). Every idea of
   * the "author" has the "coauthor" as an accepted co-author and the "invited" as invited.
   */
  freshIdea(status: IdeaStatus): Promise<string>;
  /** The accepted co-author's id, and a registered person nobody invited yet. */
  coauthorId: string;
  inviteeEmail: string;
  /** A new organization whose OWNER is the "owner" and with the "member" as MEMBER. */
  freshOrganization(options?: { verification?: "PENDING" }): Promise<{ id: string; slug: string }>;
  /** A pending join request to a fresh organization, from someone else. */
  freshJoinRequest(): Promise<string>;
  /** A new comment by the "author" on the published idea. */
  freshComment(): Promise<string>;
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
/** Editing and submitting: the author and accepted co-authors; an invited person sees the idea (403), others do not (404). */
const contributorsOnly = { ...authorsOnly, anonymous: 401, coauthor: "allowed", invited: 403 } as const;
/** What only the idea's author does on a draft (co-authors): co-authors and the invited see it, so 403. */
const authorOfDraftOnly = { ...authorsOnly, anonymous: 401, coauthor: 403, invited: 403 } as const;
/** A co-author's or invitee's own move: nobody else has an invitation or a co-authorship to act on. */
const nobodyElse = { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 404, author: 404 } as const;
const ideaFields = {
  title: "Idea de cobertura",
  summary: "Resumen suficientemente largo de la idea.",
  problem: "Un problema descrito con suficiente detalle.",
  solution: "Una solución descrita con suficiente detalle.",
  sector: "ICT",
} as const;
const PASSWORD = "Clave-de-cobertura-2026";
let n = 0;

/** Moderation, reports and the audit log: the Secretariat, and nobody else (not even an idea's author). */
const secretariatOnly = { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed", author: 403 } as const;
/** A published idea of the "author" with one open report by someone else. */
async function reportedIdea(): Promise<string> {
  const ideaId = await fixtures.freshIdea("PUBLISHED");
  const reporter = await createUser(suite.db, "COMPANY");
  await suite.db.ideaReport.create({ data: { ideaId, reporterId: reporter.id, reason: "SPAM" } });
  return ideaId;
}

/** A notification of the "author" (nobody else may read or mark it). */
async function authorNotification(): Promise<string> {
  return (await suite.db.notification.create({ data: { recipientId: authorId, kind: "IDEA_COMMENT" } })).id;
}
const authorUnsubscribeToken = () => unsubscribeToken(appSecret(suite.services.env), authorId, "IDEA_COMMENT");

/** Rules about one organization: owners manage, members act for it, nobody else. */
const ownersOnly = { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, owner: "allowed", member: 403 } as const;
const organizationProfile = () => ({
  name: `Organización de cobertura ${++n}`,
  kind: "STARTUP" as const,
  city: "Barrancabermeja",
  sectors: ["ICT" as const],
  description: "Una descripción suficientemente larga de la organización.",
});

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
      expect: contributorsOnly,
    },
  ],
  "idea.submit": [
    { about: "a draft", call: async (c, f) => c.idea.submit({ id: await f.freshIdea("DRAFT") }), expect: contributorsOnly },
  ],
  "idea.withdraw": [
    {
      about: "a submitted idea",
      call: async (c, f) => c.idea.withdraw({ id: await f.freshIdea("SUBMITTED") }),
      expect: contributorsOnly,
    },
  ],
  "idea.mine": [{ call: (c) => c.idea.mine(), expect: signedIn }],
  "idea.history": [
    {
      about: "a draft",
      call: (c, f) => c.idea.history({ id: f.draftIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed", coauthor: "allowed", invited: 404 },
    },
    {
      about: "a published idea",
      call: (c, f) => c.idea.history({ id: f.publishedIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed", coauthor: "allowed", invited: 404 },
    },
  ],
  "idea.list": [{ call: (c) => c.idea.list({ limit: 5 }), expect: everyone }],
  "idea.byId": [
    { about: "a published idea", call: (c, f) => c.idea.byId({ id: f.publishedIdeaId }), expect: everyone },
    {
      about: "a draft",
      call: (c, f) => c.idea.byId({ id: f.draftIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed", coauthor: "allowed", invited: "allowed" },
    },
  ],
  "coauthor.invite": [
    {
      about: "a draft",
      call: async (c, f) => c.coauthor.invite({ ideaId: await f.freshIdea("DRAFT"), email: f.inviteeEmail }),
      expect: authorOfDraftOnly,
    },
    {
      about: "a published idea",
      call: async (c, f) => c.coauthor.invite({ ideaId: await f.freshIdea("PUBLISHED"), email: f.inviteeEmail }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, author: "allowed", coauthor: 403, invited: 403 },
    },
  ],
  "coauthor.respond": [
    {
      about: "an invitation to a draft",
      call: async (c, f) => c.coauthor.respond({ ideaId: await f.freshIdea("DRAFT"), accept: true }),
      expect: { ...nobodyElse, coauthor: 404, invited: "allowed" },
    },
  ],
  "coauthor.remove": [
    {
      about: "a draft's co-author",
      call: async (c, f) => c.coauthor.remove({ ideaId: await f.freshIdea("DRAFT"), userId: f.coauthorId }),
      expect: authorOfDraftOnly,
    },
  ],
  "coauthor.leave": [
    {
      about: "a draft",
      call: async (c, f) => c.coauthor.leave({ ideaId: await f.freshIdea("DRAFT") }),
      expect: { ...nobodyElse, coauthor: "allowed", invited: 404 },
    },
  ],
  "coauthor.invitations": [{ call: (c) => c.coauthor.invitations(), expect: { ...signedIn, invited: "allowed" } }],
  "organization.create": [
    {
      call: (c) => c.organization.create(organizationProfile()),
      expect: { anonymous: 401, ENTREPRENEUR: "allowed", ACADEMIA: "allowed", COMPANY: "allowed", SECRETARIAT: 403 },
    },
  ],
  "organization.update": [
    { call: async (c, f) => c.organization.update({ id: (await f.freshOrganization()).id, ...organizationProfile() }), expect: ownersOnly },
  ],
  "organization.list": [{ call: (c) => c.organization.list({ limit: 5 }), expect: everyone }],
  // Open data: published data only, for anyone (server/data/datasets.ts keeps out what is not public).
  "data.datasets": [{ call: (c) => c.data.datasets(), expect: everyone }],
  "data.rows": [{ call: (c) => c.data.rows({ dataset: "ideas", limit: 5 }), expect: everyone }],
  "organization.bySlug": [{ call: async (c, f) => c.organization.bySlug({ slug: (await f.freshOrganization()).slug }), expect: everyone }],
  "organization.mine": [{ call: (c) => c.organization.mine(), expect: signedIn }],
  "organization.setLogo": [{ call: async (c, f) => c.organization.setLogo({ id: (await f.freshOrganization()).id, fileId: null }), expect: ownersOnly }],
  "organization.addOffer": [
    {
      call: async (c, f) =>
        c.organization.addOffer({ organizationId: (await f.freshOrganization()).id, kind: "LAB", title: "Laboratorio", description: "Un laboratorio abierto." }),
      expect: ownersOnly,
    },
  ],
  "organization.removeOffer": [
    {
      call: async (c, f) => {
        const { id } = await f.freshOrganization();
        const offer = await suite.db.organizationOffer.create({ data: { organizationId: id, kind: "LAB", title: "Laboratorio", description: "Un laboratorio." } });
        return c.organization.removeOffer({ organizationId: id, offerId: offer.id });
      },
      expect: ownersOnly,
    },
  ],
  "organization.requestVerification": [
    { call: async (c, f) => c.organization.requestVerification({ id: (await f.freshOrganization()).id }), expect: ownersOnly },
  ],
  "organization.decideVerification": [
    {
      call: async (c, f) => c.organization.decideVerification({ id: (await f.freshOrganization({ verification: "PENDING" })).id, decision: "verify" }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed", owner: 403, member: 403 },
    },
  ],
  "membership.invite": [
    {
      call: async (c, f) => c.membership.invite({ organizationId: (await f.freshOrganization()).id, email: `invitada-${++n}@example.co` }),
      expect: ownersOnly,
    },
  ],
  "membership.requestToJoin": [
    {
      call: async (c, f) => c.membership.requestToJoin({ organizationId: (await f.freshOrganization()).id }),
      expect: { ...signedIn, SECRETARIAT: 403, owner: 403, member: 403 },
    },
  ],
  "membership.respond": [
    {
      about: "a join request",
      call: async (c, f) => c.membership.respond({ requestId: await f.freshJoinRequest(), accept: true }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 404, owner: "allowed", member: 404 },
    },
  ],
  "membership.pending": [{ call: (c) => c.membership.pending(), expect: signedIn }],
  "membership.setRole": [
    {
      call: async (c, f) => {
        const { id } = await f.freshOrganization();
        return c.membership.setRole({ organizationId: id, userId: memberId, role: "OWNER" });
      },
      expect: ownersOnly,
    },
  ],
  "membership.remove": [
    {
      call: async (c, f) => c.membership.remove({ organizationId: (await f.freshOrganization()).id, userId: memberId }),
      expect: ownersOnly,
    },
  ],
  "membership.leave": [
    {
      call: async (c, f) => c.membership.leave({ organizationId: (await f.freshOrganization()).id }),
      // The owner is the last owner: leaving is a conflict, not a permission.
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, owner: 409, member: "allowed" },
    },
  ],
  "membership.setListed": [
    {
      call: async (c, f) => c.membership.setListed({ organizationId: (await f.freshOrganization()).id, listed: false }),
      expect: { ...ownersOnly, member: "allowed" },
    },
  ],
  "report.create": [
    {
      about: "a published idea",
      call: async (c, f) => c.report.create({ ideaId: await f.freshIdea("PUBLISHED"), reason: "SPAM" }),
      expect: { ...signedIn, SECRETARIAT: 403, author: 403 },
    },
  ],
  "report.mine": [{ call: (c, f) => c.report.mine({ ideaId: f.publishedIdeaId }), expect: { ...signedIn, author: "allowed" } }],
  "moderation.queues": [{ call: (c) => c.moderation.queues(), expect: secretariatOnly }],
  "moderation.queue": [{ call: (c) => c.moderation.queue({ queue: "reported" }), expect: secretariatOnly }],
  "moderation.reports": [{ call: async (c) => c.moderation.reports({ ideaId: await reportedIdea() }), expect: secretariatOnly }],
  "moderation.organization": [
    { call: async (c, f) => c.moderation.organization({ id: (await f.freshOrganization()).id }), expect: secretariatOnly },
  ],
  "moderation.decide": [
    {
      about: "a submitted idea",
      call: async (c, f) => c.moderation.decide({ id: await f.freshIdea("SUBMITTED"), to: "PUBLISHED" }),
      expect: secretariatOnly,
    },
  ],
  "moderation.resolveReports": [
    {
      about: "a reported idea",
      call: async (c) => c.moderation.resolveReports({ ideaId: await reportedIdea(), outcome: "dismiss" }),
      expect: secretariatOnly,
    },
  ],
  "audit.list": [{ call: (c) => c.audit.list(), expect: secretariatOnly }],
  "support.add": [
    {
      about: "a published idea",
      call: (c, f) => c.support.add({ ideaId: f.publishedIdeaId }),
      expect: { ...signedIn, SECRETARIAT: 403, author: 403, coauthor: 403, invited: 403 },
    },
    {
      about: "a draft",
      call: (c, f) => c.support.add({ ideaId: f.draftIdeaId }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 403, author: 403, coauthor: 403, invited: 403 },
    },
  ],
  "support.remove": [
    { about: "a published idea", call: (c, f) => c.support.remove({ ideaId: f.publishedIdeaId }), expect: { ...signedIn, author: "allowed" } },
  ],
  "support.status": [
    { about: "a published idea", call: (c, f) => c.support.status({ ideaId: f.publishedIdeaId }), expect: { ...everyone, author: "allowed" } },
    {
      about: "a draft",
      call: (c, f) => c.support.status({ ideaId: f.draftIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed", invited: "allowed" },
    },
  ],
  "comment.list": [
    { about: "a published idea", call: (c, f) => c.comment.list({ ideaId: f.publishedIdeaId }), expect: { ...everyone, author: "allowed" } },
    {
      about: "a draft",
      call: (c, f) => c.comment.list({ ideaId: f.draftIdeaId }),
      expect: { anonymous: 404, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed", coauthor: "allowed", invited: "allowed" },
    },
  ],
  "comment.add": [
    {
      about: "a published idea",
      call: (c, f) => c.comment.add({ ideaId: f.publishedIdeaId, body: "Un comentario de cobertura." }),
      expect: { ...signedIn, author: "allowed", coauthor: "allowed" },
    },
    {
      about: "a draft",
      call: (c, f) => c.comment.add({ ideaId: f.draftIdeaId, body: "Un comentario de cobertura." }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 409, author: 409, coauthor: 409, invited: 409 },
    },
  ],
  "comment.edit": [
    {
      about: "the author's comment",
      call: async (c, f) => c.comment.edit({ id: await f.freshComment(), body: "Texto corregido." }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: 403, author: "allowed", coauthor: 403 },
    },
  ],
  "comment.remove": [
    {
      about: "the author's comment",
      call: async (c, f) => c.comment.remove({ id: await f.freshComment() }),
      expect: { anonymous: 401, ENTREPRENEUR: 403, ACADEMIA: 403, COMPANY: 403, SECRETARIAT: "allowed", author: "allowed", coauthor: 403 },
    },
  ],
  "report.comment": [
    {
      about: "the author's comment",
      call: async (c, f) => c.report.comment({ commentId: await f.freshComment(), reason: "SPAM" }),
      expect: { ...signedIn, SECRETARIAT: 403, author: 403, coauthor: "allowed" },
    },
  ],
  "moderation.resolveCommentReports": [
    {
      about: "a reported comment",
      call: async (c, f) => {
        const commentId = await f.freshComment();
        const reporter = await createUser(suite.db, "COMPANY");
        await suite.db.commentReport.create({ data: { commentId, reporterId: reporter.id, reason: "SPAM" } });
        return c.moderation.resolveCommentReports({ commentId, outcome: "dismiss" });
      },
      expect: secretariatOnly,
    },
  ],
  "follow.add": [
    { about: "a published idea", call: (c, f) => c.follow.add({ ideaId: f.publishedIdeaId }), expect: signedIn },
    {
      about: "a draft",
      call: (c, f) => c.follow.add({ ideaId: f.draftIdeaId }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: "allowed", author: "allowed", coauthor: "allowed", invited: "allowed" },
    },
  ],
  "follow.remove": [{ call: (c, f) => c.follow.remove({ ideaId: f.publishedIdeaId }), expect: signedIn }],
  "follow.status": [{ call: (c, f) => c.follow.status({ ideaId: f.publishedIdeaId }), expect: signedIn }],
  "notification.list": [{ call: (c) => c.notification.list({}), expect: signedIn }],
  "notification.unreadCount": [{ call: (c) => c.notification.unreadCount(), expect: signedIn }],
  "notification.markRead": [
    {
      about: "the author's notification",
      call: async (c) => c.notification.markRead({ id: await authorNotification() }),
      expect: { anonymous: 401, ENTREPRENEUR: 404, ACADEMIA: 404, COMPANY: 404, SECRETARIAT: 404, author: "allowed" },
    },
  ],
  "notification.markAllRead": [{ call: (c) => c.notification.markAllRead(), expect: signedIn }],
  "preferences.get": [{ call: (c) => c.preferences.get(), expect: signedIn }],
  "preferences.set": [{ call: (c) => c.preferences.set({ preferences: [{ kind: "IDEA_COMMENT", delivery: "DAILY" }] }), expect: signedIn }],
  // The signed link is the permission: no session needed, and it reaches only the person it names.
  "preferences.unsubscribeInfo": [{ call: (c) => c.preferences.unsubscribeInfo({ token: authorUnsubscribeToken() }), expect: everyone }],
  "preferences.unsubscribe": [{ call: (c) => c.preferences.unsubscribe({ token: authorUnsubscribeToken() }), expect: everyone }],
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
  // Public impact indicators: counts only, for anyone with or without an account.
  "stats.indicators": [{ call: (c) => c.stats.indicators({ period: "month" }), expect: everyone }],
  "stats.definitions": [{ call: (c) => c.stats.definitions(), expect: everyone }],
};

let fixtures: Fixtures;
let authorId: string;
let coauthorId: string;
let invitedId: string;
let ownerId: string;
let memberId: string;

beforeAll(async () => {
  const author = await createUser(suite.db, "ENTREPRENEUR");
  authorId = author.id;
  coauthorId = (await createUser(suite.db, "COMPANY")).id;
  invitedId = (await createUser(suite.db, "ACADEMIA")).id;
  const invitee = await createUser(suite.db, "ENTREPRENEUR");
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
        coauthors: {
          create: [
            { userId: coauthorId, status: "ACCEPTED", invitedById: authorId },
            { userId: invitedId, status: "INVITED", invitedById: authorId },
          ],
        },
      },
    });
  const login = await suite.db.user.create({
    data: { email: `login-${Date.now()}@example.co`, name: "Cuenta de ingreso", role: "COMPANY", passwordHash: await hashPassword(PASSWORD) },
  });
  ownerId = (await createUser(suite.db, "ACADEMIA")).id;
  memberId = (await createUser(suite.db, "ACADEMIA")).id;
  // Created before any caller's session, which loads its memberships when the request starts.
  const organizations = { UNVERIFIED: [] as { id: string; slug: string }[], PENDING: [] as { id: string; slug: string }[] };
  for (const verification of ["UNVERIFIED", "PENDING"] as const) {
    for (let i = 0; i < (verification === "PENDING" ? 10 : 120); i++) {
      const organization = await suite.db.organization.create({
        data: {
          ...organizationProfile(),
          slug: `cobertura-${++n}-${Date.now()}`,
          verification,
          members: { create: [{ userId: ownerId, role: "OWNER" }, { userId: memberId, role: "MEMBER" }] },
        },
      });
      organizations[verification].push({ id: organization.id, slug: organization.slug });
    }
  }
  const freshOrganization: Fixtures["freshOrganization"] = async (options = {}) => {
    const next = organizations[options.verification ?? "UNVERIFIED"].pop();
    if (!next) throw new Error("procedure-coverage: create more organizations in beforeAll");
    return next;
  };
  fixtures = {
    freshOrganization,
    freshJoinRequest: async () => {
      const { id } = await freshOrganization();
      const applicant = await createUser(suite.db, "COMPANY");
      const request = await suite.db.membershipRequest.create({
        data: { organizationId: id, kind: "JOIN_REQUEST", email: applicant.email, userId: applicant.id, createdById: applicant.id },
      });
      return request.id;
    },
    publishedIdeaId: (await idea("PUBLISHED")).id,
    draftIdeaId: (await idea("DRAFT")).id,
    loginEmail: login.email,
    freshIdea: async (status) => (await idea(status)).id,
    freshComment: async () => {
      const ideaId = fixtures.publishedIdeaId;
      return (await suite.db.comment.create({ data: { ideaId, authorId, body: "Comentario de cobertura." }, select: { id: true } })).id;
    },
    coauthorId,
    inviteeEmail: invitee.email,
  };
});

async function callerOf(who: Who): Promise<Caller> {
  const relationIds: Partial<Record<Who, string>> = { author: authorId, owner: ownerId, member: memberId, coauthor: coauthorId, invited: invitedId };
  const userId = relationIds[who];
  if (userId) {
    const { token } = await createSession(suite.db, userId, {});
    return (await callerFor(suite.services, { cookie: `${SESSION_COOKIE}=${token}` })).caller;
  }
  return (await callerAs(suite.services, who === "anonymous" ? null : (who as Role), { ip: `198.18.${++n % 250}.${n % 200}` })).caller;
}


describe("procedure authorization coverage", () => {
  it("declares an expectation for every procedure of appRouter, and for nothing else", () => {
    expect(proceduresOwnedBy(Object.keys(appRouter._def.procedures), null)).toEqual(Object.keys(expectations).sort());
  });

  for (const [path, cases] of Object.entries(expectations)) {
    for (const testCase of cases) {
      const relations = (["author", "owner", "member", "coauthor", "invited"] as const).filter((relation) => testCase.expect[relation] !== undefined);
      for (const who of ["anonymous", ...ROLES, ...relations] as Who[]) {
        const expected = testCase.expect[who]!;
        it(`${path}${testCase.about ? ` on ${testCase.about}` : ""}: ${who} → ${expected}`, async () => {
          expect(await outcomeOf(testCase.call(await callerOf(who), fixtures))).toBe(expected);
        });
      }
    }
  }
});
