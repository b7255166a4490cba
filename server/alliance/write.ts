/**
 * Opening an alliance and inviting parties. The proposer is the first party (accepted, with no
 * commitment required); each invitation is a row the invited party answers (./answer.ts).
 */
import type { Actor } from "../authz/actor";
import { authorize, can } from "../authz/policy";
import { recordAudit } from "../audit/service";
import { inTransaction, Prisma, queryRows, type DbClient } from "../db/client";
import type { AllianceSector, CallStatus } from "../db/generated/enums";
import { isListedState } from "../idea/lifecycle";
import { findIdea } from "../idea/service";
import { AppError } from "../trpc/errors";
import { notifyInvitation } from "./notify";
import { lockVisibleAlliance, OPEN_STATES, requireState, type LoadedAlliance } from "./records";
import type { createAllianceInput, inviteInput } from "./schemas";
import { SECTOR_OF_KIND, SECTOR_OF_ROLE } from "./sectors";
import type { z } from "../validation";

/** Calls an alliance may form around: approved (scheduled, open, in evaluation) or with results. */
const CALL_STATES_FOR_ALLIANCES: readonly CallStatus[] = ["APPROVED", "RESULTS_PUBLISHED"];

interface Invitee {
  organizationId: string | null;
  userId: string | null;
  sector: AllianceSector;
  name: string;
}

/** The organizations and people the input names, each with its sector; a clear 4xx for any that cannot be invited. */
async function resolveInvitees(tx: DbClient, organizationIds: readonly string[], emails: readonly string[]): Promise<Invitee[]> {
  const orgIds = [...new Set(organizationIds)];
  const organizations = orgIds.length
    ? await tx.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, kind: true } })
    : [];
  if (organizations.length !== orgIds.length) throw new AppError("NOT_FOUND", "organization.notFound");
  const people = emails.length
    ? await tx.user.findMany({ where: { email: { in: [...new Set(emails)] } }, select: { id: true, name: true, email: true, role: true } })
    : [];
  for (const email of new Set(emails)) {
    const person = people.find((p) => p.email === email);
    if (!person) throw new AppError("NOT_FOUND", "alliance.personNotFound", { email }, { emails: { key: "alliance.personNotFound", params: { email } } });
    if (person.role !== "ENTREPRENEUR") {
      throw new AppError("BAD_REQUEST", "alliance.onlyEntrepreneurs", { email }, { emails: { key: "alliance.onlyEntrepreneurs", params: { email } } });
    }
  }
  return [
    ...organizations.map((o) => ({ organizationId: o.id, userId: null, sector: SECTOR_OF_KIND[o.kind], name: o.name })),
    ...people.map((p) => ({ organizationId: null, userId: p.id, sector: SECTOR_OF_ROLE[p.role], name: p.name })),
  ];
}

/**
 * Writes the invitations of `alliance` (locked by the caller): a party that declined before is
 * invited again; one already invited or accepted is a 409 naming it. Each invited party is told.
 */
async function inviteParties(tx: DbClient, actor: Actor, alliance: { id: string; title: string }, invitees: Invitee[]) {
  const invited: string[] = [];
  // "createdAt" is clock_timestamp(): invitations of one transaction keep the order they were written in.
  for (const invitee of invitees) {
    const conflictTarget = invitee.organizationId ? Prisma.sql`("allianceId", "organizationId")` : Prisma.sql`("allianceId", "userId")`;
    const [row] = await queryRows<{ id: string }>(
      tx,
      Prisma.sql`
        INSERT INTO "AllianceParty" ("id", "allianceId", "organizationId", "userId", "sector", "status", "invitedById", "createdAt")
        VALUES (gen_random_uuid(), ${alliance.id}::uuid, ${invitee.organizationId}::uuid, ${invitee.userId}::uuid,
                ${invitee.sector}::"AllianceSector", 'INVITED', ${actor.id}::uuid, clock_timestamp())
        ON CONFLICT ${conflictTarget} DO UPDATE
           SET "status" = 'INVITED', "declineReason" = NULL, "answeredById" = NULL, "answeredAt" = NULL,
               "invitedById" = EXCLUDED."invitedById", "createdAt" = clock_timestamp()
         WHERE "AllianceParty"."status" = 'DECLINED'
        RETURNING "id"`,
    );
    if (!row) throw new AppError("CONFLICT", "alliance.alreadyParty", { name: invitee.name });
    invited.push(row.id);
    await notifyInvitation(tx, { allianceId: alliance.id, title: alliance.title, partyId: row.id, organization: invitee.organizationId ? invitee.name : null, actorId: actor.id });
  }
  return invited;
}

/** Who opens it: an organization the actor owns, or the actor in their own name (the idea's author, the Secretariat). */
async function proposingParty(tx: DbClient, actor: Actor, input: z.output<typeof createAllianceInput>, idea: Awaited<ReturnType<typeof findIdea>>): Promise<Invitee> {
  if (input.organizationId) {
    const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, name: true, kind: true } });
    if (!organization) throw new AppError("NOT_FOUND", "organization.notFound");
    authorize(actor, "alliance.proposeFor", organization);
    return { organizationId: organization.id, userId: null, sector: SECTOR_OF_KIND[organization.kind], name: organization.name };
  }
  const allowed = idea ? can(actor, "alliance.proposeForIdea", idea) : can(actor, "alliance.proposeForCall", null);
  if (!allowed) throw new AppError("FORBIDDEN", "alliance.proposeForbidden");
  const person = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
  return { organizationId: null, userId: actor.id, sector: SECTOR_OF_ROLE[actor.role], name: person.name };
}

/** Opens an alliance around a public idea and/or an approved call, with its first invitations. */
export async function createAlliance(db: DbClient, actor: Actor, input: z.output<typeof createAllianceInput>) {
  return inTransaction(db, async (tx) => {
    const idea = input.ideaId ? await findIdea(tx, input.ideaId) : null;
    if (input.ideaId) {
      if (!idea || !can(actor, "idea.view", idea)) throw new AppError("NOT_FOUND", "idea.notFound");
      if (!isListedState(idea.status)) throw new AppError("CONFLICT", "alliance.ideaNotPublic");
    }
    if (input.callId) {
      const call = await tx.call.findUnique({ where: { id: input.callId }, select: { status: true, proposingOrganizationId: true } });
      if (!call || !can(actor, "call.view", call)) throw new AppError("NOT_FOUND", "call.notFound");
      if (!CALL_STATES_FOR_ALLIANCES.includes(call.status)) throw new AppError("CONFLICT", "alliance.callNotOpen");
    }
    const proposer = await proposingParty(tx, actor, input, idea);
    const invitees = await resolveInvitees(tx, input.organizationIds, input.emails);
    // The idea's author has a say in an alliance about their idea that someone else opens.
    if (idea && proposer.userId !== idea.authorId && !invitees.some((i) => i.userId === idea.authorId)) {
      const author = await tx.user.findUniqueOrThrow({ where: { id: idea.authorId }, select: { id: true, name: true, role: true } });
      invitees.push({ organizationId: null, userId: author.id, sector: SECTOR_OF_ROLE[author.role], name: author.name });
    }
    const alliance = await tx.alliance.create({
      data: {
        title: input.title,
        purpose: input.purpose,
        expectedOutcome: input.expectedOutcome,
        ideaId: input.ideaId ?? null,
        callId: input.callId ?? null,
        proposedById: actor.id,
        parties: {
          create: {
            organizationId: proposer.organizationId,
            userId: proposer.userId,
            sector: proposer.sector,
            status: "ACCEPTED",
            isProposer: true,
            invitedById: actor.id,
            answeredById: actor.id,
            answeredAt: new Date(),
          },
        },
      },
      select: { id: true, title: true },
    });
    const invited = await inviteParties(tx, actor, alliance, invitees);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "alliance.create",
      subjectType: "Alliance",
      subjectId: alliance.id,
      after: { ideaId: input.ideaId ?? null, callId: input.callId ?? null, proposer: proposer.name, invited: invitees.map((i) => i.name) },
    });
    return { id: alliance.id, status: "FORMING" as const, invitedPartyIds: invited };
  });
}

/** More parties, while the alliance is forming or active: whoever proposed it, or the Secretariat. */
export async function inviteToAlliance(db: DbClient, actor: Actor, input: z.output<typeof inviteInput>) {
  return inTransaction(db, async (tx) => {
    const alliance: LoadedAlliance = await lockVisibleAlliance(tx, actor, input.allianceId);
    authorize(actor, "alliance.lead", alliance);
    requireState(alliance, OPEN_STATES);
    const invitees = await resolveInvitees(tx, input.organizationIds, input.emails);
    const invited = await inviteParties(tx, actor, alliance, invitees);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "alliance.invite",
      subjectType: "Alliance",
      subjectId: alliance.id,
      after: { invited: invitees.map((i) => i.name) },
    });
    return { id: alliance.id, invitedPartyIds: invited };
  });
}
