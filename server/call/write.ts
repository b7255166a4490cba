/** Writing a call: proposals by verified organizations' owners, direct creation and edits by the Secretariat. */
import type { Actor } from "../authz/actor";
import { authorize } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import { withConstraintMessages, type ConstraintMessages } from "../db/errors";
import type { CallStatus, VerificationStatus } from "../db/generated/enums";
import { slugify } from "../organization/profile";
import { AppError, fieldError } from "../trpc/errors";
import { databaseNow } from "./phase";
import type { CallFields, ProposeCallInput, UpdateCallInput } from "./schemas";

const CALL_CONSTRAINTS: ConstraintMessages = {
  Call_termsFileId_key: { key: "call.termsNotPdf", field: "termsFileId" },
  Call_timeline_check: { key: "call.timelineOrder", field: "closesAt" },
  CallSponsor_organizationId_fkey: { key: "call.sponsorNotFound", field: "sponsorOrganizationIds" },
};

/** Words of /convocatorias/<word> that are pages, not calls: never a slug. */
const RESERVED_SLUGS = ["nueva", "proponer", "mias"];

/** The first free "<slug>", "<slug>-2"… (the unique index settles races: the caller retries). */
async function freeSlug(db: DbClient, title: string): Promise<string> {
  const base = slugify(title).replace(/^organizacion$/, "convocatoria");
  const taken = new Set((await db.call.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug));
  for (const reserved of RESERVED_SLUGS) taken.add(reserved);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The terms document: a PDF the actor uploaded, attached to nothing else. The one the call already
 * has may stay (the Secretariat editing a proposal keeps the proposer's PDF).
 */
async function checkTerms(db: DbClient, actor: Actor, termsFileId: string | null | undefined, current: string | null): Promise<string | null> {
  if (!termsFileId) return null;
  if (termsFileId === current) return termsFileId;
  const file = await db.storedFile.findUnique({
    where: { id: termsFileId },
    select: { uploadedById: true, contentType: true, ideaId: true, organizationLogo: { select: { id: true } }, callTerms: { select: { id: true } } },
  });
  if (!file || file.uploadedById !== actor.id || file.contentType !== "application/pdf" || file.ideaId || file.organizationLogo || file.callTerms) {
    throw fieldError("termsFileId", "call.termsNotPdf");
  }
  return termsFileId;
}

/** The sponsors: the proposing organization first, then the others named, each once; all must exist. */
async function sponsorIds(db: DbClient, proposing: string | null, named: readonly string[]): Promise<string[]> {
  const ids = [...new Set([...(proposing ? [proposing] : []), ...named])];
  if (ids.length === 0) return ids;
  const found = await db.organization.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw fieldError("sponsorOrganizationIds", "call.sponsorNotFound");
  return ids;
}

/** The columns of a call from its form (the timeline's order was checked by the schema, and the database checks it again). */
function columns(fields: CallFields, termsFileId: string | null) {
  return {
    title: fields.title,
    summary: fields.summary,
    problem: fields.problem,
    objectives: fields.objectives,
    expectedResults: fields.expectedResults,
    sectors: fields.sectors,
    prizeText: fields.prizeText,
    prizeAmountCop: fields.prizeAmountCop === undefined ? null : BigInt(fields.prizeAmountCop),
    eligibleRoles: fields.eligibleRoles,
    eligibleOrgKinds: fields.eligibleOrgKinds,
    requiresOrganization: fields.requiresOrganization,
    maxSubmissionsPerParticipant: fields.maxSubmissionsPerParticipant,
    termsFileId,
    opensAt: fields.opensAt,
    closesAt: fields.closesAt,
    evaluationEndsAt: fields.evaluationEndsAt,
    resultsAt: fields.resultsAt,
  };
}

const questionRows = (fields: CallFields) => fields.questions.map((q, i) => ({ position: i + 1, prompt: q.prompt, required: q.required }));

/** Creates the call under a free slug; a concurrent call with the same title makes it take the next one. */
async function insertCall(
  db: DbClient,
  data: (tx: Prisma.TransactionClient, slug: string) => Promise<{ id: string; slug: string }>,
  title: string,
): Promise<{ id: string; slug: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withConstraintMessages(() => inTransaction(db, async (tx) => data(tx, await freeSlug(tx, title))), CALL_CONSTRAINTS);
    } catch (error) {
      if (attempt < 3 && error instanceof AppError && error.code === "CONFLICT" && error.fieldErrors.slug) continue;
      throw error;
    }
  }
}

/**
 * An owner of a verified organization proposes a call on its behalf: PROPOSED, in the
 * Secretariat's queue, with the organization as a sponsor.
 */
export async function proposeCall(db: DbClient, actor: Actor, input: ProposeCallInput) {
  authorize(actor, "call.propose", { id: input.organizationId });
  const [organization] = await queryRows<{ name: string; verification: VerificationStatus }>(
    db,
    Prisma.sql`SELECT "name", "verification" FROM "Organization" WHERE "id" = ${input.organizationId}::uuid`,
  );
  if (!organization) throw new AppError("NOT_FOUND", "call.organizationNotFound");
  if (organization.verification !== "VERIFIED") {
    throw new AppError("FORBIDDEN", "call.organizationNotVerified", { name: organization.name }, {
      organizationId: { key: "call.organizationNotVerified", params: { name: organization.name } },
    });
  }
  const termsFileId = await checkTerms(db, actor, input.termsFileId, null);
  const sponsors = await sponsorIds(db, input.organizationId, input.sponsorOrganizationIds);
  return insertCall(
    db,
    async (tx, slug) => {
      // Verified when the proposal is written, not only when it was checked above.
      const [still] = await queryRows<{ ok: boolean }>(
        tx,
        Prisma.sql`SELECT true AS "ok" FROM "Organization" WHERE "id" = ${input.organizationId}::uuid AND "verification" = 'VERIFIED' FOR SHARE`,
      );
      if (!still) throw new AppError("FORBIDDEN", "call.organizationNotVerified", { name: organization.name });
      return tx.call.create({
        data: {
          ...columns(input, termsFileId),
          slug,
          status: "PROPOSED",
          proposedById: actor.id,
          proposingOrganizationId: input.organizationId,
          sponsors: { create: sponsors.map((organizationId) => ({ organizationId })) },
          questions: { create: questionRows(input) },
        },
        select: { id: true, slug: true },
      });
    },
    input.title,
  );
}

/** The Secretariat creates a call itself: approved at once (the rubric is set later, server/evaluation). */
export async function createCall(db: DbClient, actor: Actor, input: CallFields) {
  authorize(actor, "call.create", null);
  const termsFileId = await checkTerms(db, actor, input.termsFileId, null);
  const sponsors = await sponsorIds(db, null, input.sponsorOrganizationIds);
  return insertCall(
    db,
    async (tx, slug) => {
      const call = await tx.call.create({
        data: {
          ...columns(input, termsFileId),
          slug,
          status: "APPROVED",
          approvedAt: await databaseNow(tx),
          proposedById: actor.id,
          sponsors: { create: sponsors.map((organizationId) => ({ organizationId })) },
          questions: { create: questionRows(input) },
        },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "call.create",
        subjectType: "Call",
        subjectId: call.id,
        after: { status: "APPROVED", title: input.title, opensAt: input.opensAt.toISOString(), closesAt: input.closesAt.toISOString() },
      });
      return call;
    },
    input.title,
  );
}

interface LockedCall {
  status: CallStatus;
  title: string;
  proposingOrganizationId: string | null;
  termsFileId: string | null;
  opensAt: Date;
  closesAt: Date;
  /** By the database clock. */
  notOpenYet: boolean;
  pastClosing: boolean;
}

export async function lockCall(tx: DbClient, id: string): Promise<LockedCall> {
  const [row] = await queryRows<LockedCall>(
    tx,
    Prisma.sql`
      SELECT "status", "title", "proposingOrganizationId", "termsFileId", "opensAt", "closesAt", cocrea_now() < "opensAt" AS "notOpenYet",
             cocrea_now() >= "closesAt" AS "pastClosing"
        FROM "Call" WHERE "id" = ${id}::uuid FOR UPDATE`,
  );
  if (!row) throw new AppError("NOT_FOUND", "call.notFound");
  return row;
}

/**
 * Saves a call's text, eligibility, questions, sponsors and timeline. The proposing organization's
 * owners edit while it is a proposal (PROPOSED or CHANGES_REQUESTED); the Secretariat also once
 * approved, until it opens (by the database clock). Sponsors and questions are replaced.
 */
export async function updateCall(db: DbClient, actor: Actor, input: UpdateCallInput) {
  return withConstraintMessages(
    () =>
      inTransaction(db, async (tx) => {
        const current = await lockCall(tx, input.id);
        authorize(actor, "call.view", current, { hideAs: "call.notFound" });
        authorize(actor, "call.edit", current);
        const secretariat = actor.role === "SECRETARIAT";
        const editable =
          current.status === "PROPOSED" || current.status === "CHANGES_REQUESTED" || (secretariat && current.status === "APPROVED" && current.notOpenYet);
        if (!editable) throw new AppError("CONFLICT", "call.notEditable");
        const termsFileId = await checkTerms(tx, actor, input.termsFileId, current.termsFileId);
        const sponsors = await sponsorIds(tx, current.proposingOrganizationId, input.sponsorOrganizationIds);
        await tx.call.update({ where: { id: input.id }, data: columns(input, termsFileId) });
        await tx.callSponsor.deleteMany({ where: { callId: input.id } });
        await tx.callSponsor.createMany({ data: sponsors.map((organizationId) => ({ callId: input.id, organizationId })) });
        await tx.callQuestion.deleteMany({ where: { callId: input.id } });
        await tx.callQuestion.createMany({ data: questionRows(input).map((q) => ({ ...q, callId: input.id })) });
        if (secretariat) {
          await recordAudit(tx, {
            actorId: actor.id,
            action: "call.update",
            subjectType: "Call",
            subjectId: input.id,
            before: { status: current.status, title: current.title, opensAt: current.opensAt.toISOString(), closesAt: current.closesAt.toISOString() },
            after: { title: input.title, opensAt: input.opensAt.toISOString(), closesAt: input.closesAt.toISOString() },
          });
        }
        return { id: input.id };
      }),
    CALL_CONSTRAINTS,
  );
}
