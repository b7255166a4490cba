import type { Db } from "../../server/db/client";
import type { VerificationStatus } from "../../server/db/generated/enums";

const DAY = 24 * 60 * 60 * 1000;
let n = 0;

/** An organization owned by `ownerId` (and with `memberId` as MEMBER), in the given verification state. */
export async function organizationOf(db: Db, ownerId: string, verification: VerificationStatus = "VERIFIED", memberId?: string) {
  n += 1;
  const suffix = `${n}-${Math.random().toString(36).slice(2, 8)}`;
  return db.organization.create({
    data: {
      name: `Organización de convocatorias ${suffix}`,
      slug: `org-convocatorias-${suffix}`,
      kind: "COMPANY",
      city: "Barrancabermeja",
      sectors: ["ENERGY_OIL"],
      description: "Una empresa del puerto petrolero que impulsa retos de innovación.",
      verification,
      members: { create: [{ userId: ownerId, role: "OWNER" }, ...(memberId ? [{ userId: memberId, role: "MEMBER" as const }] : [])] },
    },
    select: { id: true, slug: true, name: true },
  });
}

/** A valid call form, with a timeline starting `startDays` after `from`. */
export function callForm(from: Date = new Date(), overrides: Record<string, unknown> = {}) {
  n += 1;
  const opensAt = new Date(from.getTime() + DAY);
  return {
    title: `Reto ${n}: agua limpia para las ciénagas de Barrancabermeja`,
    summary: "Buscamos soluciones para monitorear la calidad del agua de las ciénagas.",
    problem: "Las ciénagas reciben vertimientos y nadie mide su calidad de forma continua.",
    objectives: "Medir la calidad del agua en tiempo real y alertar a la comunidad.",
    expectedResults: "Un prototipo validado en la ciénaga San Silvestre.",
    sectors: ["ENVIRONMENT" as const],
    prizeText: "Acompañamiento técnico y premio en efectivo.",
    prizeAmountCop: 20_000_000,
    questions: [{ prompt: "¿Cómo validarías tu solución en campo?", required: true }],
    opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 14 * DAY).toISOString(),
    evaluationEndsAt: new Date(opensAt.getTime() + 28 * DAY).toISOString(),
    resultsAt: new Date(opensAt.getTime() + 35 * DAY).toISOString(),
    ...overrides,
  };
}

export const days = (count: number) => count * DAY;
