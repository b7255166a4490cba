/**
 * The alliance pages as a browser without JavaScript uses them: the author opens an alliance from
 * /alianzas/nueva, the invited university's owner answers on /alianzas/:id with the plain form
 * (blank rows ignored, none filled refused with what was typed kept), and the alliance then reads
 * "Activa" with its commitment in words, on its page and in the public list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";
import { useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { organizationWithOwner, publishedIdea } from "./fixtures";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

const SPANISH = { "accept-language": "es-CO" };

async function cookieOf(userId: string) {
  const { token } = await createSession(suite.db, userId, {});
  return `${SESSION_COOKIE}=${token}`;
}

const get = (path: string, cookie?: string) => fetch(`${app.base}${path}`, { headers: { ...SPANISH, ...(cookie ? { cookie } : {}) }, redirect: "manual" });

const post = (path: string, cookie: string, fields: [string, string][]) =>
  fetch(`${app.base}${path}`, {
    method: "POST",
    headers: { ...SPANISH, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });

const blankRow = (row: number): [string, string][] => [
  [`commitments[${row}].kind`, ""],
  [`commitments[${row}].quantity`, ""],
  [`commitments[${row}].description`, ""],
];

describe("alliance pages without JavaScript", () => {
  it("opens an alliance, answers the invitation with the plain form, and shows it active", async () => {
    const idea = await publishedIdea(suite.services);
    const university = await organizationWithOwner(suite.services, "UNIVERSITY", { name: "Universidad del Magdalena Medio (prueba)" });
    const authorCookie = await cookieOf(idea.authorId);

    const form = await get(`/alianzas/nueva?idea=${idea.id}`, authorCookie);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain("Nombre de la alianza");
    expect(formHtml).toContain("Universidad del Magdalena Medio (prueba) (Academia)");

    const created = await post(`/alianzas/nueva?idea=${idea.id}`, authorCookie, [
      ["ideaId", idea.id],
      ["title", "Alianza para el biodiésel del puerto"],
      ["purpose", "Montar una planta piloto de biodiésel con aceite usado de la ciudad."],
      ["expectedOutcome", "Una planta piloto operando."],
      ["organizationIds", university.id],
      ["emails", ""],
    ]);
    expect(created.status).toBe(302);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/alianzas\/[0-9a-f-]{36}\?hecho=creada$/);
    const page = location.split("?")[0]!;
    expect(await (await get(location, authorCookie)).text()).toContain("Alianza creada");

    // Forming: invisible to the public, the page a 404.
    expect((await get(page)).status).toBe(404);

    const ownerCookie = await cookieOf(university.ownerId);
    const invited = await (await get(page, ownerCookie)).text();
    expect(invited).toContain("Responder la invitación");
    expect(invited).toContain("Tipo de aporte");
    expect(invited).toContain("En formación");
    const partyId = /name="partyId" value="([0-9a-f-]{36})"/.exec(invited)![1]!;

    const nothing = await post(page, ownerCookie, [["intent", "answer"], ["partyId", partyId], ...blankRow(0), ...blankRow(1), ...blankRow(2)]);
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain("Describe al menos un aporte");

    const tooShort = await post(page, ownerCookie, [
      ["intent", "answer"],
      ["partyId", partyId],
      ...blankRow(0),
      ["commitments[1].kind", "MENTORING_HOURS"],
      ["commitments[1].quantity", "40"],
      ["commitments[1].description", "Hola"],
      ...blankRow(2),
    ]);
    expect(tooShort.status).toBe(400);
    const refused = await tooShort.text();
    expect(refused).toContain("Debe tener al menos 5 caracteres.");
    // What was typed stays in its row.
    expect(refused).toMatch(/name="commitments\[1\]\.description"[^>]*>Hola<\/textarea>/);

    const accepted = await post(page, ownerCookie, [
      ["intent", "answer"],
      ["partyId", partyId],
      ...blankRow(0),
      ["commitments[1].kind", "MENTORING_HOURS"],
      ["commitments[1].quantity", "40"],
      ["commitments[1].description", "Mentoría de ingeniería química"],
      ["commitments[1].publishAmount", "on"],
      ...blankRow(2),
    ]);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`${page}?hecho=ok`);

    const publicPage = await (await get(page)).text();
    expect(publicPage).toContain("Activa");
    expect(publicPage).toContain("40 horas de mentoría");
    expect(publicPage).not.toContain("Responder la invitación");

    const list = await (await get("/alianzas?sector=academia")).text();
    expect(list).toContain("Alianza para el biodiésel del puerto");
    expect(list).toContain("Universidad del Magdalena Medio (prueba) · Academia");
    expect(await (await get("/alianzas?triple=si")).text()).not.toContain("Alianza para el biodiésel del puerto");
  });

  it("answers an unknown alliance with the 404 page", async () => {
    expect((await get("/alianzas/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await get("/alianzas/no-es-un-id")).status).toBe(404);
  });
});
