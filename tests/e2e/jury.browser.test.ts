/**
 * Jury evaluation in a real Chromium against the real server: a juror finds their call on
 * /jurado, scores a submission and sees it counted, and a value above a criterion's maximum is
 * answered next to its field (with JavaScript and without it); the submission they wrote
 * themselves is not in their queue. The Secretariat, on /convocatorias/:slug/evaluacion, sees the
 * ranking and the conflict, picks a winner with its justification and publishes the results.
 * The call, ideas and submissions are prepared in the database and through the procedures; the
 * database clock moves the call from open to evaluation (tests/support/clock.ts).
 */
import type { BrowserContextOptions, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { callerOfUser, createTestServices, createUser } from "../support/callers";
import { addCallJuror, callTimeline, createApprovedCall } from "../support/calls";
import { testClock } from "../support/clock";
import { createIdeaIn } from "../support/ideas";
import { axeViolations, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 120_000;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

const suite = useBrowserSuite();

const IMPACT = "Impacto: de 0 a 10 (peso 60 %)";
const FEASIBILITY = "Viabilidad: de 0 a 5 (peso 40 %)";

let call: Awaited<ReturnType<typeof createApprovedCall>>;
const submissions: Record<"pesca" | "huerta" | "propia", { id: string; title: string }> = {} as never;
let jurors: { first: { id: string; name: string }; second: { id: string; name: string } };
let secretariatId: string;

beforeAll(async () => {
  const { db } = suite.database;
  const services = await createTestServices(db);
  const secretariat = await createUser(db, "SECRETARIAT");
  secretariatId = secretariat.id;
  call = await createApprovedCall(db, {
    ...callTimeline(new Date(Date.now() + 30 * DAY)),
    proposedById: secretariat.id,
    title: "Reto de pesca sostenible en la ciénaga",
    criteria: [
      { name: "Impacto", description: "A cuántas familias llega.", weight: 60, maxScore: 10 },
      { name: "Viabilidad", weight: 40, maxScore: 5 },
    ],
    questions: [{ prompt: "¿Quién se beneficia?" }],
  });
  const clock = testClock(db);
  await clock.set(new Date(call.opensAt.getTime() + HOUR));
  const first = await createUser(db, "ACADEMIA", { name: "Jurado Primera Prueba" });
  const second = await createUser(db, "COMPANY", { name: "Jurado Segunda Prueba" });
  jurors = { first, second };
  const people = [
    { key: "pesca", title: "Redes de pesca biodegradables para la ciénaga", author: (await createUser(db, "ENTREPRENEUR")).id },
    { key: "huerta", title: "Huerta flotante para el comedor de la vereda", author: (await createUser(db, "ENTREPRENEUR")).id },
    // The first juror's own idea: a conflict of interest, never in their queue.
    { key: "propia", title: "Vivero de mangle de la jurado", author: first.id },
  ] as const;
  for (const person of people) {
    const idea = await createIdeaIn(db, person.author, "PUBLISHED", { title: person.title });
    const caller = await callerOfUser(services, person.author);
    const saved = await caller.submission.submit({ callId: call.id, ideaId: idea.id, answers: { [call.questions[0]!.id]: `Respuesta de ${person.key}` } });
    submissions[person.key] = { id: saved.id, title: person.title };
    await clock.advance(60_000);
  }
  for (const juror of [first, second]) await addCallJuror(db, { callId: call.id, userId: juror.id, assignedById: secretariat.id });
  // The call closes: evaluation starts.
  await clock.set(new Date(call.closesAt.getTime() + HOUR));
}, 60_000);

async function signedInAs(userId: string, options: BrowserContextOptions = {}) {
  const { token } = await createSession(suite.database.db, userId, {});
  const opened = await suite.openPage(options);
  await opened.context.addCookies([{ name: SESSION_COOKIE, value: token, url: suite.url("/") }]);
  return opened;
}

const article = (page: Page, key: keyof typeof submissions) => page.locator(`#postulacion-${submissions[key].id}`);

describe("jury evaluation in a real browser", () => {
  it(
    "a juror scores a submission on /jurado and sees it counted; a value above the maximum is refused next to its field",
    async () => {
      // Visitors sign in first; people who judge nothing learn what the page is for.
      const visitor = await suite.openPage();
      await visitor.page.goto(suite.url("/jurado"));
      expect(new URL(visitor.page.url()).pathname).toBe("/ingresar");
      const outsider = await signedInAs((await createUser(suite.database.db, "ENTREPRENEUR")).id);
      await outsider.page.goto(suite.url("/jurado"));
      await outsider.page.getByText("No eres jurado de ninguna convocatoria").waitFor();

      const { page, problems } = await signedInAs(jurors.first.id);
      await page.goto(suite.url("/jurado"));
      const row = page.getByRole("row").filter({ hasText: call.title });
      expect(await row.textContent()).toContain("En evaluación");
      expect(await row.textContent()).toContain("0 de 2 calificadas");
      expect(await axeViolations(page)).toEqual([]);
      await row.getByRole("link", { name: call.title }).click();
      await page.waitForURL((u) => u.pathname === `/jurado/${call.id}`);
      await waitForHydration(page);

      // Their own idea is not there (conflict of interest), the others are, with the answers.
      expect(await page.getByRole("link", { name: submissions.propia.title }).count()).toBe(0);
      await page.getByText("no ves las postulaciones con las que tienes un conflicto de interés").waitFor();
      const pesca = article(page, "pesca");
      await pesca.getByText("Respuesta de pesca").waitFor();
      expect(await pesca.getByRole("link", { name: submissions.pesca.title }).getAttribute("href")).toMatch(/^\/ideas\//);
      expect(await axeViolations(page)).toEqual([]);

      await pesca.getByLabel(IMPACT).fill("8");
      await pesca.getByLabel("Comentario sobre «Impacto»").fill("Llega a muchas familias de pescadores.");
      await pesca.getByLabel(FEASIBILITY).fill("4");
      await pesca.getByRole("button", { name: /Guardar calificación/ }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === submissions.pesca.id);
      await page.getByRole("status").filter({ hasText: `Guardamos tu calificación de «${submissions.pesca.title}»` }).waitFor();
      await page.getByText("1 de 2 calificadas").waitFor();
      expect(await article(page, "pesca").getByLabel(IMPACT).inputValue()).toBe("8");

      // Above the maximum: the server answers next to the field, and nothing is saved.
      const huerta = article(page, "huerta");
      await huerta.getByLabel(IMPACT).fill("11");
      await huerta.getByLabel(FEASIBILITY).fill("3");
      await huerta.getByRole("button", { name: /Guardar calificación/ }).click();
      const error = page.locator(`[id="field-${submissions.huerta.id}-scores[0].value-error"]`);
      await error.waitFor();
      expect((await error.textContent())?.trim()).toBe("La calificación máxima de este criterio es 10.");
      expect(await huerta.getByLabel(IMPACT).getAttribute("aria-invalid")).toBe("true");
      await huerta.getByRole("alert").waitFor();
      expect(await suite.database.db.score.count({ where: { submissionId: submissions.huerta.id } })).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(suite.url("/jurado"));
      expect(await page.getByRole("row").filter({ hasText: call.title }).textContent()).toContain("1 de 2 calificadas");
      // The refused score was answered 400, as intended.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript, the score form answers a refused value in the page and then saves",
    async () => {
      const { page } = await signedInAs(jurors.second.id, { javaScriptEnabled: false });
      await page.goto(suite.url(`/jurado/${call.id}`));
      const huerta = article(page, "huerta");
      await huerta.getByLabel(IMPACT).fill("10");
      await huerta.getByLabel(FEASIBILITY).fill("6");
      await huerta.getByRole("button", { name: /Guardar calificación/ }).click();
      const error = page.locator(`[id="field-${submissions.huerta.id}-scores[1].value-error"]`);
      await error.waitFor();
      expect((await error.textContent())?.trim()).toBe("La calificación máxima de este criterio es 5.");
      // What was typed is still there.
      expect(await article(page, "huerta").getByLabel(IMPACT).inputValue()).toBe("10");
      await article(page, "huerta").getByLabel(FEASIBILITY).fill("5");
      await article(page, "huerta").getByRole("button", { name: /Guardar calificación/ }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === submissions.huerta.id);
      await page.getByText(`Guardamos tu calificación de «${submissions.huerta.title}»`).waitFor();
      expect(await suite.database.db.score.count({ where: { submissionId: submissions.huerta.id, jurorId: jurors.second.id } })).toBe(2);
    },
    TEST_MS,
  );

  it(
    "the Secretariat sees the ranking and the conflict, picks a winner with its justification and publishes",
    async () => {
      const others = await signedInAs((await createUser(suite.database.db, "COMPANY")).id);
      const response = await others.page.goto(suite.url(`/convocatorias/${call.slug}/evaluacion`));
      expect(response?.status()).toBe(403);

      const { page, problems } = await signedInAs(secretariatId);
      await page.goto(suite.url(`/convocatorias/${call.slug}/evaluacion`));
      await waitForHydration(page);
      const ranking = page.getByRole("table", { name: "Ranking de las postulaciones por puntaje ponderado (0 a 100)" });
      const rows = ranking.locator("tbody tr");
      // Huerta: 10/10 × 60 + 5/5 × 40 = 100; pesca: 8/10 × 60 + 4/5 × 40 = 80; the juror's own idea: unscored.
      expect(await rows.nth(0).textContent()).toContain(submissions.huerta.title);
      expect(await rows.nth(0).textContent()).toContain("100,00");
      expect(await rows.nth(1).textContent()).toContain("80,00");
      expect(await rows.nth(2).textContent()).toContain("Sin calificar");
      await page.getByText("Cada jurado califica cada criterio de 0 a su máximo").first().waitFor();
      await page.getByText(`${jurors.first.name} — «${submissions.propia.title}»`).waitFor();
      const progress = page.getByRole("table", { name: "Postulaciones calificadas por cada jurado" });
      expect(await progress.getByRole("row").filter({ hasText: jurors.first.name }).textContent()).toContain("1 de 2");
      expect(await progress.getByRole("row").filter({ hasText: jurors.second.name }).textContent()).toContain("1 de 3");
      // The rubric is fixed once the call has closed.
      await page.getByText("La convocatoria ya cerró: los criterios no se pueden cambiar.").waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // A winner without its justification is answered next to the field.
      await page.getByLabel(`Ganadora: «${submissions.huerta.title}»`).check();
      await page.getByRole("button", { name: "Guardar ganadores" }).click();
      await page.locator('[id="field-candidates[0].justification-error"]').waitFor();
      await page.getByLabel(`Justificación de «${submissions.huerta.title}»`).fill("El mejor puntaje y un piloto listo en la vereda.");
      await page.getByLabel(`Ganadora: «${submissions.huerta.title}»`).check();
      await page.getByRole("button", { name: "Guardar ganadores" }).click();
      await page.getByRole("status").filter({ hasText: "Guardamos la elección de ganadores." }).waitFor();
      expect(await ranking.locator("tbody tr").nth(0).textContent()).toContain("Ganadora");

      // Publishing asks for a confirmation first.
      await page.getByRole("button", { name: "Publicar resultados" }).click();
      await page.locator("#field-confirm-error").waitFor();
      await page.getByLabel("Revisé el ranking y los ganadores").check();
      await page.getByRole("button", { name: "Publicar resultados" }).click();
      await page.getByRole("status").filter({ hasText: "Publicamos los resultados" }).waitFor();
      const saved = await suite.database.db.call.findUniqueOrThrow({ where: { id: call.id } });
      expect(saved.status).toBe("RESULTS_PUBLISHED");
      const winner = await suite.database.db.callSubmission.findUniqueOrThrow({ where: { id: submissions.huerta.id } });
      expect(winner).toMatchObject({ isWinner: true, winnerJustification: "El mejor puntaje y un piloto listo en la vereda." });
      await page.getByRole("button", { name: "Cerrar la convocatoria" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // The juror's page is now read-only.
      const juror = await signedInAs(jurors.first.id);
      await juror.page.goto(suite.url(`/jurado/${call.id}`));
      await juror.page.getByText("Los resultados de esta convocatoria ya se publicaron.").waitFor();
      expect(await juror.page.getByRole("button", { name: /Guardar calificación/ }).count()).toBe(0);
      await juror.page.getByRole("table", { name: `Tus calificaciones de «${submissions.pesca.title}»` }).waitFor();
      // The refused winner and publish forms were answered 400, as intended.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "the Secretariat writes a call's rubric before it closes: weights that do not add up to 100 are refused, empty rows ignored",
    async () => {
      const { db } = suite.database;
      // Far enough ahead that the database clock (moved past the first call's closing) has not reached it.
      const later = await createApprovedCall(db, { ...callTimeline(new Date(Date.now() + 120 * DAY)), proposedById: secretariatId });
      const { page, problems } = await signedInAs(secretariatId);
      await page.goto(suite.url(`/convocatorias/${later.slug}/evaluacion`));
      await waitForHydration(page);
      await page.getByText("Esta convocatoria aún no tiene criterios.").waitFor();
      const row = (n: number) => page.getByRole("group", { name: `Criterio ${n}`, exact: true });
      await row(1).getByLabel("Nombre").fill("Impacto social");
      await row(1).getByLabel("Peso (%)").fill("60");
      await row(1).getByLabel("Calificación máxima").fill("10");
      await row(3).getByLabel("Nombre").fill("Viabilidad técnica");
      await row(3).getByLabel("Peso (%)").fill("30");
      await row(3).getByLabel("Calificación máxima").fill("5");
      await page.getByRole("button", { name: "Guardar criterios" }).click();
      await page.locator("#field-criteria-error").filter({ hasText: "Los pesos de los criterios deben sumar 100; ahora suman 90." }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await row(3).getByLabel("Peso (%)").fill("40");
      await page.getByRole("button", { name: "Guardar criterios" }).click();
      await page.getByRole("status").filter({ hasText: "Guardamos los criterios de evaluación." }).waitFor();
      const criteria = await db.callCriterion.findMany({ where: { callId: later.id }, orderBy: { position: "asc" } });
      expect(criteria.map((c) => [c.position, c.name, c.weight, c.maxScore])).toEqual([
        [1, "Impacto social", 60, 10],
        [2, "Viabilidad técnica", 40, 5],
      ]);
      await page.getByRole("table", { name: "Criterios de evaluación y sus pesos" }).getByText("Viabilidad técnica").waitFor();
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );
});
