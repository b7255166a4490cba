/** Participation indicators: their definitions and the one statement that computes them. Sector does not apply; counts only. */
import { Prisma, queryRows } from "../db/client";
import { OrganizationKind } from "../db/generated/enums";
import { translate, type MessageKey } from "../i18n/messages";
import { byEnum, monthlySeries } from "./range";
import type { IndicatorFamilyModule } from "./types";

interface ParticipationRow {
  entrepreneurs: number;
  entrepreneursByMonth: { period: string; value: number }[] | null;
  organizations: number;
  orgsByKind: { key: string; value: number }[] | null;
}

export const participationFamily: IndicatorFamilyModule = {
  family: "participation",
  definitions: [
    { key: "participation.activeEntrepreneurs", family: "participation", unit: "count", bySector: false },
    { key: "participation.organizationsByKind", family: "participation", unit: "count", bySector: false },
  ],
  async compute(db, range, locale) {
    const { start, end } = range;
    // An entrepreneur acted when they submitted an idea, supported one, commented or booked a space.
    const [row] = await queryRows<{ doc: ParticipationRow }>(
      db,
      Prisma.sql`
      WITH acts AS (
        SELECT e."actorId" AS "userId", e."createdAt" AS "at" FROM "IdeaEvent" e
         WHERE e."kind" = 'TRANSITION' AND e."toStatus" = 'SUBMITTED' AND e."createdAt" >= ${start} AND e."createdAt" < ${end}
        UNION ALL
        SELECT s."userId", s."createdAt" FROM "IdeaSupport" s WHERE s."createdAt" >= ${start} AND s."createdAt" < ${end}
        UNION ALL
        SELECT c."authorId", c."createdAt" FROM "Comment" c WHERE c."createdAt" >= ${start} AND c."createdAt" < ${end}
        UNION ALL
        SELECT b."userId", b."createdAt" FROM "Booking" b WHERE b."createdAt" >= ${start} AND b."createdAt" < ${end}
      ),
      active AS (SELECT a.* FROM acts a JOIN "User" u ON u."id" = a."userId" WHERE u."role" = 'ENTREPRENEUR')
      SELECT json_build_object(
        'entrepreneurs', (SELECT count(DISTINCT "userId") FROM active),
        'entrepreneursByMonth', (SELECT json_agg(json_build_object('period', m."period", 'value', m."value")) FROM (
           SELECT to_char("at" AT TIME ZONE 'America/Bogota', 'YYYY-MM') AS "period", count(DISTINCT "userId") AS "value" FROM active GROUP BY 1) m),
        'organizations', (SELECT count(*) FROM "Organization" WHERE "createdAt" < ${end}),
        'orgsByKind', (SELECT json_agg(json_build_object('key', g."kind", 'value', g."value")) FROM (
           SELECT "kind", count(*) AS "value" FROM "Organization" WHERE "createdAt" < ${end} GROUP BY 1) g)
      ) AS "doc"`,
    );
    const doc = row!.doc;
    return {
      "participation.activeEntrepreneurs": { value: Number(doc.entrepreneurs), series: monthlySeries(range, doc.entrepreneursByMonth) },
      "participation.organizationsByKind": {
        value: Number(doc.organizations),
        breakdown: byEnum(Object.values(OrganizationKind), doc.orgsByKind, (key) => translate(locale, `orgKind.${key}` as MessageKey)),
      },
    };
  },
};
