/**
 * The email worker against a local SMTP server: a refused delivery is retried with backoff and
 * then sent exactly once; a worker stopped mid-queue and started again loses nothing and sends
 * nothing twice; without SMTP the emails become .eml files; unsubscribe links are signed.
 */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv, type Env } from "../../server/config";
import { notifyIdeaFollowers } from "../../server/notification/notify";
import { queueDailyDigests } from "../../server/notification/digest";
import { appSecret, readUnsubscribeToken, unsubscribeToken } from "../../server/notification/unsubscribe";
import { startNotificationWorker, type NotificationWorker } from "../../server/notification/worker";
import { quietLogger } from "../../server/jobs/logger";
import { callerFor, createUser, failureOf, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";
import { startFakeSmtp, type FakeSmtp } from "./fake-smtp";

const suite = useTestServices();
let smtp: FakeSmtp;
const workers: NotificationWorker[] = [];

beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await smtp?.close();
});

async function envWith(extra: Record<string, string>): Promise<Env> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cocrea-mail-"));
  return loadEnv({ NODE_ENV: "test", DATA_DIR: dataDir, WORKER_POLL_INTERVAL_MS: "100", APP_SECRET: "x".repeat(40), ...extra });
}

async function startWorker(env: Env, concurrency = 2) {
  // The refused delivery is expected: its log line would only be noise here.
  const worker = await startNotificationWorker({ connectionString: suite.database.url, db: suite.db, env, concurrency, logger: quietLogger(() => {}) });
  workers.push(worker);
  return worker;
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `count` followers of a new published idea, each with one notification (and one outbox row). */
async function notifications(count: number, locale = "es") {
  const author = await createUser(suite.db, "ACADEMIA");
  const idea = await createIdeaIn(suite.db, author.id, "PUBLISHED", { title: "Mercado campesino <los jueves>" });
  const followers = [];
  for (let i = 0; i < count; i++) {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    await suite.db.user.update({ where: { id: user.id }, data: { locale } });
    await suite.db.ideaFollow.create({ data: { ideaId: idea.id, userId: user.id } });
    followers.push(user);
  }
  await suite.db.$transaction((tx) =>
    notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: author.id, data: { excerpt: "Me encanta" } }),
  );
  const rows = await suite.db.emailOutbox.findMany({ where: { userId: { in: followers.map((f) => f.id) } } });
  return { idea, followers, outboxIds: rows.map((r) => r.id) };
}

/** The message as a person reads it: headers unfolded, encoded words and quoted-printable decoded. */
function readable(raw: string): string {
  const qp = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
  return raw
    .replace(/\r\n/g, "\n")
    .replace(/\?=\n[ \t]+=\?/g, "?==?")
    .replace(/\n[ \t]+/g, " ")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/g, (_, text: string) => qp(text.replace(/_/g, " ")))
    .replace(/=\n/g, "")
    .replace(/(?:=[0-9A-F]{2})+/g, (run) => qp(run));
}

const statusOf = async (ids: string[]) => suite.db.emailOutbox.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true } });

describe("the email worker", () => {
  it("retries a delivery the SMTP server refused, then sends it exactly once", async () => {
    const { outboxIds, followers } = await notifications(1);
    smtp.failNext(1);
    const before = smtp.received.length;
    const worker = await startWorker(await envWith({ SMTP_URL: smtp.url }));
    await waitFor(async () => (await statusOf(outboxIds))[0]?.status === "SENT");
    await worker.stop();
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([followers[0]!.email]);
    expect(await statusOf(outboxIds)).toEqual([{ status: "SENT", attempts: 2 }]);
    const raw = readable(mails[0]!.raw);
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/baja\/[\w.-]+>/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    // Names and titles are escaped in the HTML part.
    expect(raw).toContain("&lt;los jueves&gt;");
  }, 30_000);

  it("stopped mid-queue and started again, loses nothing and sends nothing twice", async () => {
    const { outboxIds } = await notifications(6);
    smtp.delayMs = 150;
    const before = smtp.received.length;
    const env = await envWith({ SMTP_URL: smtp.url });
    const first = await startWorker(env, 1);
    await waitFor(() => smtp.received.length - before >= 2);
    await first.stop();
    const sentByFirst = smtp.received.length - before;
    expect(sentByFirst).toBeLessThan(6);
    const second = await startWorker(env, 2);
    await waitFor(async () => (await statusOf(outboxIds)).every((r) => r.status === "SENT"));
    await second.stop();
    smtp.delayMs = 0;
    const ids = smtp.received.slice(before).map((m) => m.messageId);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  }, 30_000);

  it("without SMTP writes each email as an .eml file under <DATA_DIR>/mail, in the recipient's language", async () => {
    const { outboxIds } = await notifications(1, "en");
    const env = await envWith({});
    const worker = await startWorker(env);
    await waitFor(async () => (await statusOf(outboxIds))[0]?.status === "SENT");
    await worker.stop();
    const dir = path.join(env.DATA_DIR, "mail");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(1);
    const eml = readable(await readFile(path.join(dir, files[0]!), "utf8"));
    expect(eml).toMatch(/^Subject: New comment on “Mercado campesino <los jueves>”$/m);
    expect(eml).toContain("commented on the idea “Mercado campesino <los jueves>”, which you follow.");
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(eml).toMatch(/text\/plain/);
  }, 30_000);
});

describe("the daily digest", () => {
  it("mails each person who chose it one email with all their waiting notifications", async () => {
    const { followers, idea } = await notifications(1);
    const [person] = followers;
    await suite.db.notificationPreference.create({ data: { userId: person!.id, kind: "IDEA_COMMENT", delivery: "DAILY" } });
    for (let i = 0; i < 2; i++) {
      await suite.db.$transaction((tx) => notifyIdeaFollowers(tx, { ideaId: idea.id, kind: "IDEA_COMMENT", actorId: null, data: { excerpt: `Comentario ${i}` } }));
    }
    const before = smtp.received.length;
    expect(await queueDailyDigests(suite.db, new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
    const worker = await startWorker(await envWith({ SMTP_URL: smtp.url }));
    // (The notification `notifications()` wrote before the preference changed is mailed on its own.)
    const digestsOf = () => smtp.received.slice(before).filter((m) => m.to.includes(person!.email)).map((m) => readable(m.raw)).filter((raw) => raw.includes("resumen diario"));
    await waitFor(() => digestsOf().length > 0);
    await worker.stop();
    const digests = digestsOf();
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatch(/^Subject: Tu resumen diario de Cocrea: 2 novedades$/m);
    expect(digests[0]).toContain("«Comentario 0»");
    expect(digests[0]).toContain("«Comentario 1»");
    expect(digests[0]).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/baja\/[\w.-]+>$/m);
  }, 30_000);
});

describe("unsubscribe links", () => {
  it("stop that kind of email for that person, without signing in; an altered token is refused", async () => {
    const user = await createUser(suite.db, "ENTREPRENEUR");
    const secret = appSecret(suite.services.env);
    const token = unsubscribeToken(secret, user.id, "IDEA_COMMENT");
    expect(readUnsubscribeToken(secret, token)).toEqual({ userId: user.id, scope: "IDEA_COMMENT" });
    const other = await createUser(suite.db, "ENTREPRENEUR");
    const [payload, signature] = token.split(".");
    const forged = [
      `${Buffer.from(`${other.id}.IDEA_COMMENT`).toString("base64url")}.${signature}`,
      `${Buffer.from(`${user.id}.REPORT_OUTCOME`).toString("base64url")}.${signature}`,
      `${payload}.${signature!.slice(0, -2)}AA`,
      unsubscribeToken("otro-secreto-de-al-menos-32-caracteres!!", user.id, "IDEA_COMMENT"),
    ];
    const { caller } = await callerFor(suite.services);
    for (const bad of forged) {
      expect(readUnsubscribeToken(secret, bad)).toBeNull();
      expect((await failureOf(caller.preferences.unsubscribe({ token: bad }))).httpStatus).toBe(404);
    }
    expect(await caller.preferences.unsubscribeInfo({ token })).toEqual({ scope: "IDEA_COMMENT" });
    await caller.preferences.unsubscribe({ token });
    const prefs = await suite.db.notificationPreference.findMany({ where: { userId: { in: [user.id, other.id] } } });
    expect(prefs).toEqual([{ userId: user.id, kind: "IDEA_COMMENT", delivery: "NONE" }]);
  });
});
