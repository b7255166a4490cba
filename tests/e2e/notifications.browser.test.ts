/**
 * Follows and notifications in a real Chromium against the real server: a person follows an idea
 * (with JavaScript; another one without), the Secretariat changes its state, and both see the
 * notification and the header's count, and mark them read.
 */
import type { BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Role } from "../../server/db/generated/enums";
import { createUser } from "../support/callers";
import { createIdeaIn } from "../support/ideas";
import { useBrowserSuite, waitForHydration, signedIn as signedInAs } from "./browser-suite";

const TEST_MS = 120_000;
const suite = useBrowserSuite();

const signedIn = (role: Role, options: BrowserContextOptions = {}) => signedInAs(suite, role, options);

describe("follows and notifications in a real browser", () => {
  it(
    "a follower sees the Secretariat's decision in /notificaciones and in the header's count, and marks it read",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "ACADEMIA");
      const idea = await createIdeaIn(db, author.id, "PUBLISHED", { title: "Biblioteca flotante en la ciénaga San Silvestre" });

      // With JavaScript.
      const follower = await signedIn("ENTREPRENEUR");
      await follower.page.goto(suite.url(`/ideas/${idea.id}`));
      await waitForHydration(follower.page);
      await follower.page.getByRole("button", { name: "Seguir esta idea" }).click();
      await follower.page.getByRole("button", { name: "Dejar de seguir" }).waitFor();
      // Without JavaScript: the same form, a full page load.
      const plain = await signedIn("COMPANY", { javaScriptEnabled: false });
      await plain.page.goto(suite.url(`/ideas/${idea.id}`));
      await plain.page.getByRole("button", { name: "Seguir esta idea" }).click();
      await plain.page.getByRole("button", { name: "Dejar de seguir" }).waitFor();
      expect(await db.ideaFollow.count({ where: { ideaId: idea.id } })).toBe(2);

      // The Secretariat moves the idea from its page.
      const secretariat = await signedIn("SECRETARIAT", { javaScriptEnabled: false });
      await secretariat.page.goto(suite.url(`/moderacion/ideas/${idea.id}`));
      await secretariat.page.getByRole("radio", { name: "Marcar en desarrollo" }).check();
      const reason = secretariat.page.getByLabel("Motivo", { exact: true });
      if ((await reason.count()) > 0) await reason.fill("Arranca con el apoyo de la Secretaría.");
      await secretariat.page.getByRole("button", { name: "Registrar decisión" }).click();
      await secretariat.page.waitForLoadState("domcontentloaded");
      await expect.poll(async () => (await db.idea.findUniqueOrThrow({ where: { id: idea.id } })).status).toBe("IN_DEVELOPMENT");

      // The follower: the header counts it; the page says what happened.
      await follower.page.goto(suite.url("/ideas"));
      const badge = follower.page.getByRole("link", { name: "Notificaciones 1 sin leer", exact: true });
      await badge.waitFor();
      await badge.click();
      await follower.page.getByRole("heading", { level: 1, name: "Notificaciones" }).waitFor();
      const sentence = `«${idea.title}», que sigues, pasó de «Publicada» a «En desarrollo».`;
      await follower.page.locator(".notification-list p").filter({ hasText: sentence }).waitFor();
      await follower.page.getByRole("button", { name: "Marcar todas como leídas" }).click();
      await follower.page.getByRole("status").filter({ hasText: "Marcaste todas tus notificaciones como leídas." }).waitFor();
      await follower.page.getByRole("link", { name: "Notificaciones", exact: true }).waitFor();
      expect(await follower.page.getByTestId("unread-count").count()).toBe(0);

      // Without JavaScript: one notification marked read.
      await plain.page.goto(suite.url("/notificaciones"));
      expect(await plain.page.getByTestId("unread-count").textContent()).toBe("1");
      await plain.page.getByRole("button", { name: /^Marcar como leída/ }).click();
      await plain.page.getByRole("heading", { level: 1, name: "Notificaciones" }).waitFor();
      expect(await plain.page.getByTestId("unread-count").count()).toBe(0);
      expect(await plain.page.getByRole("button", { name: /^Marcar como leída/ }).count()).toBe(0);

      // The author heard of the decision (not as a follower), and nobody else was told.
      const kinds = await db.notification.findMany({ where: { ideaId: idea.id }, select: { recipientId: true, kind: true } });
      expect(kinds).toHaveLength(3);
      expect(kinds.find((k) => k.recipientId === author.id)?.kind).toBe("MODERATION_DECISION");
      expect([...follower.problems, ...plain.problems]).toEqual([]);
    },
    TEST_MS,
  );
});
