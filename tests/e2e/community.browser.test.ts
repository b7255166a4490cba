/**
 * Supports and comments in a real Chromium against the real server: supporting and withdrawing,
 * commenting and replying with JavaScript, and the comment form without it (a refusal answered
 * next to the field, then the comment posted). Screenshots land in test-results/e2e/.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BrowserContextOptions } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../server/db/generated/enums";
import { createUser } from "../support/callers";
import { createIdeaIn } from "../support/ideas";
import { useBrowserSuite, waitForHydration, signedIn as signedInAs } from "./browser-suite";

const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "..", "test-results", "e2e");
const TEST_MS = 120_000;

const suite = useBrowserSuite();

beforeAll(() => mkdir(SCREENSHOTS, { recursive: true }));

const signedIn = (role: Role, options: BrowserContextOptions = {}) => signedInAs(suite, role, options);

describe("supports and comments in a real browser", () => {
  it(
    "supports and withdraws, comments and replies with JavaScript; the list sorts by supports",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "ENTREPRENEUR");
      const idea = await createIdeaIn(db, author.id, "PUBLISHED", { title: "Bicicletas compartidas para el malecón del río" });
      const ana = await signedIn("COMPANY");
      const { page } = ana;
      await page.goto(suite.url(`/ideas/${idea.id}`));
      await waitForHydration(page);
      await page.getByText("0 apoyos").waitFor();

      await page.getByRole("button", { name: "Apoyar esta idea" }).click();
      await page.getByRole("status").filter({ hasText: "Gracias por apoyar esta idea." }).waitFor();
      await page.getByText("1 apoyo", { exact: true }).waitFor();
      await page.getByRole("button", { name: "Retirar mi apoyo" }).click();
      await page.getByRole("status").filter({ hasText: "Retiraste tu apoyo" }).waitFor();
      await page.getByText("0 apoyos").waitFor();
      await page.getByRole("button", { name: "Apoyar esta idea" }).click();
      await page.getByText("1 apoyo", { exact: true }).waitFor();

      await page.getByLabel("Tu comentario").fill("¿Habrá estaciones cerca del puerto?\nMás datos: https://example.co/ciclovias");
      await page.getByRole("button", { name: "Publicar comentario" }).click();
      await page.getByRole("status").filter({ hasText: "Tu comentario está publicado." }).waitFor();
      const link = page.getByRole("link", { name: "https://example.co/ciclovias" });
      expect(await link.getAttribute("rel")).toBe("nofollow ugc noopener");
      // After posting, the form starts empty again.
      expect(await page.getByLabel("Tu comentario").inputValue()).toBe("");

      const beto = await signedIn("ACADEMIA");
      await beto.page.goto(suite.url(`/ideas/${idea.id}`));
      await waitForHydration(beto.page);
      await beto.page.getByText(`Responder (${ana.user.name})`).click();
      await beto.page.getByLabel(`Responder a ${ana.user.name}`).fill("Sí, una junto al muelle.");
      await beto.page.getByRole("button", { name: "Publicar respuesta" }).click();
      await beto.page.getByRole("status").filter({ hasText: "Tu respuesta está publicada." }).waitFor();
      const replies = beto.page.getByRole("list", { name: `Respuestas al comentario de ${ana.user.name}` });
      await replies.locator(".comment-body", { hasText: "Sí, una junto al muelle." }).waitFor();
      await beto.page.screenshot({ path: path.join(SCREENSHOTS, "community-thread.png"), fullPage: true });

      // The public list, most supported first, shows the count on the card.
      await beto.page.goto(suite.url("/ideas?orden=apoyos"));
      const card = beto.page.getByRole("article").filter({ hasText: idea.title });
      await card.getByText("1 apoyo").waitFor();
      expect(await beto.page.getByLabel("Orden").inputValue()).toBe("apoyos");
      expect([...ana.problems, ...beto.problems]).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "posts a comment without JavaScript, answering an empty one next to its field",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "ENTREPRENEUR");
      const idea = await createIdeaIn(db, author.id, "PUBLISHED", { title: "Biblioteca flotante en la ciénaga" });
      const { page } = await signedIn("ENTREPRENEUR", { javaScriptEnabled: false });
      await page.goto(suite.url(`/ideas/${idea.id}`));
      await page.getByRole("button", { name: "Publicar comentario" }).click();
      const error = page.locator("#field-body-error");
      await error.waitFor();
      expect(await page.getByLabel("Tu comentario").getAttribute("aria-invalid")).toBe("true");

      await page.getByLabel("Tu comentario").fill("Me encanta: puedo donar libros.");
      await page.getByRole("button", { name: "Publicar comentario" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "comentado");
      await page.locator(".comment-body", { hasText: "Me encanta: puedo donar libros." }).waitFor();
      // The author's own controls: edit (15 minutes) and remove, as plain forms.
      await page.getByText("Editar", { exact: true }).click();
      await page.getByLabel("Texto del comentario").fill("Me encanta: puedo donar libros infantiles.");
      await page.getByRole("button", { name: "Guardar cambios" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "editado");
      await page.locator(".comment-body", { hasText: "Me encanta: puedo donar libros infantiles." }).waitFor();
      await page.getByRole("button", { name: "Eliminar comentario" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "eliminado");
      await page.getByText("Comentario eliminado", { exact: true }).waitFor();
    },
    TEST_MS,
  );

  it(
    "reports a comment from the idea page; the Secretariat finds it in /moderacion and dismisses the reports",
    async () => {
      const { db } = suite.database;
      const author = await createUser(db, "ENTREPRENEUR");
      const writer = await createUser(db, "COMPANY");
      const idea = await createIdeaIn(db, author.id, "PUBLISHED", { title: "Mercado campesino los sábados en el parque" });
      const comment = await db.comment.create({ data: { ideaId: idea.id, authorId: writer.id, body: "Visiten mi tienda en línea" } });

      const { page } = await signedIn("ACADEMIA", { javaScriptEnabled: false });
      await page.goto(suite.url(`/ideas/${idea.id}`));
      await page.getByText("Reportar comentario", { exact: true }).click();
      await page.getByRole("radio", { name: "Spam o publicidad" }).check();
      await page.getByRole("button", { name: "Enviar reporte del comentario" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "comentarioReportado");
      await page.getByText("Reportaste este comentario.").waitFor();

      const secretariat = await signedIn("SECRETARIAT");
      await secretariat.page.goto(suite.url("/moderacion?cola=comments"));
      await waitForHydration(secretariat.page);
      await secretariat.page.getByRole("heading", { name: `Decisión sobre el comentario de ${writer.name}` }).waitFor();
      await secretariat.page.getByText("Visiten mi tienda en línea").waitFor();
      await secretariat.page.getByRole("button", { name: "Descartar reportes y mostrar el comentario" }).click();
      await secretariat.page.getByRole("status").filter({ hasText: "Reportes descartados" }).waitFor();
      expect(await db.commentReport.count({ where: { commentId: comment.id, status: "DISMISSED" } })).toBe(1);
      expect(secretariat.problems).toEqual([]);
    },
    TEST_MS,
  );
});
