/**
 * Demo alliances, made through the same services as the pages: a triple-helix alliance around
 * the predictive-maintenance idea (university, refinery-sector company and chamber of commerce,
 * all accepted with commitments, one milestone done with its history), and one still forming
 * around the air-quality idea, waiting for the university's answer.
 */
import { answerInvitation } from "../alliance/answer";
import { createMilestone, reportProgress } from "../alliance/milestones";
import { createAlliance } from "../alliance/write";
import { Prisma, type Db } from "../db/client";
import { actorOf } from "./actors";

const ACTIVE_TITLE = "Alianza de mantenimiento predictivo en pozos maduros";
const FORMING_TITLE = "Alianza por el aire limpio del nororiente";

const slugId = async (db: Db, slug: string) => (await db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const ideaId = async (db: Db, title: string) => (await db.idea.findFirstOrThrow({ where: { title, status: "PUBLISHED" }, select: { id: true } })).id;

/** Idempotent: matched by title. */
export async function seedDemoAlliances(db: Db, users: ReadonlyMap<string, string>): Promise<void> {
  if (await db.alliance.findFirst({ where: { title: ACTIVE_TITLE }, select: { id: true } })) return;
  const entrepreneur = await actorOf(db, users.get("emprendedora@cocrea.demo")!);
  const academia = await actorOf(db, users.get("academia@cocrea.demo")!);
  const company = await actorOf(db, users.get("empresa@cocrea.demo")!);
  const university = await slugId(db, "universidad-industrial-del-magdalena-medio");
  const refinery = await slugId(db, "refinerias-y-servicios-del-magdalena");
  const chamber = await slugId(db, "camara-de-comercio-de-barrancabermeja");

  const active = await createAlliance(db, entrepreneur, {
    title: ACTIVE_TITLE,
    purpose:
      "Validar en campo el modelo de mantenimiento predictivo: sensores de vibración en cinco bombas de pozos maduros, datos abiertos para la universidad y un programa de proveedores locales para instalarlos.",
    expectedOutcome: "Un piloto de seis meses con cinco pozos instrumentados y una reducción medible de paradas no programadas.",
    ideaId: await ideaId(db, "Mantenimiento predictivo para pozos maduros"),
    organizationIds: [university, refinery, chamber],
    emails: [],
  });
  const partyOf = async (organizationId: string) =>
    (await db.allianceParty.findFirstOrThrow({ where: { allianceId: active.id, organizationId }, select: { id: true } })).id;
  await answerInvitation(db, academia, {
    partyId: await partyOf(university),
    accept: true,
    commitments: [
      { kind: "MENTORING_HOURS", quantity: 120, description: "Mentoría del grupo de investigación en procesos y señales", publishAmount: true },
      { kind: "LAB_ACCESS", quantity: 80, description: "Horas del laboratorio de instrumentación para calibrar los sensores", publishAmount: true },
    ],
  });
  await answerInvitation(db, company, {
    partyId: await partyOf(refinery),
    accept: true,
    commitments: [
      { kind: "FUNDING_COP", quantity: 45_000_000, description: "Capital semilla del fondo de proveedores locales", publishAmount: false },
      { kind: "DATA", quantity: 5, description: "Series históricas de vibración y fallas de cinco bombas", publishAmount: true },
    ],
  });
  await answerInvitation(db, company, {
    partyId: await partyOf(chamber),
    accept: true,
    commitments: [{ kind: "OTHER", quantity: 2, description: "Ruedas de negocio con proveedores de la cadena de refinación", publishAmount: true }],
  });
  const design = await createMilestone(db, entrepreneur, {
    allianceId: active.id,
    ownerPartyId: await partyOf(university),
    title: "Protocolo de instrumentación aprobado",
    description: "Dónde y cómo se instalan los sensores en cada bomba.",
    dueDate: "2026-12-15",
  });
  await reportProgress(db, academia, { milestoneId: design.id, progress: 40, done: false, note: "Visitamos los cinco pozos y definimos los puntos de medición." });
  await reportProgress(db, academia, { milestoneId: design.id, progress: 100, done: true, note: "El protocolo quedó aprobado por la empresa y la universidad." });
  await createMilestone(db, entrepreneur, {
    allianceId: active.id,
    ownerPartyId: await partyOf(refinery),
    title: "Cinco pozos instrumentados",
    description: "Sensores instalados y enviando datos al tablero del piloto.",
    dueDate: "2027-03-31",
  });

  const forming = await createAlliance(db, entrepreneur, {
    title: FORMING_TITLE,
    purpose: "Calibrar los sensores comunitarios de material particulado con el laboratorio de la universidad y publicar los datos por barrio.",
    expectedOutcome: "Treinta sensores calibrados y un tablero público de calidad del aire.",
    ideaId: await ideaId(db, "Sensores comunitarios para la calidad del aire en la zona industrial"),
    organizationIds: [university],
    emails: [],
  });
  await unmail(db, [active.id, forming.id]);
}

/** The demo mails nobody: the alliances' notifications stay in the inboxes, their emails and delivery jobs go. */
async function unmail(db: Db, allianceIds: string[]) {
  const outbox = Prisma.sql`SELECT o."id" FROM "EmailOutbox" o JOIN "Notification" n ON n."id" = o."notificationId" WHERE n."allianceId" = ANY(${allianceIds}::uuid[])`;
  await db.$queryRaw(Prisma.sql`SELECT graphile_worker.remove_job('email:' || m."id") FROM (${outbox}) m`);
  await db.$executeRaw(Prisma.sql`DELETE FROM "EmailOutbox" WHERE "id" IN (${outbox})`);
}
