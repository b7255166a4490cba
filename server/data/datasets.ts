/**
 * The open datasets of /datos, in the order the page lists them. Only what the platform already
 * shows anyone publicly leaves here: ideas in public states, public calls and their published
 * winners, organizations' public profile fields, activated alliances (commitment amounts only
 * where the party chose to publish them), spaces and their monthly use. Never a person's email,
 * never an unpublished item; counts of people from 1 to 4 read "<5" (columns marked suppressed).
 */
import { Prisma } from "../db/client";
import { alliances, allianceCommitments, spaceOccupancy, spaces } from "./datasets-more";
import { indicatorSeries } from "./indicator-series";
import { afterClause, col, PUBLIC_CALLS, PUBLIC_IDEA_STATES, sqlDataset } from "./sql-dataset";
import type { Dataset } from "./types";


const ideas = sqlDataset({
  key: "ideas",
  title: { es: "Ideas publicadas", en: "Published ideas" },
  description: {
    es: "Ideas en estado público (publicadas, en desarrollo, incubadas o archivadas), en orden de primera publicación.",
    en: "Ideas in a public state (published, in development, incubated or archived), in order of first publication.",
  },
  columns: [
    col("id", "string", "Identificador de la idea (su página es /ideas/<id>)", "Idea id (its page is /ideas/<id>)"),
    col("title", "string", "Título", "Title"),
    col("summary", "string", "Resumen", "Summary"),
    col("problem", "string", "Problema que atiende", "Problem it addresses"),
    col("solution", "string", "Solución propuesta", "Proposed solution"),
    col("sector", "string", "Sector (código)", "Sector (code)"),
    col("status", "string", "Estado: PUBLISHED, IN_DEVELOPMENT, INCUBATED o ARCHIVED", "State: PUBLISHED, IN_DEVELOPMENT, INCUBATED or ARCHIVED"),
    col("author_name", "string", "Nombre con el que publica quien la propuso", "Name its proposer publishes with"),
    col("organization_slug", "string", "Organización en cuyo nombre se publicó (vacío: a título personal)", "Organization it was posted on behalf of (empty: personal)"),
    col("organization_name", "string", "Nombre de esa organización", "That organization's name"),
    col("support_count", "integer", "Personas que la apoyan", "People who support it", true),
    col("published_at", "datetime", "Primera publicación (UTC)", "First publication (UTC)"),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT i."id", i."title", i."summary", i."problem", i."solution", i."sector", i."status",
           u."name" AS "author_name", o."slug" AS "organization_slug", o."name" AS "organization_name",
           i."supportCount" AS "support_count", i."publishedAt" AS "published_at",
           i."publishedAt" AS "_at", i."id" AS "_id"
      FROM "Idea" i
      JOIN "User" u ON u."id" = i."authorId"
      LEFT JOIN "Organization" o ON o."id" = i."organizationId"
     WHERE i."status" IN ${PUBLIC_IDEA_STATES} AND i."publishedAt" IS NOT NULL
           ${afterClause(Prisma.sql`i."publishedAt"`, Prisma.sql`i."id"`, after)}
     ORDER BY i."publishedAt", i."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "Idea" WHERE "status" IN ${PUBLIC_IDEA_STATES} AND "publishedAt" IS NOT NULL`,
});

const calls = sqlDataset({
  key: "calls",
  title: { es: "Convocatorias", en: "Calls" },
  description: {
    es: "Convocatorias públicas (aprobadas, con resultados, cerradas o canceladas), en orden de apertura.",
    en: "Public calls (approved, with results, closed or cancelled), in order of opening.",
  },
  columns: [
    col("id", "string", "Identificador", "Id"),
    col("slug", "string", "Dirección de su página: /convocatorias/<slug>", "Its page: /convocatorias/<slug>"),
    col("title", "string", "Título", "Title"),
    col("summary", "string", "Resumen", "Summary"),
    col("sectors", "string", "Sectores (códigos separados por ;)", "Sectors (codes separated by ;)"),
    col("status", "string", "Estado: APPROVED, RESULTS_PUBLISHED, CLOSED o CANCELLED", "State: APPROVED, RESULTS_PUBLISHED, CLOSED or CANCELLED"),
    col("prize_amount_cop", "integer", "Premio en pesos colombianos (vacío: sin monto)", "Prize in Colombian pesos (empty: no amount)"),
    col("proposing_organization_slug", "string", "Organización que la propuso (vacío: la Secretaría)", "Proposing organization (empty: the Secretariat)"),
    col("opens_at", "datetime", "Apertura (UTC)", "Opens (UTC)"),
    col("closes_at", "datetime", "Cierre de postulaciones (UTC)", "Submissions close (UTC)"),
    col("results_at", "datetime", "Fecha prevista de resultados (UTC)", "Planned results date (UTC)"),
    col("submissions", "integer", "Postulaciones recibidas (vigentes)", "Submissions received (not withdrawn)", true),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT c."id", c."slug", c."title", c."summary", c."sectors"::text[] AS "sectors", c."status", c."prizeAmountCop" AS "prize_amount_cop",
           o."slug" AS "proposing_organization_slug", c."opensAt" AS "opens_at", c."closesAt" AS "closes_at", c."resultsAt" AS "results_at",
           (SELECT count(*)::int FROM "CallSubmission" s WHERE s."callId" = c."id" AND s."status" = 'SUBMITTED') AS "submissions",
           c."opensAt" AS "_at", c."id" AS "_id"
      FROM "Call" c
      LEFT JOIN "Organization" o ON o."id" = c."proposingOrganizationId"
     WHERE c."status" IN ${PUBLIC_CALLS} ${afterClause(Prisma.sql`c."opensAt"`, Prisma.sql`c."id"`, after)}
     ORDER BY c."opensAt", c."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "Call" WHERE "status" IN ${PUBLIC_CALLS}`,
});

const RESULTS_PUBLIC = Prisma.sql`c."status" IN ('RESULTS_PUBLISHED'::"CallStatus", 'CLOSED'::"CallStatus") AND c."resultsPublishedAt" IS NOT NULL
       AND s."isWinner" AND s."status" = 'SUBMITTED' AND i."status" IN ${PUBLIC_IDEA_STATES}`;

const callResults = sqlDataset({
  key: "call-results",
  title: { es: "Resultados de convocatorias", en: "Call results" },
  description: {
    es: "Ideas ganadoras de cada convocatoria con resultados publicados, con la justificación de la Secretaría.",
    en: "Winning ideas of each call whose results were published, with the Secretariat's justification.",
  },
  columns: [
    col("call_slug", "string", "Convocatoria (/convocatorias/<slug>)", "Call (/convocatorias/<slug>)"),
    col("call_title", "string", "Título de la convocatoria", "Call title"),
    col("idea_id", "string", "Idea ganadora (/ideas/<id>)", "Winning idea (/ideas/<id>)"),
    col("idea_title", "string", "Título de la idea", "Idea title"),
    col("organization_slug", "string", "Organización en cuyo nombre se postuló (vacío: a título personal)", "Organization it was submitted on behalf of (empty: personal)"),
    col("justification", "string", "Justificación de la elección", "Why it was chosen"),
    col("results_published_at", "datetime", "Publicación de resultados (UTC)", "Results published (UTC)"),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT c."slug" AS "call_slug", c."title" AS "call_title", i."id" AS "idea_id", i."title" AS "idea_title",
           o."slug" AS "organization_slug", s."winnerJustification" AS "justification",
           c."resultsPublishedAt" AS "results_published_at", c."resultsPublishedAt" AS "_at", s."id" AS "_id"
      FROM "CallSubmission" s
      JOIN "Call" c ON c."id" = s."callId"
      JOIN "Idea" i ON i."id" = s."ideaId"
      LEFT JOIN "Organization" o ON o."id" = s."organizationId"
     WHERE ${RESULTS_PUBLIC} ${afterClause(Prisma.sql`c."resultsPublishedAt"`, Prisma.sql`s."id"`, after)}
     ORDER BY c."resultsPublishedAt", s."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "CallSubmission" s JOIN "Call" c ON c."id" = s."callId" JOIN "Idea" i ON i."id" = s."ideaId" WHERE ${RESULTS_PUBLIC}`,
});

const organizations = sqlDataset({
  key: "organizations",
  title: { es: "Organizaciones", en: "Organizations" },
  description: {
    es: "Campos públicos del perfil de cada organización registrada, en orden de registro. Sin correos ni NIT.",
    en: "Public profile fields of every registered organization, in order of registration. No emails or tax ids.",
  },
  columns: [
    col("id", "string", "Identificador", "Id"),
    col("slug", "string", "Dirección de su página: /organizaciones/<slug>", "Its page: /organizaciones/<slug>"),
    col("name", "string", "Nombre", "Name"),
    col("kind", "string", "Tipo (código)", "Kind (code)"),
    col("city", "string", "Ciudad", "City"),
    col("sectors", "string", "Sectores (códigos separados por ;)", "Sectors (codes separated by ;)"),
    col("description", "string", "Descripción", "Description"),
    col("website", "string", "Sitio web", "Website"),
    col("verified", "boolean", "Verificada por la Secretaría", "Verified by the Secretariat"),
    col("created_at", "datetime", "Registro en la plataforma (UTC)", "Registered on the platform (UTC)"),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT o."id", o."slug", o."name", o."kind", o."city", o."sectors"::text[] AS "sectors", o."description", o."website",
           (o."verification" = 'VERIFIED') AS "verified", o."createdAt" AS "created_at", o."createdAt" AS "_at", o."id" AS "_id"
      FROM "Organization" o
     WHERE true ${afterClause(Prisma.sql`o."createdAt"`, Prisma.sql`o."id"`, after)}
     ORDER BY o."createdAt", o."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "Organization"`,
});

export const DATASETS: readonly Dataset[] = [
  ideas,
  calls,
  callResults,
  organizations,
  alliances,
  allianceCommitments,
  spaces,
  spaceOccupancy,
  indicatorSeries,
];

export function findDataset(key: string): Dataset | undefined {
  return DATASETS.find((dataset) => dataset.key === key);
}
