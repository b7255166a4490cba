/** Alliances, their commitments, spaces and monthly occupancy: see ./datasets.ts for the rules all datasets keep. */
import { Prisma } from "../db/client";
import { afterClause, col, PUBLIC_CALLS, PUBLIC_IDEA_STATES, sqlDataset } from "./sql-dataset";

/** Bookings that hold (or held) their space: what occupancy counts. */
const OCCUPYING = Prisma.sql`('CONFIRMED'::"BookingStatus", 'COMPLETED'::"BookingStatus")`;

export const alliances = sqlDataset({
  key: "alliances",
  title: { es: "Alianzas", en: "Alliances" },
  description: {
    es: "Alianzas activadas (las que siguen en formación no se publican), en orden de activación.",
    en: "Activated alliances (those still forming are not published), in order of activation.",
  },
  columns: [
    col("id", "string", "Identificador (/alianzas/<id>)", "Id (/alianzas/<id>)"),
    col("title", "string", "Título", "Title"),
    col("purpose", "string", "Propósito", "Purpose"),
    col("expected_outcome", "string", "Resultado esperado", "Expected outcome"),
    col("status", "string", "Estado: ACTIVE, COMPLETED o WITHDRAWN", "State: ACTIVE, COMPLETED or WITHDRAWN"),
    col("triple_helix", "boolean", "Reúne sector público, privado y academia", "Joins public, private and academia"),
    col("idea_id", "string", "Idea en torno a la que se formó (si es pública)", "Idea it formed around (when public)"),
    col("call_slug", "string", "Convocatoria en torno a la que se formó", "Call it formed around"),
    col("sectors", "string", "Sectores de la cuádruple hélice presentes (separados por ;)", "Quadruple-helix sectors present (separated by ;)"),
    col("organizations", "string", "Organizaciones aliadas (slugs separados por ;)", "Partner organizations (slugs separated by ;)"),
    col("people", "integer", "Personas aliadas a título personal", "People taking part on their own behalf", true),
    col("activated_at", "datetime", "Activación (UTC)", "Activated (UTC)"),
    col("closed_at", "datetime", "Cierre (UTC)", "Closed (UTC)"),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT a."id", a."title", a."purpose", a."expectedOutcome" AS "expected_outcome", a."status", a."tripleHelix" AS "triple_helix",
           CASE WHEN i."status" IN ${PUBLIC_IDEA_STATES} THEN i."id" END AS "idea_id",
           CASE WHEN c."status" IN ${PUBLIC_CALLS} THEN c."slug" END AS "call_slug",
           ARRAY(SELECT DISTINCT p."sector"::text FROM "AllianceParty" p WHERE p."allianceId" = a."id" AND p."status" = 'ACCEPTED' ORDER BY 1) AS "sectors",
           ARRAY(SELECT o."slug" FROM "AllianceParty" p JOIN "Organization" o ON o."id" = p."organizationId"
                  WHERE p."allianceId" = a."id" AND p."status" = 'ACCEPTED' ORDER BY o."slug") AS "organizations",
           (SELECT count(*)::int FROM "AllianceParty" p WHERE p."allianceId" = a."id" AND p."status" = 'ACCEPTED' AND p."userId" IS NOT NULL) AS "people",
           a."activatedAt" AS "activated_at", a."closedAt" AS "closed_at", a."activatedAt" AS "_at", a."id" AS "_id"
      FROM "Alliance" a
      LEFT JOIN "Idea" i ON i."id" = a."ideaId"
      LEFT JOIN "Call" c ON c."id" = a."callId"
     WHERE a."activatedAt" IS NOT NULL ${afterClause(Prisma.sql`a."activatedAt"`, Prisma.sql`a."id"`, after)}
     ORDER BY a."activatedAt", a."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "Alliance" WHERE "activatedAt" IS NOT NULL`,
});

export const allianceCommitments = sqlDataset({
  key: "alliance-commitments",
  title: { es: "Compromisos de las alianzas", en: "Alliance commitments" },
  description: {
    es: "Lo que aporta cada parte de una alianza activada. La cantidad solo aparece si la parte decidió publicarla.",
    en: "What each party of an activated alliance brings. The amount appears only where the party chose to publish it.",
  },
  columns: [
    col("id", "string", "Identificador del compromiso", "Commitment id"),
    col("alliance_id", "string", "Alianza (/alianzas/<id>)", "Alliance (/alianzas/<id>)"),
    col("kind", "string", "Tipo: MENTORING_HOURS, LAB_ACCESS, EQUIPMENT, FUNDING_COP, DATA u OTHER", "Kind: MENTORING_HOURS, LAB_ACCESS, EQUIPMENT, FUNDING_COP, DATA or OTHER"),
    col("quantity", "integer", "Cantidad en la unidad del tipo (horas, unidades, pesos, conjuntos de datos); vacía si no se publicó", "Amount in the kind's unit (hours, units, pesos, datasets); empty when not published"),
    col("description", "string", "Descripción", "Description"),
    col("party_sector", "string", "Sector de la parte que lo aporta", "Sector of the party that brings it"),
    col("party_organization_slug", "string", "Organización que lo aporta (vacío: una persona)", "Organization that brings it (empty: a person)"),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT k."id", k."allianceId" AS "alliance_id", k."kind", CASE WHEN k."publishAmount" THEN k."quantity" END AS "quantity",
           k."description", p."sector" AS "party_sector", o."slug" AS "party_organization_slug", k."createdAt" AS "_at", k."id" AS "_id"
      FROM "Commitment" k
      JOIN "Alliance" a ON a."id" = k."allianceId"
      JOIN "AllianceParty" p ON p."id" = k."partyId"
      LEFT JOIN "Organization" o ON o."id" = p."organizationId"
     WHERE a."activatedAt" IS NOT NULL ${afterClause(Prisma.sql`k."createdAt"`, Prisma.sql`k."id"`, after)}
     ORDER BY k."createdAt", k."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "Commitment" k JOIN "Alliance" a ON a."id" = k."allianceId" WHERE a."activatedAt" IS NOT NULL`,
});

export const spaces = sqlDataset({
  key: "spaces",
  title: { es: "Espacios", en: "Spaces" },
  description: {
    es: "Espacios reservables activos y el centro donde están, en orden de creación.",
    en: "Active bookable spaces and the center they are in, in order of creation.",
  },
  columns: [
    col("id", "string", "Identificador (/espacios/<id>)", "Id (/espacios/<id>)"),
    col("name", "string", "Nombre", "Name"),
    col("kind", "string", "Tipo: LAB, MAKERSPACE, COWORKING, MEETING_ROOM o AUDITORIUM", "Kind: LAB, MAKERSPACE, COWORKING, MEETING_ROOM or AUDITORIUM"),
    col("capacity", "integer", "Aforo (personas)", "Capacity (people)"),
    col("amenities", "string", "Dotación (separada por ;)", "Amenities (separated by ;)"),
    col("requires_approval", "boolean", "Las reservas requieren aprobación", "Bookings need approval"),
    col("center_id", "string", "Centro", "Center"),
    col("center_name", "string", "Nombre del centro", "Center name"),
    col("center_address", "string", "Dirección del centro", "Center address"),
    col("latitude", "number", "Latitud del centro (WGS 84)", "Center latitude (WGS 84)"),
    col("longitude", "number", "Longitud del centro (WGS 84)", "Center longitude (WGS 84)"),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT s."id", s."name", s."kind", s."capacity", s."amenities", s."requiresApproval" AS "requires_approval",
           c."id" AS "center_id", c."name" AS "center_name", c."address" AS "center_address", c."latitude", c."longitude",
           s."createdAt" AS "_at", s."id" AS "_id"
      FROM "Space" s
      JOIN "Center" c ON c."id" = s."centerId"
     WHERE s."active" ${afterClause(Prisma.sql`s."createdAt"`, Prisma.sql`s."id"`, after)}
     ORDER BY s."createdAt", s."id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(*)::int AS "count" FROM "Space" WHERE "active"`,
});

/** The month a booking starts in, Bogotá's calendar, as the instant that month starts in UTC (a keyset value). */
const BOOKING_MONTH = Prisma.sql`(date_trunc('month', b."startsAt" AT TIME ZONE 'America/Bogota') AT TIME ZONE 'UTC')`;

export const spaceOccupancy = sqlDataset({
  key: "space-occupancy",
  title: { es: "Ocupación mensual de los espacios", en: "Monthly space occupancy" },
  description: {
    es: "Por espacio y mes (hora de Bogotá): reservas confirmadas o cumplidas, horas reservadas, personas y asistentes.",
    en: "Per space and month (Bogotá time): confirmed or completed bookings, hours booked, people and attendees.",
  },
  columns: [
    col("month", "yearmonth", "Mes (AAAA-MM, hora de Bogotá)", "Month (YYYY-MM, Bogotá time)"),
    col("space_id", "string", "Espacio (/espacios/<id>)", "Space (/espacios/<id>)"),
    col("space_name", "string", "Nombre del espacio", "Space name"),
    col("bookings", "integer", "Reservas confirmadas o cumplidas", "Confirmed or completed bookings", true),
    col("booked_hours", "number", "Horas reservadas", "Hours booked"),
    col("people", "integer", "Personas distintas que reservaron", "Distinct people who booked", true),
    col("attendees", "integer", "Asistentes previstos (suma)", "Expected attendees (sum)", true),
  ],
  rows: (after, take) => Prisma.sql`
    SELECT * FROM (
      SELECT ${BOOKING_MONTH} AS "month", s."id" AS "space_id", s."name" AS "space_name",
             count(*)::int AS "bookings",
             round((sum(extract(epoch FROM b."endsAt" - b."startsAt")) / 3600)::numeric, 2)::float8 AS "booked_hours",
             count(DISTINCT b."userId")::int AS "people", sum(b."attendees")::int AS "attendees",
             ${BOOKING_MONTH} AS "_at", s."id" AS "_id"
        FROM "Booking" b
        JOIN "Space" s ON s."id" = b."spaceId"
       WHERE b."status" IN ${OCCUPYING}
       GROUP BY 1, s."id", s."name"
    ) q
     WHERE true ${afterClause(Prisma.sql`q."_at"`, Prisma.sql`q."_id"`, after)}
     ORDER BY q."_at", q."_id"
     LIMIT ${take}`,
  count: Prisma.sql`SELECT count(DISTINCT (${BOOKING_MONTH}, b."spaceId"))::int AS "count" FROM "Booking" b WHERE b."status" IN ${OCCUPYING}`,
});
