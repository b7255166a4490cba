/**
 * A call from proposal to published results, in a real Chromium against the real server (the
 * calls issue's acceptance test): a company proposes a challenge, the Secretariat approves it, a
 * university joins as ally (its owner asks, the Secretariat accepts) and another as jury (the
 * Secretariat invites, its owner accepts), the Secretariat names two jurors, two entrepreneurs
 * submit, both jurors score, the Secretariat picks the winner and publishes, and a visitor
 * without an account sees the results. Time moves with the database clock between phases
 * (tests/support/clock.ts), never by waiting. Accounts, verified organizations with their
 * members and published ideas are written straight to the database: they are not the subject.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE, createSession } from "../../server/auth/session";
import type { Db } from "../../server/db/client";
import type { OrganizationKind, Role } from "../../server/db/generated/enums";
import { createUser } from "../support/callers";
import { testClock } from "../support/clock";
import { axeViolations, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 300_000;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

const suite = useBrowserSuite();

let n = 0;
/** A verified organization of `kind` with its owner (and members), as the Secretariat left it. */
async function verifiedOrganization(db: Db, name: string, kind: OrganizationKind, ownerId: string, memberIds: string[] = []) {
  n += 1;
  return db.organization.create({
    data: {
      name,
      slug: `${name.toLowerCase().replace(/[^a-z]+/g, "-")}-${n}-${Math.random().toString(36).slice(2, 6)}`,
      kind,
      city: "Barrancabermeja",
      sectors: ["ENVIRONMENT"],
      description: "Una organización del Magdalena Medio que participa en retos de innovación abierta.",
      verification: "VERIFIED",
      verifiedAt: new Date(),
      members: { create: [{ userId: ownerId, role: "OWNER" }, ...memberIds.map((userId) => ({ userId, role: "MEMBER" as const }))] },
    },
    select: { id: true, slug: true, name: true },
  });
}

async function publishedIdea(db: Db, authorId: string, title: string) {
  return db.idea.create({
    data: {
      title,
      summary: "Sensores de bajo costo que miden la calidad del agua y avisan a los pescadores.",
      problem: "Nadie mide a diario la calidad del agua de las ciénagas de las que viven los pescadores.",
      solution: "Boyas con sensores solares que publican lecturas abiertas y alertan por mensaje de texto.",
      sector: "ENVIRONMENT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      authorId,
    },
    select: { id: true, title: true },
  });
}

async function person(db: Db, role: Role, name: string) {
  return createUser(db, role, { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${Math.random().toString(36).slice(2, 7)}@example.co` });
}

/** A browser signed in as an existing account: a session written as the login form would. */
async function browserOf(userId: string) {
  const { token } = await createSession(suite.database.db, userId, {});
  const opened = await suite.openPage();
  await opened.context.addCookies([{ name: SESSION_COOKIE, value: token, url: suite.url("/") }]);
  return opened;
}

async function notice(page: Page, text: string) {
  await page.locator("[role=status]", { hasText: text }).waitFor();
}

async function expectAccessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

describe("a call from proposal to published results, in a real browser", () => {
  it(
    "a company proposes, the Secretariat approves, universities join, entrepreneurs submit, jurors score and a visitor sees the results",
    async () => {
      const { db } = suite.database;
      const clock = testClock(db);
      await clock.reset();

      // Who takes part (not the subject: written straight to the database).
      const secretary = await person(db, "SECRETARIAT", "Secretaria de Innovacion");
      const companyOwner = await person(db, "COMPANY", "Gerente Refineria");
      const allyOwner = await person(db, "ACADEMIA", "Rectora Aliada");
      const juryOwner = await person(db, "ACADEMIA", "Decano Jurado");
      const firstJuror = await person(db, "ACADEMIA", "Profesora Jurado Uno");
      const secondJuror = await person(db, "COMPANY", "Ingeniero Jurado Dos");
      const firstEntrepreneur = await person(db, "ENTREPRENEUR", "Emprendedora Uno");
      const secondEntrepreneur = await person(db, "ENTREPRENEUR", "Emprendedor Dos");
      const company = await verifiedOrganization(db, "Refinadora del Magdalena", "COMPANY", companyOwner.id);
      const ally = await verifiedOrganization(db, "Universidad Aliada del Puerto", "UNIVERSITY", allyOwner.id);
      const jury = await verifiedOrganization(db, "Universidad Jurado de Santander", "UNIVERSITY", juryOwner.id, [firstJuror.id]);
      const firstIdea = await publishedIdea(db, firstEntrepreneur.id, "Boyas solares para la ciénaga San Silvestre");
      const secondIdea = await publishedIdea(db, secondEntrepreneur.id, "Drones que miden el oxígeno de la ciénaga");

      const title = "Reto: agua limpia para las ciénagas de Barrancabermeja";
      const start = new Date(Math.ceil(Date.now() / DAY) * DAY + 10 * DAY);
      const timeline = {
        opensAt: start,
        closesAt: new Date(start.getTime() + 14 * DAY),
        evaluationEndsAt: new Date(start.getTime() + 28 * DAY),
        resultsAt: new Date(start.getTime() + 35 * DAY),
      };

      const secretariat = await browserOf(secretary.id);
      const companyBrowser = await browserOf(companyOwner.id);

      // 1. The company's owner proposes the challenge on behalf of the company.
      const slug = await proposeCall(companyBrowser.page, company, title, timeline);

      // 2. The Secretariat approves it.
      await approveCall(secretariat.page, slug);

      // 3. A university asks to join as ally; the Secretariat accepts it on the participants page.
      const allyBrowser = await browserOf(allyOwner.id);
      await requestParticipation(allyBrowser.page, slug, ally, "ALLY");
      const participants = secretariat.page;
      await participants.goto(suite.url(`/convocatorias/${slug}/participantes`));
      await waitForHydration(participants);
      await participants.getByRole("heading", { level: 1, name: `Participantes: ${title}` }).waitFor();
      const requests = participants.getByRole("region", { name: /Solicitudes por decidir/ });
      await requests.getByRole("link", { name: ally.name }).waitFor();
      await expectAccessible(participants, "/convocatorias/:slug/participantes with a request");
      await requests.getByRole("button", { name: `Aceptar la solicitud de ${ally.name} como Aliada` }).click();
      await notice(participants, "Aceptaste la solicitud");
      const accepted = participants.getByRole("region", { name: /Aceptadas/ });
      await accepted.getByRole("link", { name: ally.name }).waitFor();

      // 4. The Secretariat invites another university as jury; its owner accepts on the organization's management page.
      await participants.getByRole("searchbox", { name: "Buscar organizaciones por nombre" }).fill("Jurado de Santander");
      await participants.getByRole("button", { name: "Buscar", exact: true }).click();
      await participants.waitForURL((u) => u.searchParams.get("q") === "Jurado de Santander");
      const invite = participants.locator("form", { has: participants.getByRole("button", { name: "Enviar invitación" }) });
      await invite.getByRole("combobox", { name: /^Organización/ }).selectOption({ label: `${jury.name} (verificada)` });
      await invite.getByLabel("Participa como").selectOption("JURY");
      await invite.getByLabel("Mensaje para la organización").fill("Queremos a sus docentes de ingeniería ambiental en el jurado.");
      await invite.getByRole("button", { name: "Enviar invitación" }).click();
      await notice(participants, "Enviamos la invitación");
      await participants.getByRole("region", { name: /Invitaciones sin respuesta/ }).getByRole("link", { name: jury.name }).waitFor();

      const juryBrowser = await browserOf(juryOwner.id);
      await juryBrowser.page.goto(suite.url(`/organizaciones/${jury.slug}/gestionar`));
      await waitForHydration(juryBrowser.page);
      const invitations = juryBrowser.page.getByRole("region", { name: "Invitaciones a convocatorias" });
      await invitations.getByRole("link", { name: title }).waitFor();
      await invitations.getByText("Queremos a sus docentes").waitFor();
      await expectAccessible(juryBrowser.page, "/organizaciones/:slug/gestionar with a call invitation");
      await invitations.getByRole("button", { name: `Aceptar la invitación a ${title}` }).click();
      await notice(juryBrowser.page, "Aceptaste la invitación");
      expect(await invitations.getByText("La Secretaría no ha invitado").count()).toBe(1);

      // 5. The Secretariat names two jurors: a member of the jury university on its behalf, and a person in their own name.
      await participants.goto(suite.url(`/convocatorias/${slug}/participantes`));
      await waitForHydration(participants);
      const assign = participants.locator("form", { has: participants.getByRole("button", { name: "Asignar jurado" }) });
      await assign.getByLabel("Correo de la persona").fill(firstJuror.email);
      await assign.getByLabel("En representación de").selectOption({ label: jury.name });
      await assign.getByRole("button", { name: "Asignar jurado" }).click();
      await notice(participants, "Asignaste el jurado");
      // A person who is not a member of the jury university cannot judge on its behalf: said on the email field.
      await assign.getByLabel("Correo de la persona").fill(secondJuror.email);
      await assign.getByLabel("En representación de").selectOption({ label: jury.name });
      await assign.getByRole("button", { name: "Asignar jurado" }).click();
      await participants.locator("#field-juror-email-error", { hasText: "no es miembro" }).waitFor();
      // The refusal is a 409 answer, which Chromium logs; nothing else went wrong on that page.
      expect(secretariat.problems).toEqual([expect.stringContaining("409")]);
      secretariat.problems.length = 0;
      await assign.getByLabel("En representación de").selectOption({ label: "Nadie: a título personal" });
      await assign.getByRole("button", { name: "Asignar jurado" }).click();
      await notice(participants, "Asignaste el jurado");
      const jurors = participants.getByRole("region", { name: "Jurados" });
      await jurors.getByRole("button", { name: `Quitar del jurado ${firstJuror.name}` }).waitFor();
      await jurors.getByRole("button", { name: `Quitar del jurado ${secondJuror.name}` }).waitFor();
      await expectAccessible(participants, "/convocatorias/:slug/participantes with jurors");

      // 6. The Secretariat sets the rubric before the call opens.
      await setRubric(secretariat.page, slug);

      // 7. The call opens: two entrepreneurs submit their published ideas.
      await clock.set(new Date(timeline.opensAt.getTime() + HOUR));
      const firstSubmitter = await browserOf(firstEntrepreneur.id);
      await submitIdea(firstSubmitter.page, slug, firstIdea);
      const secondSubmitter = await browserOf(secondEntrepreneur.id);
      await submitIdea(secondSubmitter.page, slug, secondIdea);
      expect(await db.callSubmission.count({ where: { call: { slug }, status: "SUBMITTED" } })).toBe(2);

      // 8. The call closes: both jurors score both submissions.
      await clock.set(new Date(timeline.closesAt.getTime() + HOUR));
      for (const juror of [firstJuror, secondJuror]) {
        const jurorBrowser = await browserOf(juror.id);
        await scoreAll(jurorBrowser.page, slug, { [firstIdea.title]: 9, [secondIdea.title]: 6 });
      }
      expect(await db.score.count({ where: { submission: { call: { slug } } } })).toBe(2 * 2 * RUBRIC.length);

      // 9. The Secretariat picks the winner and publishes the results.
      await publishResults(secretariat.page, slug, firstIdea.title);

      // 10. A visitor without an account sees the results on the call's page.
      const visitor = await suite.openPage();
      await visitor.page.goto(suite.url(`/convocatorias/${slug}`));
      await waitForHydration(visitor.page);
      await visitor.page.getByRole("heading", { level: 1, name: title }).waitFor();
      const results = visitor.page.locator("section", { has: visitor.page.getByRole("heading", { name: /Resultados/ }) }).first();
      await results.getByText(firstIdea.title).first().waitFor();
      await results.getByText(secondIdea.title).first().waitFor();
      await results.getByText("La propuesta más viable y la que más beneficia a los pescadores.").waitFor();
      await visitor.page.getByText(ally.name).first().waitFor();
      await visitor.page.getByText(jury.name).first().waitFor();
      await expectAccessible(visitor.page, "/convocatorias/:slug with results");
      for (const opened of [secretariat, companyBrowser, allyBrowser, juryBrowser, firstSubmitter, secondSubmitter, visitor]) {
        expect(opened.problems).toEqual([]);
      }
    },
    TEST_MS,
  );
});

const RUBRIC = [
  { name: "Impacto en la comunidad", weight: 60, maxScore: 10 },
  { name: "Viabilidad técnica", weight: 40, maxScore: 10 },
];

interface Timeline {
  opensAt: Date;
  closesAt: Date;
  evaluationEndsAt: Date;
  resultsAt: Date;
}

/** An instant as a datetime-local field takes it: Barrancabermeja's wall time (UTC−5, no daylight saving). */
const bogotaWallTime = (instant: Date) => new Date(instant.getTime() - 5 * HOUR).toISOString().slice(0, 16);

/** Step 1: the company's owner proposes the challenge on /convocatorias/nueva. Returns its address. */
async function proposeCall(page: Page, company: { id: string; name: string }, title: string, timeline: Timeline): Promise<string> {
  await page.goto(suite.url("/convocatorias/nueva"));
  await waitForHydration(page);
  await page.getByRole("heading", { level: 1, name: "Proponer un reto" }).waitFor();
  await expectAccessible(page, "/convocatorias/nueva");
  const form = page.locator("form#call-form");
  await form.getByLabel("Organización que propone").selectOption({ label: company.name });
  await form.getByLabel("Título").fill(title);
  await form.getByLabel("Resumen").fill("Buscamos formas de medir a diario la calidad del agua de las ciénagas y avisar a los pescadores.");
  await form.getByLabel("El problema o reto").fill("Las ciénagas reciben vertimientos y nadie mide su calidad de forma continua: los pescadores se enteran tarde.");
  await form.getByLabel("Objetivos").fill("Medir la calidad del agua en tiempo real y alertar a la comunidad.");
  await form.getByLabel("Resultados esperados").fill("Un prototipo validado en la ciénaga San Silvestre.");
  await form.getByRole("checkbox", { name: "Medio ambiente" }).check();
  await form.getByLabel("Descripción de los premios").fill("Acompañamiento técnico de la refinería y un premio en efectivo.");
  await form.getByLabel("Monto en pesos colombianos (opcional)").fill("20000000");
  await form.getByLabel("Pregunta 1", { exact: true }).fill(QUESTION);
  await form.getByLabel("Apertura").fill(bogotaWallTime(timeline.opensAt));
  await form.getByLabel("Cierre de postulaciones").fill(bogotaWallTime(timeline.closesAt));
  await form.getByLabel("Fin de la evaluación").fill(bogotaWallTime(timeline.evaluationEndsAt));
  await form.getByLabel("Publicación de resultados").fill(bogotaWallTime(timeline.resultsAt));
  await form.getByRole("button", { name: "Enviar propuesta a la Secretaría" }).click();
  await page.waitForURL((u) => /^\/convocatorias\/[^/]+$/.test(u.pathname) && u.searchParams.get("aviso") === "propuesta");
  await notice(page, "Tu propuesta de reto fue enviada a la Secretaría");
  const slug = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
  const call = await suite.database.db.call.findUniqueOrThrow({ where: { slug } });
  expect(call).toMatchObject({ status: "PROPOSED", proposingOrganizationId: company.id, ...timeline });
  return slug;
}

const QUESTION = "¿Cómo validarías tu solución en campo?";

/** Step 2: the Secretariat approves the proposal on the call's editor page. */
async function approveCall(page: Page, slug: string) {
  await page.goto(suite.url(`/convocatorias/${slug}/editar`));
  await waitForHydration(page);
  const decision = page.getByRole("region", { name: "Decisión sobre la propuesta" });
  await decision.getByRole("radio", { name: "Aprobar y publicar" }).check();
  await decision.getByRole("button", { name: "Registrar decisión" }).click();
  await notice(page, "La decisión está registrada");
  expect((await suite.database.db.call.findUniqueOrThrow({ where: { slug } })).status).toBe("APPROVED");
}

/** Step 3: an organization's owner asks to take part, on the call's page. */
async function requestParticipation(page: Page, slug: string, organization: { name: string }, role: "ALLY" | "MENTOR" | "JURY") {
  await page.goto(suite.url(`/convocatorias/${slug}`));
  await waitForHydration(page);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Enviar solicitud" }) });
  await form.getByLabel("Organización").selectOption({ label: organization.name });
  await form.getByRole("radio", { name: ROLE_NAMES[role] }).check();
  await form.getByLabel("Mensaje para la Secretaría").fill("Ponemos a disposición nuestro laboratorio de aguas.");
  await form.getByRole("button", { name: "Enviar solicitud" }).click();
  await notice(page, "Enviamos tu solicitud a la Secretaría");
}

const ROLE_NAMES = { ALLY: "aliada", MENTOR: "mentora", JURY: "jurado" } as const;

/** Step 6: the Secretariat writes the rubric on the call's evaluation page. */
async function setRubric(page: Page, slug: string) {
  await page.goto(suite.url(`/convocatorias/${slug}/evaluacion`));
  await waitForHydration(page);
  for (const [i, criterion] of RUBRIC.entries()) {
    const row = page.getByRole("group", { name: `Criterio ${i + 1}` });
    await row.getByLabel("Nombre").fill(criterion.name);
    await row.getByLabel("Peso (%)").fill(String(criterion.weight));
    await row.getByLabel("Calificación máxima").fill(String(criterion.maxScore));
  }
  await page.getByRole("button", { name: "Guardar criterios" }).click();
  await notice(page, "Guardamos los criterios de evaluación");
}

/** Step 7: an entrepreneur submits a published idea on the call's page. */
async function submitIdea(page: Page, slug: string, idea: { title: string }) {
  await page.goto(suite.url(`/convocatorias/${slug}`));
  await waitForHydration(page);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Enviar postulación" }) });
  await form.getByLabel("Tu idea publicada").selectOption({ label: idea.title });
  await form.getByLabel(QUESTION).fill("Con boyas piloto en la ciénaga San Silvestre durante tres meses, con los pescadores.");
  await form.getByRole("button", { name: "Enviar postulación" }).click();
  await notice(page, "Tu postulación fue enviada");
}

/** Step 8: a juror scores every submission on /jurado/:callId (each criterion gets `value` for that idea). */
async function scoreAll(page: Page, slug: string, values: Record<string, number>) {
  const call = await suite.database.db.call.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await page.goto(suite.url(`/jurado/${call.id}`));
  await waitForHydration(page);
  for (const [title, value] of Object.entries(values)) {
    const form = page.getByRole("form", { name: `Tu calificación: ${title}` });
    for (const criterion of RUBRIC) {
      await form.getByLabel(`${criterion.name}: de 0 a ${criterion.maxScore} (peso ${criterion.weight} %)`).fill(String(value));
    }
    await form.getByRole("button", { name: /Guardar calificación/ }).click();
    await notice(page, `Guardamos tu calificación de «${title}»`);
  }
}

/** Step 9: the Secretariat picks the winner with a justification, then publishes. */
async function publishResults(page: Page, slug: string, winnerTitle: string) {
  await page.goto(suite.url(`/convocatorias/${slug}/evaluacion`));
  await waitForHydration(page);
  await page.getByRole("checkbox", { name: `Ganadora: «${winnerTitle}»` }).check();
  await page.getByLabel(`Justificación de «${winnerTitle}»`).fill("La propuesta más viable y la que más beneficia a los pescadores.");
  await page.getByRole("button", { name: "Guardar ganadores" }).click();
  await notice(page, "Guardamos la elección de ganadores");
  await page.getByRole("checkbox", { name: /quiero publicar los resultados/ }).check();
  await page.getByRole("button", { name: "Publicar resultados" }).click();
  await notice(page, "Publicamos los resultados");
}
