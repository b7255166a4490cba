/**
 * Demo follows and notifications: authors and co-authors follow their ideas, two demo accounts
 * follow some published ideas, and each demo login finds a few notifications (one already read).
 * Written straight to the tables, dated in the past, with no outbox rows: the demo mails nobody.
 */
import { Prisma, type Db } from "../db/client";
import type { NotificationKind } from "../db/generated/enums";

const HOUR = 60 * 60 * 1000;

export async function seedDemoNotifications(db: Db, users: ReadonlyMap<string, string>): Promise<void> {
  await db.$executeRaw(Prisma.sql`INSERT INTO "IdeaFollow" ("ideaId", "userId") SELECT "id", "authorId" FROM "Idea" ON CONFLICT DO NOTHING`);
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "IdeaFollow" ("ideaId", "userId") SELECT "ideaId", "userId" FROM "IdeaCoauthor" WHERE "status" = 'ACCEPTED' ON CONFLICT DO NOTHING`);
  const entrepreneur = users.get("emprendedora@cocrea.demo")!;
  const academia = users.get("academia@cocrea.demo")!;
  const company = users.get("empresa@cocrea.demo")!;
  const secretariat = users.get("secretaria@cocrea.demo")!;
  // Once: a second run (every start in development) adds nothing.
  if ((await db.notification.count({ where: { recipientId: { in: [entrepreneur, academia, company] } } })) > 0) return;

  const ideas = await db.idea.findMany({
    where: { authorId: entrepreneur, status: { in: ["PUBLISHED", "IN_DEVELOPMENT", "INCUBATED"] } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, status: true },
    take: 3,
  });
  if (ideas.length === 0) return;
  for (const idea of ideas.slice(0, 2)) {
    await db.ideaFollow.createMany({ data: [academia, company].map((userId) => ({ ideaId: idea.id, userId })), skipDuplicates: true });
  }
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR);
  const notification = (recipientId: string, kind: NotificationKind, ideaId: string, hoursAgo: number, data: object, read = false) => ({
    recipientId,
    kind,
    ideaId,
    actorId: secretariat,
    data: data as Prisma.InputJsonValue,
    createdAt: at(hoursAgo),
    readAt: read ? at(hoursAgo - 1) : null,
  });
  const [first, second = first!] = ideas;
  await db.notification.createMany({
    data: [
      notification(entrepreneur, "MODERATION_DECISION", first!.id, 30, { from: "SUBMITTED", to: "PUBLISHED" }, true),
      notification(entrepreneur, "MODERATION_DECISION", second.id, 5, { from: "SUBMITTED", to: "PUBLISHED" }),
      notification(academia, "IDEA_STATUS_CHANGED", first!.id, 30, { from: "SUBMITTED", to: "PUBLISHED" }),
      notification(company, "IDEA_STATUS_CHANGED", second.id, 5, { from: "SUBMITTED", to: "PUBLISHED" }),
      { ...notification(company, "IDEA_COMMENT", first!.id, 2, { excerpt: "¿Ya tienen aliados para el piloto? Nuestra empresa puede apoyar." }), actorId: academia },
    ],
  });
}
