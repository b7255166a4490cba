/**
 * Mailing one outbox row, at most once. The row is claimed (PENDING → SENDING) by one atomic
 * UPDATE before anything is sent, and marked SENT after: a second job for the same row, a retry
 * after success or a worker restarted mid-queue finds it claimed or sent and sends nothing. A
 * failed send puts it back to PENDING and throws, so graphile-worker retries with backoff; the
 * last failure leaves it FAILED. Only a crash between the SMTP server's "accepted" and the SENT
 * mark (the process killed in that instant) leaves a row SENDING: it is taken again after
 * STALE_CLAIM, with the same Message-ID (docs/decisions/016-notifications-and-email.md).
 */
import type { Env } from "../config";
import { Prisma, queryRows, type Db } from "../db/client";
import { renderDigestEmail, renderNotificationEmail, type MailContent, type NotificationFacts } from "./email/render";
import type { MailTransport } from "./email/transport";
import { appSecret, unsubscribeToken } from "./unsubscribe";

export const STALE_CLAIM_MINUTES = 30;

export interface DeliveryDeps {
  db: Db;
  env: Env;
  transport: MailTransport;
}

interface ClaimedRow {
  id: string;
  notificationId: string | null;
  digestOf: string[];
  userId: string;
  toEmail: string;
  locale: string;
}

/** The site's address in links: PUBLIC_URL, or this machine's port. */
export function publicBaseUrl(env: Pick<Env, "PUBLIC_URL" | "PORT">): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

async function claim(db: Db, outboxId: string): Promise<ClaimedRow | null> {
  const [row] = await queryRows<ClaimedRow>(
    db,
    Prisma.sql`
      UPDATE "EmailOutbox"
         SET "status" = 'SENDING', "attempts" = "attempts" + 1, "claimedAt" = now()
       WHERE "id" = ${outboxId}::uuid
         AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "claimedAt" < now() - make_interval(mins => ${STALE_CLAIM_MINUTES})))
      RETURNING "id", "notificationId", "digestOf", "userId", "toEmail", "locale"`,
  );
  return row ?? null;
}

async function facts(db: Db, ids: string[]): Promise<NotificationFacts[]> {
  if (ids.length === 0) return [];
  return queryRows<NotificationFacts>(
    db,
    Prisma.sql`
      SELECT n."kind", n."ideaId", i."title" AS "ideaTitle", c."title" AS "callTitle", c."slug" AS "callSlug", n."bookingId", n."allianceId",
             n."actorId", a."name" AS "actorName", n."data"
        FROM "Notification" n
        LEFT JOIN "Idea" i ON i."id" = n."ideaId"
        LEFT JOIN "Call" c ON c."id" = n."callId"
        LEFT JOIN "User" a ON a."id" = n."actorId"
       WHERE n."id" = ANY(${ids}::uuid[])
       ORDER BY n."createdAt", n."id"`,
  );
}

async function compose(deps: DeliveryDeps, row: ClaimedRow): Promise<{ content: MailContent; unsubscribeUrl: string } | null> {
  const baseUrl = publicBaseUrl(deps.env);
  const recipient = await deps.db.user.findUnique({ where: { id: row.userId }, select: { name: true } });
  if (!recipient) return null;
  const items = await facts(deps.db, row.notificationId ? [row.notificationId] : row.digestOf);
  const first = items[0];
  if (!first) return null;
  const scope = row.notificationId ? first.kind : "DIGEST";
  const unsubscribeUrl = `${baseUrl}/baja/${unsubscribeToken(appSecret(deps.env), row.userId, scope)}`;
  const links = { baseUrl, unsubscribeUrl };
  const content = row.notificationId
    ? renderNotificationEmail(row.locale, recipient.name, first, links)
    : renderDigestEmail(row.locale, recipient.name, items, links);
  return { content, unsubscribeUrl };
}

export type DeliveryResult = "sent" | "skipped" | "nothingToSend";

/**
 * The deliver-email job. `lastAttempt`: graphile-worker will not retry after this one, so a
 * failure marks the row FAILED instead of PENDING.
 */
export async function deliverEmail(deps: DeliveryDeps, outboxId: string, options: { lastAttempt?: boolean } = {}): Promise<DeliveryResult> {
  const row = await claim(deps.db, outboxId);
  if (!row) return "skipped";
  try {
    const mail = await compose(deps, row);
    if (!mail) {
      // The notification or the person is gone (deleted with the idea or the account).
      await deps.db.emailOutbox.update({ where: { id: row.id }, data: { status: "FAILED", lastError: "nothing to send" } });
      return "nothingToSend";
    }
    await deps.transport.send({
      to: row.toEmail,
      ...mail.content,
      messageId: `<${row.id}@cocrea.mail>`,
      headers: {
        "List-Unsubscribe": `<${mail.unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.emailOutbox.update({
      where: { id: row.id },
      data: { status: options.lastAttempt ? "FAILED" : "PENDING", lastError: message.slice(0, 2000), claimedAt: null },
    });
    throw error;
  }
  await deps.db.emailOutbox.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
  return "sent";
}
