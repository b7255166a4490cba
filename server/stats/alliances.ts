/** Alliances indicators: their definitions and the one statement that computes them. Sector does not apply. */
import { Prisma, queryRows } from "../db/client";
import { translate } from "../i18n/messages";
import type { IndicatorFamilyModule } from "./types";

interface AlliancesRow {
  active: number;
  tripleHelix: number;
  mentoringHours: number | null;
  fundingCop: number | null;
}

export const alliancesFamily: IndicatorFamilyModule = {
  family: "alliances",
  definitions: [
    { key: "alliances.active", family: "alliances", unit: "count", bySector: false },
    { key: "alliances.tripleHelix", family: "alliances", unit: "count", bySector: false },
    { key: "alliances.mentoringHours", family: "alliances", unit: "hours", bySector: false },
    { key: "alliances.fundingCop", family: "alliances", unit: "cop", bySector: false },
  ],
  async compute(db, range, locale) {
    const { start, end } = range;
    // Active in the range: activated before its end and not closed before its start. Amounts only
    // where the party allowed publishing them, and only in alliances still active or completed.
    const [row] = await queryRows<{ doc: AlliancesRow }>(
      db,
      Prisma.sql`
      WITH scope AS (
        SELECT a."id", a."status", a."tripleHelix"
          FROM "Alliance" a
         WHERE a."activatedAt" IS NOT NULL AND a."activatedAt" < ${end} AND (a."closedAt" IS NULL OR a."closedAt" >= ${start})
      ),
      published AS (
        SELECT c."kind", c."quantity"
          FROM "Commitment" c JOIN scope s ON s."id" = c."allianceId"
         WHERE c."publishAmount" AND s."status" IN ('ACTIVE', 'COMPLETED')
      )
      SELECT json_build_object(
        'active', (SELECT count(*) FROM scope),
        'tripleHelix', (SELECT count(*) FROM scope WHERE "tripleHelix"),
        'mentoringHours', (SELECT sum("quantity") FROM published WHERE "kind" = 'MENTORING_HOURS'),
        'fundingCop', (SELECT sum("quantity") FROM published WHERE "kind" = 'FUNDING_COP')
      ) AS "doc"`,
    );
    const doc = row!.doc;
    const active = Number(doc.active);
    const tripleHelix = Number(doc.tripleHelix);
    return {
      "alliances.active": { value: active },
      "alliances.tripleHelix": {
        value: tripleHelix,
        breakdown: [
          { key: "tripleHelix", label: translate(locale, "stats.composition.tripleHelix"), value: tripleHelix },
          { key: "other", label: translate(locale, "stats.composition.other"), value: active - tripleHelix },
        ],
      },
      "alliances.mentoringHours": { value: Number(doc.mentoringHours ?? 0) },
      "alliances.fundingCop": { value: Number(doc.fundingCop ?? 0) },
    };
  },
};
