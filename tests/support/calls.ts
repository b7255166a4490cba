import type { Db } from "../../server/db/client";
import type {
  CallParticipationRole,
  CallParticipationStatus,
  CallStatus,
  OrganizationKind,
  Role,
  Sector,
} from "../../server/db/generated/enums";

let counter = 0;

const DAY = 24 * 60 * 60 * 1000;

export interface CallFixture {
  /** Required: the call's timeline (instants). */
  opensAt: Date;
  closesAt: Date;
  evaluationEndsAt: Date;
  resultsAt: Date;
  /** Required: the user recorded as proposer (any user; the Secretariat for direct calls). */
  proposedById: string;
  proposingOrganizationId?: string | null;
  status?: CallStatus;
  title?: string;
  slug?: string;
  summary?: string;
  sectors?: Sector[];
  eligibleRoles?: Role[];
  eligibleOrgKinds?: OrganizationKind[];
  requiresOrganization?: boolean;
  maxSubmissionsPerParticipant?: number;
  prizeText?: string;
  prizeAmountCop?: bigint | null;
  /** Organizations named as sponsors (CallSponsor rows). */
  sponsorOrganizationIds?: string[];
  /** Free-text questions, in order (CallQuestion rows, positions 1..n). */
  questions?: { prompt: string; required?: boolean }[];
  /** Rubric (CallCriterion rows, positions 1..n). Weights should sum to 100. */
  criteria?: { name: string; description?: string; weight: number; maxScore: number }[];
  statusReason?: string | null;
  approvedAt?: Date | null;
}

/**
 * A call written straight to the database, APPROVED by default (its phase then follows the dates
 * against the database clock: move it with tests/support/clock.ts). For tests of submissions,
 * evaluation and listings; the proposal flow itself is exercised through `call.*` procedures.
 * Returns the call row with its questions and criteria.
 */
export async function createApprovedCall(db: Db, fixture: CallFixture) {
  counter += 1;
  const status = fixture.status ?? "APPROVED";
  const title = fixture.title ?? `Reto de prueba ${counter} para Barrancabermeja`;
  const slug = fixture.slug ?? `reto-de-prueba-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const call = await db.call.create({
    data: {
      slug,
      title,
      summary: fixture.summary ?? "Un resumen del reto de prueba con suficiente detalle.",
      problem: "El problema que el reto de prueba quiere resolver, descrito con detalle.",
      objectives: "Los objetivos del reto de prueba, descritos con detalle.",
      expectedResults: "Los resultados esperados del reto de prueba.",
      sectors: fixture.sectors ?? ["ICT"],
      prizeText: fixture.prizeText ?? "Acompañamiento y un premio en efectivo.",
      prizeAmountCop: fixture.prizeAmountCop === undefined ? 10_000_000n : fixture.prizeAmountCop,
      eligibleRoles: fixture.eligibleRoles ?? [],
      eligibleOrgKinds: fixture.eligibleOrgKinds ?? [],
      requiresOrganization: fixture.requiresOrganization ?? false,
      maxSubmissionsPerParticipant: fixture.maxSubmissionsPerParticipant ?? 1,
      opensAt: fixture.opensAt,
      closesAt: fixture.closesAt,
      evaluationEndsAt: fixture.evaluationEndsAt,
      resultsAt: fixture.resultsAt,
      status,
      statusReason: fixture.statusReason ?? null,
      proposedById: fixture.proposedById,
      proposingOrganizationId: fixture.proposingOrganizationId ?? null,
      approvedAt:
        fixture.approvedAt !== undefined
          ? fixture.approvedAt
          : ["APPROVED", "RESULTS_PUBLISHED", "CLOSED"].includes(status)
            ? new Date()
            : null,
      resultsPublishedAt: status === "RESULTS_PUBLISHED" || status === "CLOSED" ? new Date() : null,
      sponsors: fixture.sponsorOrganizationIds?.length
        ? { create: fixture.sponsorOrganizationIds.map((organizationId) => ({ organizationId })) }
        : undefined,
      questions: fixture.questions?.length
        ? {
            create: fixture.questions.map((q, i) => ({ position: i + 1, prompt: q.prompt, required: q.required ?? true })),
          }
        : undefined,
      criteria: fixture.criteria?.length
        ? {
            create: fixture.criteria.map((c, i) => ({
              position: i + 1,
              name: c.name,
              description: c.description ?? "",
              weight: c.weight,
              maxScore: c.maxScore,
            })),
          }
        : undefined,
    },
    include: {
      questions: { orderBy: { position: "asc" } },
      criteria: { orderBy: { position: "asc" } },
    },
  });
  return call;
}

/**
 * A timeline around `from` (default: now): opens one day after, closes after `openDays` (default 14),
 * evaluation ends 14 days later, results 7 days after that.
 */
export function callTimeline(from: Date = new Date(), openDays = 14) {
  const opensAt = new Date(from.getTime() + DAY);
  const closesAt = new Date(opensAt.getTime() + openDays * DAY);
  const evaluationEndsAt = new Date(closesAt.getTime() + 14 * DAY);
  const resultsAt = new Date(evaluationEndsAt.getTime() + 7 * DAY);
  return { opensAt, closesAt, evaluationEndsAt, resultsAt };
}

/** A participation row written directly (e.g. an ACCEPTED JURY organization for juror tests). */
export async function addCallParticipation(
  db: Db,
  input: {
    callId: string;
    organizationId: string;
    role: CallParticipationRole;
    status?: CallParticipationStatus;
    createdById: string;
  },
) {
  return db.callParticipation.create({
    data: {
      callId: input.callId,
      organizationId: input.organizationId,
      role: input.role,
      status: input.status ?? "ACCEPTED",
      createdById: input.createdById,
      decidedById: (input.status ?? "ACCEPTED") === "ACCEPTED" ? input.createdById : null,
      decidedAt: (input.status ?? "ACCEPTED") === "ACCEPTED" ? new Date() : null,
    },
  });
}

/** A juror assignment written directly (organizationId null: an individual juror). */
export async function addCallJuror(
  db: Db,
  input: { callId: string; userId: string; assignedById: string; organizationId?: string | null },
) {
  return db.callJuror.create({
    data: {
      callId: input.callId,
      userId: input.userId,
      assignedById: input.assignedById,
      organizationId: input.organizationId ?? null,
    },
  });
}
