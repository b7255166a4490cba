import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../server/audit/service";
import type { Caller } from "../../server/router";
import { ROLES, callerAs, createUser, failureOf, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

const suite = useTestServices();
let secretariat: Caller;
let secretariatId: string;

beforeAll(async () => {
  const signedIn = await callerAs(suite.services, "SECRETARIAT");
  secretariat = signedIn.caller;
  secretariatId = signedIn.user!.id;
});

describe("audit.list", () => {
  it.each([null, ...ROLES.filter((r) => r !== "SECRETARIAT")] as const)("is the Secretariat's only: %s is refused", async (role) => {
    const { caller } = await callerAs(suite.services, role);
    expect((await failureOf(caller.audit.list())).httpStatus).toBe(role === null ? 401 : 403);
  });

  it("lists decisions newest first, with the actor's name, before and after, and pages by keyset", async () => {
    const author = await createUser(suite.db, "ACADEMIA");
    const idea = await createIdeaIn(suite.db, author.id, "SUBMITTED");
    await secretariat.moderation.decide({ id: idea.id, to: "PUBLISHED" });
    await secretariat.moderation.decide({ id: idea.id, to: "IN_DEVELOPMENT", reason: "Aliado encontrado." });
    await secretariat.moderation.decide({ id: idea.id, to: "INCUBATED" });

    const first = await secretariat.audit.list({ subjectId: idea.id, limit: 2 });
    expect(first.items.map((e) => e.after)).toEqual([{ status: "INCUBATED" }, { status: "IN_DEVELOPMENT" }]);
    expect(first.items[1]).toMatchObject({
      action: "idea.transition",
      subjectType: "Idea",
      subjectId: idea.id,
      reason: "Aliado encontrado.",
      before: { status: "PUBLISHED" },
      actor: { id: secretariatId, name: expect.stringContaining("SECRETARIAT") },
    });
    const second = await secretariat.audit.list({ subjectId: idea.id, limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((e) => e.after)).toEqual([{ status: "PUBLISHED" }]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by action, actor, subject type and Bogotá calendar days", async () => {
    const other = await callerAs(suite.services, "SECRETARIAT");
    const subjectId = crypto.randomUUID();
    // 23:30 in Bogotá on 3 March is 04:30 UTC on 4 March: it belongs to the 3rd.
    await suite.db.auditEntry.create({
      data: { actorId: other.user!.id, action: "organization.verify", subjectType: "Organization", subjectId, createdAt: new Date("2026-03-04T04:30:00Z") },
    });
    await suite.db.auditEntry.create({
      data: { actorId: other.user!.id, action: "organization.verify", subjectType: "Organization", subjectId, createdAt: new Date("2026-03-05T15:00:00Z") },
    });
    const byActor = await secretariat.audit.list({ actorId: other.user!.id });
    expect(byActor.items).toHaveLength(2);
    expect((await secretariat.audit.list({ action: "organization.verify", subjectType: "Organization", from: "2026-03-03", to: "2026-03-03" })).items.map((e) => e.createdAt)).toEqual([
      new Date("2026-03-04T04:30:00Z"),
    ]);
    expect((await secretariat.audit.list({ subjectType: "Organization", from: "2026-03-04" })).items.map((e) => e.createdAt)).toEqual([
      new Date("2026-03-05T15:00:00Z"),
    ]);
    expect((await failureOf(secretariat.audit.list({ from: "03/03/2026" }))).httpStatus).toBe(400);
    expect((await failureOf(secretariat.audit.list({ cursor: "bad" }))).httpStatus).toBe(400);
  });

  it("shows the platform as actor of automatic entries, and keeps an entry whose actor's account was deleted", async () => {
    const gone = await createUser(suite.db, "SECRETARIAT", { name: "Cuenta que se irá" });
    const subjectId = crypto.randomUUID();
    await recordAudit(suite.db, { actorId: gone.id, action: "idea.transition", subjectType: "Idea", subjectId, after: { status: "ARCHIVED" } });
    await recordAudit(suite.db, { actorId: null, action: "idea.autoHide", subjectType: "Idea", subjectId, after: { status: "HIDDEN" } });
    await suite.db.user.delete({ where: { id: gone.id } });
    const { items } = await secretariat.audit.list({ subjectId });
    expect(items.map((e) => [e.action, e.actor])).toEqual([
      ["idea.autoHide", null],
      ["idea.transition", { id: gone.id, name: null }],
    ]);
  });
});

describe("the audit log is append-only in PostgreSQL itself", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, through Prisma and through a plain SQL connection", async () => {
    await recordAudit(suite.db, { actorId: null, action: "test.entry", subjectType: "Test", subjectId: "1", reason: "Original" });
    const refused = async (work: Promise<unknown>) => {
      const error = await work.then(() => null, (e: unknown) => e);
      expect(error, "the statement should have been refused").not.toBeNull();
      expect(String((error as Error).message ?? error)).toMatch(/append-only/);
    };
    await refused(suite.db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "reason" = 'Reescrito'`));
    await refused(suite.db.$executeRawUnsafe(`DELETE FROM "AuditEntry"`));
    await refused(suite.db.$executeRawUnsafe(`TRUNCATE "AuditEntry"`));
    await refused(suite.db.auditEntry.updateMany({ data: { reason: "Reescrito" } }));
    await refused(suite.db.auditEntry.deleteMany({}));

    const client = new pg.Client({ connectionString: suite.database.url });
    await client.connect();
    try {
      for (const sql of [`UPDATE "AuditEntry" SET "reason" = 'Reescrito'`, `DELETE FROM "AuditEntry" WHERE "action" = 'test.entry'`, `TRUNCATE "AuditEntry" CASCADE`]) {
        await refused(client.query(sql));
      }
    } finally {
      await client.end();
    }
    expect(await suite.db.auditEntry.findFirst({ where: { action: "test.entry" } })).toMatchObject({ reason: "Original" });
  });
});
