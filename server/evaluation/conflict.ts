import { Prisma } from "../db/client";

/** The people who answer for a submission: its submitter, its idea's author and the idea's accepted co-authors. */
function answerersSql(s: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT ${s}."submitterId"
    UNION SELECT ci."authorId" FROM "Idea" ci WHERE ci."id" = ${s}."ideaId"
    UNION SELECT cc."userId" FROM "IdeaCoauthor" cc WHERE cc."ideaId" = ${s}."ideaId" AND cc."status" = 'ACCEPTED')`;
}

/**
 * SQL condition: the juror (`juror`, an SQL uuid expression) has a conflict of interest with the
 * submission aliased `alias`. A conflict is: the juror is one of the people who answer for it
 * (submitter, author, accepted co-author), belongs to the organization it was submitted on
 * behalf of, or shares any organization membership with one of those people. Such a juror never
 * sees the submission in their queue and cannot score it; the Secretariat sees the pair listed.
 */
export function conflictOfInterestSql(juror: Prisma.Sql, alias: string): Prisma.Sql {
  const s = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(
    ${juror} IN ${answerersSql(s)}
    OR EXISTS (SELECT 1 FROM "Membership" om WHERE om."organizationId" = ${s}."organizationId" AND om."userId" = ${juror})
    OR EXISTS (
      SELECT 1 FROM "Membership" jm JOIN "Membership" am ON am."organizationId" = jm."organizationId"
       WHERE jm."userId" = ${juror} AND am."userId" IN ${answerersSql(s)}))`;
}

/** The organizations behind a conflict (names), for the Secretariat's list; empty when the juror answers for the submission. */
export function conflictOrganizationsSql(juror: Prisma.Sql, alias: string): Prisma.Sql {
  const s = Prisma.raw(`"${alias}"`);
  return Prisma.sql`ARRAY(
    SELECT DISTINCT o."name" FROM "Membership" jm JOIN "Organization" o ON o."id" = jm."organizationId"
     WHERE jm."userId" = ${juror}
       AND (jm."organizationId" = ${s}."organizationId"
            OR EXISTS (SELECT 1 FROM "Membership" am WHERE am."organizationId" = jm."organizationId" AND am."userId" IN ${answerersSql(s)}))
     ORDER BY o."name")`;
}

export { answerersSql };
