/**
 * Calls in a real Chromium against the real server: a visitor finds an open call in
 * /convocatorias and reads its page and timeline; an entrepreneur submits a published idea with
 * the answers to the call's questions and withdraws it, with JavaScript and without it.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createUser } from "../support/callers";
import { createApprovedCall } from "../support/calls";
import { createIdeaIn } from "../support/ideas";
import { SAMPLE_ORGANIZATION, seedOrganizations } from "../support/organizations";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import { signedIn, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 120_000;
const DAY = 24 * 60 * 60 * 1000;

const suite = useBrowserSuite();

async function openCall(title: string) {
  const { db } = suite.database;
  const secretariat = await createUser(db, "SECRETARIAT");
  const now = Date.now();
  return createApprovedCall(db, {
    title,
    summary: "Ideas para que las lanchas del río Magdalena dejen de contaminar.",
    opensAt: new Date(now - 2 * DAY),
    closesAt: new Date(now + 10 * DAY),
    evaluationEndsAt: new Date(now + 20 * DAY),
    resultsAt: new Date(now + 25 * DAY),
    proposedById: secretariat.id,
    prizeAmountCop: 15_000_000n,
    questions: [{ prompt: "¿Cómo probarías tu idea en el muelle?" }, { prompt: "¿Con quién te aliarías?", required: false }],
  });
}

/** Chooses the idea and answers the questions of the submit form. */
async function fillSubmission(page: Page, ideaTitle: string, answer: string) {
  await page.getByLabel("Tu idea publicada").selectOption({ label: ideaTitle });
  await page.getByLabel("¿Cómo probarías tu idea en el muelle?").fill(answer);
  await page.getByLabel("¿Con quién te aliarías?").fill("Con la cooperativa de pescadores.");
}

describe("calls in a real browser", () => {
  it(
    "a visitor finds an open call in /convocatorias and reads its page with the timeline",
    async () => {
      const call = await openCall("Lanchas eléctricas para el río Magdalena");
      const { page, problems } = await suite.openPage();
      await page.goto(suite.url("/convocatorias"));
      await page.getByRole("link", { name: "Abiertas" }).and(page.locator('[aria-current="page"]')).waitFor();
      const card = page.getByRole("listitem").filter({ hasText: call.title });
      await card.getByText("Cierra el").waitFor();
      // The prize in pesos, as Colombians write it.
      expect((await card.textContent())?.replace(/\s/g, " ")).toMatch(/Premio: \$ 15\.000\.000/);
      await card.getByRole("link", { name: call.title }).click();
      await page.waitForURL((u) => u.pathname === `/convocatorias/${call.slug}`);
      await page.getByRole("heading", { level: 1, name: call.title }).waitFor();
      const timeline = page.locator("ol.timeline");
      expect(await timeline.locator("li").count()).toBe(4);
      const current = timeline.locator('li[aria-current="step"]');
      expect(await current.textContent()).toContain("(fase actual)");
      // The phase in words (the badge's label is for screen readers), not only in colour.
      expect(await page.locator(".tag.status").first().textContent()).toBe("Fase: Abierta");
      // Signed out: an invitation to sign in, not the form.
      await page.getByRole("link", { name: "Ingresa para postular una idea" }).waitFor();
      expect(await page.getByRole("button", { name: "Enviar postulación" }).count()).toBe(0);
      expect(problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "an entrepreneur submits a published idea with answers, then withdraws it",
    async () => {
      const call = await openCall("Muelles solares para Barrancabermeja");
      const { page, user, problems } = await signedIn(suite, "ENTREPRENEUR");
      const idea = await createIdeaIn(suite.database.db, user.id, "PUBLISHED", { title: "Lancha solar para el transporte escolar" });
      await page.goto(suite.url(`/convocatorias/${call.slug}`));
      await waitForHydration(page);
      await page.getByRole("link", { name: "Escribir una idea nueva para este reto" }).waitFor();
      await fillSubmission(page, idea.title, "Un piloto de un mes con dos lanchas en el muelle principal.");
      await page.getByRole("button", { name: "Enviar postulación" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "postulada");
      await page.getByRole("status").filter({ hasText: "Tu postulación fue enviada." }).waitFor();
      const mine = page.getByRole("region", { name: "Tus postulaciones a este reto" });
      await mine.getByText("Un piloto de un mes con dos lanchas en el muelle principal.").waitFor();
      await mine.getByText("Postulada", { exact: true }).waitFor();

      await mine.getByRole("button", { name: `Retirar postulación «${idea.title}»` }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "retirada");
      await mine.getByText("Retirada", { exact: true }).waitFor();
      const stored = await suite.database.db.callSubmission.findFirstOrThrow({ where: { callId: call.id, ideaId: idea.id } });
      expect(stored.status).toBe("WITHDRAWN");
      expect(problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "the same submission works without JavaScript, a missing required answer shown next to its question",
    async () => {
      const call = await openCall("Estaciones de carga en el malecón");
      const { page, user } = await signedIn(suite, "ENTREPRENEUR", { javaScriptEnabled: false });
      const idea = await createIdeaIn(suite.database.db, user.id, "PUBLISHED", { title: "Cargadores solares flotantes" });
      await page.goto(suite.url(`/convocatorias/${call.slug}`));
      await page.getByLabel("Tu idea publicada").selectOption({ label: idea.title });
      await page.getByRole("button", { name: "Enviar postulación" }).click();
      const question = call.questions[0]!;
      await page.locator(`[id="field-answers.${question.id}-error"]`).waitFor();
      expect(await page.getByLabel("¿Cómo probarías tu idea en el muelle?").getAttribute("aria-invalid")).toBe("true");

      await fillSubmission(page, idea.title, "Dos cargadores en el malecón durante las fiestas.");
      await page.getByRole("button", { name: "Enviar postulación" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "postulada");
      await page.getByText("Tu postulación fue enviada.").waitFor();
      const stored = await suite.database.db.callSubmission.findFirstOrThrow({ where: { callId: call.id, ideaId: idea.id }, include: { answers: true } });
      expect(stored.status).toBe("SUBMITTED");
      expect(stored.answers.map((a) => a.answer).sort()).toEqual(["Con la cooperativa de pescadores.", "Dos cargadores en el malecón durante las fiestas."]);

      await page.getByRole("button", { name: `Retirar postulación «${idea.title}»` }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "retirada");
      expect((await suite.database.db.callSubmission.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("WITHDRAWN");
    },
    TEST_MS,
  );

  it(
    "the Secretariat creates a call with the form, without JavaScript: dates are Bogotá's; it extends the deadline",
    async () => {
      const { page } = await signedIn(suite, "SECRETARIAT", { javaScriptEnabled: false });
      await page.goto(suite.url("/convocatorias"));
      await page.getByRole("link", { name: "Crear convocatoria" }).click();
      await page.waitForURL((u) => u.pathname === "/convocatorias/nueva");
      // A refused form names what is missing, and keeps what was typed.
      await page.getByLabel("Título").fill("Reto de datos abiertos del río");
      await page.getByRole("button", { name: "Crear convocatoria" }).click();
      await page.getByRole("alert").getByText("Revisa los campos marcados").waitFor();
      expect(await page.getByLabel("Título").inputValue()).toBe("Reto de datos abiertos del río");

      await page.getByRole("textbox", { name: /^Resumen/ }).fill("Datos del río abiertos para que cualquiera construya servicios útiles.");
      await page.getByLabel("El problema o reto").fill("Nadie sabe a tiempo cuándo crece el río ni qué lanchas salen cada día.");
      await page.getByLabel("Objetivos").fill("Publicar y usar datos abiertos del río.");
      await page.getByLabel("Resultados esperados").fill("Dos servicios en uso por la comunidad.");
      await page.getByRole("checkbox", { name: "TIC", exact: true }).check();
      await page.getByLabel("Descripción de los premios").fill("Acompañamiento de la Secretaría por seis meses.");
      await page.getByLabel("Monto en pesos colombianos (opcional)").fill("20.000.000");
      await page.getByLabel("Pregunta 1", { exact: true }).fill("¿Qué datos usarías?");
      await page.getByLabel("Apertura").fill("2030-03-02T08:00");
      await page.getByLabel("Cierre de postulaciones").fill("2030-03-30T17:00");
      await page.getByLabel("Fin de la evaluación").fill("2030-04-15T17:00");
      await page.getByLabel("Publicación de resultados").fill("2030-04-20T10:00");
      await page.getByRole("button", { name: "Crear convocatoria" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "creada");
      await page.getByRole("heading", { level: 1, name: "Reto de datos abiertos del río" }).waitFor();
      const call = await suite.database.db.call.findFirstOrThrow({ where: { title: "Reto de datos abiertos del río" }, include: { questions: true } });
      expect(call.status).toBe("APPROVED");
      expect(call.opensAt.toISOString()).toBe("2030-03-02T13:00:00.000Z");
      expect(call.closesAt.toISOString()).toBe("2030-03-30T22:00:00.000Z");
      expect(call.prizeAmountCop).toBe(20_000_000n);
      // Seven empty question rows are left out.
      expect(call.questions.map((q) => [q.prompt, q.required])).toEqual([["¿Qué datos usarías?", true]]);
      // Not open yet: the timeline has no current step, and the page names the phase.
      expect(await page.locator('ol.timeline li[aria-current="step"]').count()).toBe(0);
      expect(await page.locator(".tag.status").first().textContent()).toBe("Fase: Próxima a abrir");

      await page.getByRole("link", { name: "Editar y decidir" }).click();
      await page.getByLabel("Nueva fecha de cierre").fill("2030-04-05T17:00");
      await page.getByRole("button", { name: "Ampliar el plazo" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "ampliada");
      const extended = await suite.database.db.call.findUniqueOrThrow({ where: { id: call.id } });
      expect(extended.closesAt.toISOString()).toBe("2030-04-05T22:00:00.000Z");
    },
    TEST_MS,
  );

  it(
    "an organization owner proposes a challenge; the Secretariat asks for changes; the owner reads why and sends it back",
    async () => {
      const { db } = suite.database;
      const owners = await seedOrganizations(db);
      const ownerId = owners.get(SAMPLE_ORGANIZATION.owner)!;
      const owner = await suite.openPage({ javaScriptEnabled: false });
      const { token } = await createSession(db, ownerId, {});
      await owner.context.addCookies([{ name: SESSION_COOKIE, value: token, url: suite.url("/") }]);
      const { page } = owner;
      await page.goto(suite.url("/convocatorias"));
      await page.getByRole("link", { name: "Proponer un reto" }).click();
      await page.getByLabel("Organización que propone").selectOption({ label: SAMPLE_ORGANIZATION.name });
      await page.getByLabel("Título").fill("Reto de calidad del agua en las ciénagas");
      await page.getByRole("textbox", { name: /^Resumen/ }).fill("Medir y mejorar la calidad del agua de las ciénagas con la comunidad.");
      await page.getByLabel("El problema o reto").fill("Las ciénagas reciben vertimientos y nadie mide su calidad con frecuencia.");
      await page.getByLabel("Objetivos").fill("Medir la calidad del agua cada semana.");
      await page.getByLabel("Resultados esperados").fill("Un tablero público con datos semanales.");
      await page.getByRole("checkbox", { name: "Medio ambiente", exact: true }).check();
      await page.getByLabel("Descripción de los premios").fill("Acceso al laboratorio de aguas de la universidad.");
      await page.getByLabel("Apertura").fill("2030-05-04T08:00");
      await page.getByLabel("Cierre de postulaciones").fill("2030-06-01T17:00");
      await page.getByLabel("Fin de la evaluación").fill("2030-06-15T17:00");
      await page.getByLabel("Publicación de resultados").fill("2030-06-20T10:00");
      await page.getByRole("button", { name: "Enviar propuesta a la Secretaría" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "propuesta");
      await page.getByText("Estado de la propuesta: Propuesta en revisión").waitFor();
      const slug = new URL(page.url()).pathname.split("/").at(-1)!;

      // Not public: anyone else gets the 404 page.
      const visitor = await suite.openPage();
      const response = await visitor.page.goto(suite.url(`/convocatorias/${slug}`));
      expect(response?.status()).toBe(404);

      const secretariat = await signedIn(suite, "SECRETARIAT", { javaScriptEnabled: false });
      await secretariat.page.goto(suite.url(`/convocatorias/${slug}/editar`));
      await secretariat.page.getByRole("radio", { name: "Pedir cambios" }).check();
      await secretariat.page.getByLabel("Motivo", { exact: true }).fill("Indiquen cuántas ciénagas y con qué frecuencia.");
      await secretariat.page.getByRole("button", { name: "Registrar decisión" }).click();
      await secretariat.page.waitForURL((u) => u.searchParams.get("aviso") === "decidida");

      await page.goto(suite.url("/convocatorias"));
      const mine = page.getByRole("region", { name: "Retos propuestos por tus organizaciones" });
      await mine.getByText("Motivo de la Secretaría: Indiquen cuántas ciénagas y con qué frecuencia.").waitFor();
      await mine.getByRole("link", { name: /Editar la propuesta/ }).click();
      await page.getByRole("button", { name: "Reenviar propuesta" }).click();
      await page.waitForURL((u) => u.searchParams.get("aviso") === "reenviada");
      expect((await db.call.findUniqueOrThrow({ where: { slug } })).status).toBe("PROPOSED");
    },
    TEST_MS,
  );
});
