/**
 * A small world for the open data tests: published items that must appear and unpublished or
 * private ones that must not (a draft, a hidden idea, a proposed call, a forming alliance, an
 * unpublished commitment amount, people's emails), and bookings on both sides of the "<5" line.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../../server/db/client";
import { createUser } from "../support/callers";

export const SECRET_EMAIL = "persona.privada@example.com";
export const ORG_CONTACT_EMAIL = "contacto@universidad.example.edu.co";

let n = 0;

function idea(authorId: string, status: string, title: string, extra: Record<string, unknown> = {}) {
  n += 1;
  return {
    title,
    summary: "Resumen de la idea, con tildes: innovación en Barrancabermeja.",
    problem: "Problema descrito con detalle; incluye comillas \"dobles\", comas y\nun salto de línea.",
    solution: "Solución descrita con detalle.",
    sector: "ICT" as const,
    status: status as "PUBLISHED",
    authorId,
    publishedAt: status === "DRAFT" ? null : new Date(Date.UTC(2026, 0, 1, 12, 0, n)),
    ...extra,
  };
}

async function insertBookings(db: Db, spaceId: string, userIds: string[], month: string, count: number) {
  for (let i = 0; i < count; i++) {
    const startsAt = new Date(`${month}-${String(10 + i).padStart(2, "0")}T14:00:00Z`);
    const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
    await db.$executeRaw`
      INSERT INTO "Booking" ("id", "spaceId", "userId", "startsAt", "endsAt", "bufferMinutes", "blockedRange", "status", "purpose", "attendees", "checkInCode", "updatedAt")
      VALUES (${randomUUID()}::uuid, ${spaceId}::uuid, ${userIds[i % userIds.length]}::uuid, ${startsAt}, ${endsAt}, 0,
              tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)'), 'COMPLETED', 'Reunión', 3, ${`C${randomUUID().slice(0, 10)}`}, now())`;
  }
}

export async function seedOpenDataWorld(db: Db) {
  const author = await createUser(db, "ENTREPRENEUR", { email: SECRET_EMAIL, name: "Ana Pública" });
  const others = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createUser(db, "COMPANY")));
  const university = await db.organization.create({
    data: { name: "Universidad Abierta", slug: "universidad-abierta", kind: "UNIVERSITY", contactEmail: ORG_CONTACT_EMAIL, nit: "900123456-7", verification: "VERIFIED", description: "Escríbanos a rector@universidad.example.edu.co" },
  });
  const company = await db.organization.create({ data: { name: "Empresa Ñandú", slug: "empresa-nandu", kind: "COMPANY", website: "https://nandu.example.co" } });

  const published = await db.idea.create({ data: idea(author.id, "PUBLISHED", "Idea publicada", { organizationId: university.id, supportCount: 3 }) });
  const popular = await db.idea.create({ data: idea(author.id, "IN_DEVELOPMENT", "Idea apoyada", { supportCount: 12 }) });
  const archived = await db.idea.create({ data: idea(author.id, "ARCHIVED", "Idea archivada") });
  const draft = await db.idea.create({ data: idea(author.id, "DRAFT", "Borrador secreto") });
  const hidden = await db.idea.create({ data: idea(author.id, "HIDDEN", "Idea oculta", { hiddenFromStatus: "PUBLISHED" }) });
  const rejected = await db.idea.create({ data: idea(author.id, "REJECTED", "Idea rechazada") });

  const callFields = (slug: string, status: string) => ({
    slug,
    title: `Reto ${slug}`,
    summary: "Resumen del reto.",
    problem: "Problema del reto.",
    objectives: "Objetivos.",
    expectedResults: "Resultados esperados.",
    sectors: ["ICT" as const, "ENERGY_OIL" as const],
    prizeText: "Premio",
    prizeAmountCop: 5_000_000n,
    opensAt: new Date("2026-02-01T00:00:00Z"),
    closesAt: new Date("2026-03-01T00:00:00Z"),
    evaluationEndsAt: new Date("2026-03-15T00:00:00Z"),
    resultsAt: new Date("2026-03-20T00:00:00Z"),
    status: status as "APPROVED",
    proposedById: author.id,
  });
  const publicCall = await db.call.create({ data: { ...callFields("reto-publico", "RESULTS_PUBLISHED"), resultsPublishedAt: new Date("2026-03-20T00:00:00Z") } });
  const proposedCall = await db.call.create({ data: callFields("reto-propuesto", "PROPOSED") });
  await db.callSubmission.create({
    data: { callId: publicCall.id, ideaId: published.id, submitterId: author.id, submittedAt: new Date("2026-02-10T00:00:00Z"), isWinner: true, winnerJustification: "La mejor propuesta." },
  });
  await db.callSubmission.create({ data: { callId: publicCall.id, ideaId: draft.id, submitterId: author.id, submittedAt: new Date("2026-02-11T00:00:00Z"), isWinner: true } });

  const activeAlliance = await db.alliance.create({
    data: { title: "Alianza activa", purpose: "Propósito", expectedOutcome: "Resultado", ideaId: published.id, status: "ACTIVE", proposedById: author.id, activatedAt: new Date("2026-04-01T00:00:00Z") },
  });
  const universityParty = await db.allianceParty.create({ data: { allianceId: activeAlliance.id, organizationId: university.id, sector: "ACADEMIA", status: "ACCEPTED", invitedById: author.id } });
  const personParty = await db.allianceParty.create({ data: { allianceId: activeAlliance.id, userId: author.id, sector: "ENTREPRENEUR", status: "ACCEPTED", isProposer: true, invitedById: author.id } });
  await db.commitment.create({ data: { allianceId: activeAlliance.id, partyId: universityParty.id, kind: "MENTORING_HOURS", quantity: 40n, description: "Mentorías", publishAmount: true } });
  await db.commitment.create({ data: { allianceId: activeAlliance.id, partyId: personParty.id, kind: "FUNDING_COP", quantity: 987_654_321n, description: "Aporte propio", publishAmount: false } });
  const formingAlliance = await db.alliance.create({
    data: { title: "Alianza en formación", purpose: "Propósito", expectedOutcome: "Resultado", ideaId: published.id, status: "FORMING", proposedById: author.id },
  });
  const formingParty = await db.allianceParty.create({ data: { allianceId: formingAlliance.id, organizationId: company.id, sector: "PRIVATE", status: "ACCEPTED", invitedById: author.id } });
  await db.commitment.create({ data: { allianceId: formingAlliance.id, partyId: formingParty.id, kind: "EQUIPMENT", quantity: 3n, description: "Equipos", publishAmount: true } });

  const center = await db.center.create({ data: { name: "Centro Ñ", address: "Calle 49", latitude: 7.06, longitude: -73.85 } });
  const space = (name: string) => db.space.create({ data: { centerId: center.id, name, kind: "MEETING_ROOM", capacity: 10 } });
  const quietSpace = await space("Sala tranquila");
  const busySpace = await space("Sala concurrida");
  const people = [author.id, ...others.map((o) => o.id)];
  await insertBookings(db, quietSpace.id, people.slice(0, 2), "2026-05", 3);
  await insertBookings(db, busySpace.id, people, "2026-05", 7);

  return { author, university, company, published, popular, archived, draft, hidden, rejected, publicCall, proposedCall, activeAlliance, formingAlliance, quietSpace, busySpace };
}
