/**
 * The sample call of page tests: an open call under the same slug as the sample organization
 * (calls and organizations have separate addresses), so that /convocatorias/:slug and its editor
 * are real pages when tests/e2e/page-routes.ts gives one sample for every `$slug`. Run after
 * `seedOrganizations` (the university sponsors it). Idempotent.
 */
import type { Db } from "../../server/db/client";
import { createUser } from "./callers";
import { createApprovedCall } from "./calls";
import { SAMPLE_ORGANIZATION } from "./organizations";

const DAY = 24 * 60 * 60 * 1000;

export async function seedSampleCall(db: Db) {
  const existing = await db.call.findUnique({ where: { slug: SAMPLE_ORGANIZATION.slug }, select: { id: true, slug: true } });
  if (existing) return existing;
  const [secretariat, university] = await Promise.all([
    createUser(db, "SECRETARIAT"),
    db.organization.findUniqueOrThrow({ where: { slug: SAMPLE_ORGANIZATION.slug }, select: { id: true } }),
  ]);
  const now = Date.now();
  return createApprovedCall(db, {
    slug: SAMPLE_ORGANIZATION.slug,
    title: "Reto: movilidad fluvial limpia en Barrancabermeja",
    opensAt: new Date(now - 2 * DAY),
    closesAt: new Date(now + 20 * DAY),
    evaluationEndsAt: new Date(now + 35 * DAY),
    resultsAt: new Date(now + 42 * DAY),
    proposedById: secretariat.id,
    sponsorOrganizationIds: [university.id],
    sectors: ["RIVER_LOGISTICS", "ENVIRONMENT"],
    questions: [{ prompt: "¿Cómo probarías tu idea en el muelle?" }, { prompt: "¿Con quién te aliarías?", required: false }],
    criteria: [
      { name: "Impacto", weight: 60, maxScore: 10 },
      { name: "Viabilidad", weight: 40, maxScore: 5 },
    ],
  });
}
