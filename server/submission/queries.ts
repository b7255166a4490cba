/** What submitters and the Secretariat read about submissions: one statement each. */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import { callIsOpenSql, callPhaseSql, type CallPhase } from "../call/phase";
import { Prisma, queryRows, type DbClient } from "../db/client";
import type { SubmissionStatus } from "../db/generated/enums";
import { loadCallRecord } from "../evaluation/records";
import { AppError } from "../trpc/errors";
import type { MySubmissionsInput } from "./schemas";

export interface SubmissionAnswerView {
  questionId: string;
  position: number;
  prompt: string;
  answer: string;
}

/** A submission as its submitter sees it (submission.mine, submission.submit's answer). */
export interface MySubmission {
  id: string;
  callId: string;
  callTitle: string;
  callSlug: string;
  callPhase: CallPhase;
  callClosesAt: Date;
  ideaId: string;
  ideaTitle: string;
  organizationId: string | null;
  organizationName: string | null;
  status: SubmissionStatus;
  submittedAt: Date;
  withdrawnAt: Date | null;
  /** Still SUBMITTED and the call still open (database clock). */
  canWithdraw: boolean;
  /** Only once results are published (false before, whatever the Secretariat chose). */
  isWinner: boolean;
  winnerJustification: string | null;
  answers: SubmissionAnswerView[];
}

export const answersJson = (submission: string) => Prisma.sql`COALESCE((
  SELECT json_agg(json_build_object('questionId', q."id", 'position', q."position", 'prompt', q."prompt", 'answer', a."answer") ORDER BY q."position")
    FROM "SubmissionAnswer" a JOIN "CallQuestion" q ON q."id" = a."questionId"
   WHERE a."submissionId" = ${Prisma.raw(`"${submission}"`)}."id"), '[]'::json)`;

const published = Prisma.sql`c."status" IN ('RESULTS_PUBLISHED', 'CLOSED')`;

export function mySubmissionsQuery(userId: string, filter: { callId?: string; submissionId?: string; includeWithdrawn: boolean }) {
  return Prisma.sql`
    SELECT s."id", s."callId", c."title" AS "callTitle", c."slug" AS "callSlug", ${callPhaseSql("c")} AS "callPhase",
           c."closesAt" AS "callClosesAt", s."ideaId", i."title" AS "ideaTitle", s."organizationId", o."name" AS "organizationName",
           s."status", s."submittedAt", s."withdrawnAt",
           (s."status" = 'SUBMITTED' AND ${callIsOpenSql("c")}) AS "canWithdraw",
           (${published} AND s."isWinner") AS "isWinner",
           CASE WHEN ${published} AND s."isWinner" THEN s."winnerJustification" END AS "winnerJustification",
           ${answersJson("s")} AS "answers"
      FROM "CallSubmission" s
      JOIN "Call" c ON c."id" = s."callId"
      JOIN "Idea" i ON i."id" = s."ideaId"
      LEFT JOIN "Organization" o ON o."id" = s."organizationId"
     WHERE s."submitterId" = ${userId}::uuid
       ${filter.callId ? Prisma.sql`AND s."callId" = ${filter.callId}::uuid` : Prisma.empty}
       ${filter.submissionId ? Prisma.sql`AND s."id" = ${filter.submissionId}::uuid` : Prisma.empty}
       ${filter.includeWithdrawn ? Prisma.empty : Prisma.sql`AND s."status" = 'SUBMITTED'`}
     ORDER BY s."submittedAt" DESC, s."id" DESC
     LIMIT 200`;
}

/** The caller's submissions (newest first), with their call's title, address and phase. */
export async function mySubmissions(db: DbClient, userId: string, input: MySubmissionsInput): Promise<MySubmission[]> {
  return queryRows<MySubmission>(db, mySubmissionsQuery(userId, input));
}

export interface CallSubmissionRow {
  id: string;
  ideaId: string;
  ideaTitle: string;
  submitterId: string;
  submitterName: string;
  organizationId: string | null;
  organizationName: string | null;
  status: SubmissionStatus;
  submittedAt: Date;
  withdrawnAt: Date | null;
  isWinner: boolean;
  winnerJustification: string | null;
  answers: SubmissionAnswerView[];
}

export type CallSubmissionsView =
  | { visibility: "full"; callId: string; submitted: number; withdrawn: number; items: CallSubmissionRow[] }
  | { visibility: "count"; callId: string; submitted: number; withdrawn: number; items: null };

/**
 * A call's submissions. The Secretariat sees every one (withdrawn ones too) with its author, idea,
 * organization and answers; owners of the proposing organization see only how many there are
 * (who competes is not theirs to know before the results). Others: 404 for calls they cannot
 * see, 403 otherwise.
 */
export async function callSubmissions(db: DbClient, actor: Actor, callId: string): Promise<CallSubmissionsView> {
  const call = await loadCallRecord(db, callId);
  if (!call) throw new AppError("NOT_FOUND", "submission.callNotFound");
  if (!can(actor, "submission.listForCall", call)) {
    // Whoever may see the call (it is public, or they judge it) learns it is not theirs to list.
    if (can(actor, "evaluation.rubric", call)) throw new AppError("FORBIDDEN", "auth.forbidden");
    throw new AppError("NOT_FOUND", "submission.callNotFound");
  }
  const [counts] = await queryRows<{ submitted: number; withdrawn: number }>(
    db,
    Prisma.sql`
      SELECT count(*) FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted", count(*) FILTER (WHERE s."status" = 'WITHDRAWN')::int AS "withdrawn"
        FROM "CallSubmission" s WHERE s."callId" = ${callId}::uuid`,
  );
  const { submitted, withdrawn } = counts!;
  if (!can(actor, "evaluation.manage", null)) return { visibility: "count", callId, submitted, withdrawn, items: null };
  const items = await queryRows<CallSubmissionRow>(
    db,
    Prisma.sql`
      SELECT s."id", s."ideaId", i."title" AS "ideaTitle", s."submitterId", u."name" AS "submitterName",
             s."organizationId", o."name" AS "organizationName", s."status", s."submittedAt", s."withdrawnAt",
             s."isWinner", s."winnerJustification", ${answersJson("s")} AS "answers"
        FROM "CallSubmission" s
        JOIN "Idea" i ON i."id" = s."ideaId"
        JOIN "User" u ON u."id" = s."submitterId"
        LEFT JOIN "Organization" o ON o."id" = s."organizationId"
       WHERE s."callId" = ${callId}::uuid
       ORDER BY s."status", s."submittedAt", s."id"`,
  );
  return { visibility: "full", callId, submitted, withdrawn, items };
}
