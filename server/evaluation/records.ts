/** Calls and submissions as the authorization rules see them (server/authz/policy.ts), one statement each. */
import type { EvaluatedCallRecord, SubmissionRecord } from "../authz/policy";
import { Prisma, queryRows, type DbClient } from "../db/client";

export interface LoadedCall extends EvaluatedCallRecord {
  id: string;
}

export interface LoadedSubmission extends SubmissionRecord {
  id: string;
  callId: string;
  call: LoadedCall;
}

const callRecordColumns = Prisma.sql`
  c."id", c."status", c."eligibleRoles"::text[] AS "eligibleRoles", c."proposingOrganizationId",
  ARRAY(SELECT j."userId" FROM "CallJuror" j WHERE j."callId" = c."id") AS "jurorIds"`;

export async function loadCallRecord(db: DbClient, callId: string): Promise<LoadedCall | null> {
  const [row] = await queryRows<LoadedCall>(db, Prisma.sql`SELECT ${callRecordColumns} FROM "Call" c WHERE c."id" = ${callId}::uuid`);
  return row ?? null;
}

export async function loadSubmissionRecord(db: DbClient, submissionId: string): Promise<LoadedSubmission | null> {
  const [row] = await queryRows<{ id: string; callId: string; submitterId: string; call: LoadedCall }>(
    db,
    Prisma.sql`
      SELECT s."id", s."callId", s."submitterId",
             (SELECT row_to_json(x) FROM (SELECT ${callRecordColumns} FROM "Call" c WHERE c."id" = s."callId") x) AS "call"
        FROM "CallSubmission" s WHERE s."id" = ${submissionId}::uuid`,
  );
  return row ?? null;
}
