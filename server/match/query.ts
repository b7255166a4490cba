/** The ranking of partner suggestions: one statement, PostgreSQL full text and trigrams only. */
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { OrganizationKind, Sector, VerificationStatus } from "../db/generated/enums";

/** What is matched against organizations: an idea or a call, as weighted pieces of text. */
export type MatchSubject = { kind: "idea"; ideaId: string } | { kind: "call"; callId: string };

export interface RankedOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
  sectors: Sector[];
  verification: VerificationStatus;
  score: number;
  /** What each signal added to the score: reasons are told in this order of weight. */
  sectorPart: number;
  offerPart: number;
  wordsPart: number;
  trackPart: number;
  verifiedPart: number;
  sharedSectors: Sector[];
  /** The offer that best matches the subject's text, when one does. */
  offerTitle: string | null;
  /** The subject's own words (as written) whose stems the organization's profile shares, most telling first. */
  words: string[];
  /** Accepted participations in calls plus accepted parties of active or completed alliances. */
  track: number;
}

/** A constant of the formula, written into the statement (a parameter would take the type of its context). */
const weight = (value: number) => Prisma.raw(`${value}::float8`);

// Weights of the score. Relevance (sector, words, offers) decides; track record and
// verification only reorder organizations that are relevant already.
const SECTOR_WEIGHT = weight(1.2);
const WORDS_WEIGHT = weight(0.35);
const RANK_WEIGHT = weight(2);
const OFFER_WEIGHT = weight(1.5);
/** Below this trigram similarity an offer's title is not named as a reason... */
const OFFER_SIMILARITY = weight(0.45);
/** ...unless the offer (title, then description) shares enough words with the subject that few profiles have. */
const OFFER_WORDS_STRENGTH = weight(3);
const TRACK_WEIGHT = weight(0.15);
const VERIFIED_BONUS = weight(0.1);

// Text pieces with how much a word found there says about the subject (the title most).
function subjectParts(subject: MatchSubject): Prisma.Sql {
  if (subject.kind === "idea") {
    return Prisma.sql`
      target AS (SELECT ARRAY[i."sector"] AS "sectors", i."organizationId" AS "excludedId" FROM "Idea" i WHERE i."id" = ${subject.ideaId}::uuid),
      parts AS (
        SELECT v."part", v."weight", v."body" FROM "Idea" i,
          LATERAL (VALUES (1, 1.0::float8, i."title"), (2, 0.8::float8, i."summary"), (3, 0.5::float8, i."problem"), (4, 0.5::float8, i."solution"))
            AS v("part", "weight", "body")
        WHERE i."id" = ${subject.ideaId}::uuid)`;
  }
  return Prisma.sql`
    target AS (SELECT c."sectors", c."proposingOrganizationId" AS "excludedId" FROM "Call" c WHERE c."id" = ${subject.callId}::uuid),
    parts AS (
      SELECT v."part", v."weight", v."body" FROM "Call" c,
        LATERAL (VALUES (1, 1.0::float8, c."title"), (2, 0.8::float8, c."summary"), (3, 0.5::float8, c."problem"),
                        (4, 0.5::float8, c."objectives"), (5, 0.4::float8, c."expectedResults"))
          AS v("part", "weight", "body")
      WHERE c."id" = ${subject.callId}::uuid)`;
}

const spanish = Prisma.raw(`'pg_catalog.spanish'::regconfig`);
const vector = (text: Prisma.Sql, weight: "A" | "B" | "C") =>
  Prisma.sql`setweight(to_tsvector(${spanish}, cocrea_unaccent(coalesce(${text}, ''))), ${Prisma.raw(`'${weight}'`)})`;

/**
 * Ranks organizations for a subject. Each distinct word of the subject is stemmed in Spanish
 * (accents ignored) and weighted by where it appears (title > summary > body) and by how rare it
 * is among organizations (a word every profile has, like the city's name, tells nothing). An
 * organization's document is its offers' titles (A), its name and description (B) and its
 * offers' descriptions (C). The score adds: shared sectors; the rare shared words; ts_rank_cd of
 * the document against the OR of the subject's stems; the trigram similarity of its best offer's
 * title to the subject's text (or rare words shared with the offer); and, for relevant
 * organizations only, track record and verification. The subject's own organization is left out.
 */
export function rankOrganizationsQuery(subject: MatchSubject, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH ${subjectParts(subject)},
    subject_text AS (SELECT cocrea_unaccent(lower(string_agg(p."body", ' ' ORDER BY p."part"))) AS "body" FROM parts p),
    tokens AS (
      SELECT p."part", p."weight", d."ord", lower(d."token") AS "word"
      FROM parts p, LATERAL ts_debug(${spanish}, p."body") WITH ORDINALITY AS d("alias", "description", "token", "dictionaries", "dictionary", "lexemes", "ord")
      WHERE d."alias" IN ('asciiword', 'word', 'hword_part', 'hword_asciipart')),
    subject_terms AS (
      SELECT l."lexeme", max(t."weight") AS "weight", (array_agg(t."word" ORDER BY t."part", t."ord"))[1] AS "word"
      FROM tokens t, LATERAL unnest(tsvector_to_array(to_tsvector(${spanish}, cocrea_unaccent(t."word"))))  AS l("lexeme")
      WHERE length(l."lexeme") >= 3 AND l."lexeme" !~ '^[0-9]+$'
      GROUP BY l."lexeme"),
    subject_query AS (
      SELECT coalesce(string_agg(quote_literal(s."lexeme"), ' | '), '')::tsquery AS "query" FROM subject_terms s),
    candidates AS (
      SELECT o."id", o."sectors", o."verification",
        ${vector(Prisma.sql`string_agg(f."title", ' ')`, "A")} || ${vector(Prisma.sql`o."name" || ' ' || o."description"`, "B")}
          || ${vector(Prisma.sql`string_agg(f."description", ' ')`, "C")} AS "document"
      FROM "Organization" o LEFT JOIN "OrganizationOffer" f ON f."organizationId" = o."id"
      WHERE o."id" IS DISTINCT FROM (SELECT t."excludedId" FROM target t)
      GROUP BY o."id"),
    organization_terms AS (
      SELECT c."id", u."lexeme",
        CASE WHEN 'A' = ANY(u."weights") THEN 1.0::float8 WHEN 'B' = ANY(u."weights") THEN 0.7 ELSE 0.5 END AS "fieldWeight"
      FROM candidates c, LATERAL unnest(c."document") AS u
      WHERE u."lexeme" IN (SELECT s."lexeme" FROM subject_terms s)),
    rarity AS (
      SELECT ot."lexeme", ln(((SELECT count(*) FROM candidates) + 1)::float8 / (count(*) + 0.5)) AS "idf"
      FROM organization_terms ot GROUP BY ot."lexeme"),
    shared_words AS (
      SELECT ot."id", s."word", s."weight" * r."idf" * ot."fieldWeight" AS "strength"
      FROM organization_terms ot JOIN subject_terms s USING ("lexeme") JOIN rarity r USING ("lexeme")
      WHERE r."idf" > 0),
    words AS (
      SELECT w."id", sum(w."strength") AS "strength",
        (array_agg(w."word" ORDER BY w."strength" DESC, w."word"))[1:3] AS "words"
      FROM shared_words w GROUP BY w."id"),
    offer_words AS (
      SELECT f."id", sum(s."weight" * r."idf" * CASE WHEN 'A' = ANY(u."weights") THEN 1.0::float8 ELSE 0.5 END) AS "strength"
      FROM "OrganizationOffer" f,
        LATERAL unnest(${vector(Prisma.sql`f."title"`, "A")} || ${vector(Prisma.sql`f."description"`, "C")}) AS u
        JOIN subject_terms s ON s."lexeme" = u."lexeme" JOIN rarity r ON r."lexeme" = u."lexeme"
      WHERE f."organizationId" IN (SELECT c."id" FROM candidates c)
      GROUP BY f."id"),
    offers AS (
      SELECT f."organizationId" AS "id", f."title",
        greatest(word_similarity(cocrea_unaccent(lower(f."title")), st."body"),
                 CASE WHEN t."strength" >= ${OFFER_WORDS_STRENGTH} THEN ${OFFER_SIMILARITY} ELSE 0 END) AS "similarity"
      FROM "OrganizationOffer" f CROSS JOIN subject_text st LEFT JOIN offer_words t ON t."id" = f."id"
      WHERE f."organizationId" IN (SELECT c."id" FROM candidates c)),
    best_offers AS (
      SELECT DISTINCT ON (o."id") o."id", o."title", o."similarity" FROM offers o ORDER BY o."id", o."similarity" DESC, o."title"),
    track AS (
      SELECT x."id", count(*)::int AS "count" FROM (
        SELECT cp."organizationId" AS "id" FROM "CallParticipation" cp WHERE cp."status" = 'ACCEPTED'
        UNION ALL
        SELECT ap."organizationId" FROM "AllianceParty" ap JOIN "Alliance" a ON a."id" = ap."allianceId"
        WHERE ap."status" = 'ACCEPTED' AND a."status" IN ('ACTIVE', 'COMPLETED') AND ap."organizationId" IS NOT NULL) x
      GROUP BY x."id"),
    signals AS (
      SELECT c."id",
        ARRAY(SELECT s FROM unnest((SELECT t."sectors" FROM target t)) s WHERE s = ANY(c."sectors"))::text[] AS "sharedSectors",
        coalesce(w."strength", 0) * ${WORDS_WEIGHT} + ts_rank_cd(c."document", q."query", 1) * ${RANK_WEIGHT} AS "wordsPart",
        CASE WHEN b."similarity" >= ${OFFER_SIMILARITY} THEN b."similarity" * ${OFFER_WEIGHT} ELSE 0 END AS "offerPart",
        CASE WHEN b."similarity" >= ${OFFER_SIMILARITY} THEN b."title" END AS "offerTitle",
        coalesce(w."words", '{}') AS "words",
        coalesce(k."count", 0) AS "track", c."verification"
      FROM candidates c CROSS JOIN subject_query q
        LEFT JOIN words w ON w."id" = c."id" LEFT JOIN best_offers b ON b."id" = c."id" LEFT JOIN track k ON k."id" = c."id"),
    scored AS (
      SELECT s.*,
        cardinality(s."sharedSectors")::float8 / greatest(cardinality((SELECT t."sectors" FROM target t)), 1) * ${SECTOR_WEIGHT} AS "sectorPart"
      FROM signals s),
    relevant AS (
      SELECT s.*,
        ln(1 + s."track") * ${TRACK_WEIGHT} AS "trackPart",
        CASE WHEN s."verification" = 'VERIFIED' THEN ${VERIFIED_BONUS} ELSE 0 END AS "verifiedPart"
      FROM scored s WHERE s."sectorPart" + s."wordsPart" + s."offerPart" > 0)
    SELECT o."id", o."slug", o."name", o."kind", o."sectors"::text[] AS "sectors", o."verification",
      (r."sectorPart" + r."wordsPart" + r."offerPart" + r."trackPart" + r."verifiedPart")::float8 AS "score",
      r."sectorPart"::float8, r."wordsPart"::float8, r."offerPart"::float8, r."trackPart"::float8, r."verifiedPart"::float8,
      r."sharedSectors", r."offerTitle", r."words", r."track"
    FROM relevant r JOIN "Organization" o ON o."id" = r."id"
    ORDER BY "score" DESC, o."name", o."id"
    LIMIT ${limit}`;
}

export function rankOrganizations(db: DbClient, subject: MatchSubject, limit: number): Promise<RankedOrganization[]> {
  return queryRows<RankedOrganization>(db, rankOrganizationsQuery(subject, limit));
}
