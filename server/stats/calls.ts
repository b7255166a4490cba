/** Calls indicators: their definitions and the one statement that computes them. */
import { Prisma, queryRows } from "../db/client";
import { CallParticipationRole, OrganizationKind } from "../db/generated/enums";
import { translate, type MessageKey } from "../i18n/messages";
import { byEnum, capitalized } from "./range";
import type { IndicatorFamilyModule } from "./types";

interface CallsRow {
  open: number;
  closed: number;
  submissions: { key: string; label: string; value: number }[] | null;
  orgsByKind: { key: string; value: number }[] | null;
  organizations: number;
  byRole: { key: string; value: number }[] | null;
}

export const callsFamily: IndicatorFamilyModule = {
  family: "calls",
  definitions: [
    { key: "calls.open", family: "calls", unit: "count", bySector: true },
    { key: "calls.closed", family: "calls", unit: "count", bySector: true },
    { key: "calls.submissions", family: "calls", unit: "count", bySector: true },
    { key: "calls.organizationsByKind", family: "calls", unit: "count", bySector: true },
    { key: "calls.participationsByRole", family: "calls", unit: "count", bySector: true },
  ],
  async compute(db, range, locale) {
    const { start, end } = range;
    const sector = range.filters.sector ? Prisma.sql`AND ${range.filters.sector}::"Sector" = ANY(c."sectors")` : Prisma.empty;
    // Calls that were ever public (approved); "open in the range": their submission window overlaps it.
    const [row] = await queryRows<{ doc: CallsRow }>(
      db,
      Prisma.sql`
      WITH scope AS (
        SELECT c."id", c."title", c."opensAt", c."closesAt",
               (c."opensAt" < ${end} AND c."closesAt" > ${start}) AS "openInRange"
          FROM "Call" c
         WHERE c."status" IN ('APPROVED', 'RESULTS_PUBLISHED', 'CLOSED') ${sector}
      ),
      accepted AS (
        SELECT p."organizationId", p."role", o."kind"
          FROM "CallParticipation" p
          JOIN scope s ON s."id" = p."callId" AND s."openInRange"
          JOIN "Organization" o ON o."id" = p."organizationId"
         WHERE p."status" = 'ACCEPTED'
      )
      SELECT json_build_object(
        'open', (SELECT count(*) FROM scope WHERE "openInRange"),
        'closed', (SELECT count(*) FROM scope WHERE "closesAt" >= ${start} AND "closesAt" < ${end} AND "closesAt" <= cocrea_now()),
        'submissions', (SELECT json_agg(json_build_object('key', g."id", 'label', g."title", 'value', g."value") ORDER BY g."value" DESC, g."title") FROM (
           SELECT s."id", s."title", count(*) AS "value"
             FROM "CallSubmission" cs JOIN scope s ON s."id" = cs."callId"
            WHERE cs."status" = 'SUBMITTED' AND cs."submittedAt" >= ${start} AND cs."submittedAt" < ${end}
            GROUP BY s."id", s."title") g),
        'organizations', (SELECT count(DISTINCT "organizationId") FROM accepted),
        'orgsByKind', (SELECT json_agg(json_build_object('key', g."kind", 'value', g."value")) FROM (
           SELECT "kind", count(DISTINCT "organizationId") AS "value" FROM accepted GROUP BY 1) g),
        'byRole', (SELECT json_agg(json_build_object('key', g."role", 'value', g."value")) FROM (
           SELECT "role", count(*) AS "value" FROM accepted GROUP BY 1) g)
      ) AS "doc"`,
    );
    const doc = row!.doc;
    const submissions = (doc.submissions ?? []).map((s) => ({ key: s.key, label: s.label, value: Number(s.value) }));
    const byRole = byEnum(Object.values(CallParticipationRole), doc.byRole, (key) => capitalized(translate(locale, `callRole.${key}` as MessageKey)));
    return {
      "calls.open": { value: Number(doc.open) },
      "calls.closed": { value: Number(doc.closed) },
      "calls.submissions": { value: submissions.reduce((sum, s) => sum + s.value, 0), breakdown: submissions },
      "calls.organizationsByKind": {
        value: Number(doc.organizations),
        breakdown: byEnum(Object.values(OrganizationKind), doc.orgsByKind, (key) => translate(locale, `orgKind.${key}` as MessageKey)),
      },
      "calls.participationsByRole": { value: byRole.reduce((sum, r) => sum + r.value, 0), breakdown: byRole },
    };
  },
};
