/**
 * Page titles and the description are in the request's language, like the rest of the page: an
 * English visitor's tab reads "Sign in · Cocrea", not "Ingresar · Cocrea".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";
import { LOCALE_COOKIE } from "../../server/i18n/locale";
import { createUser, useTestServices } from "../support/callers";
import { SAMPLE_ORGANIZATION, seedOrganizations } from "../support/organizations";
import { startInProcessApp, type InProcessApp } from "../support/http-app";

const suite = useTestServices();
let app: InProcessApp;
let entrepreneurCookie: string;

beforeAll(async () => {
  app = await startInProcessApp(suite.services);
  const user = await createUser(suite.db, "ENTREPRENEUR");
  entrepreneurCookie = `${SESSION_COOKIE}=${(await createSession(suite.db, user.id, {})).token}`;
});
afterAll(() => app?.close());

async function head(pathname: string, headers: Record<string, string>) {
  const response = await fetch(`${app.base}${pathname}`, { headers, redirect: "manual" });
  expect(response.status, pathname).toBe(200);
  const html = await response.text();
  const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]);
  const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
  return { titles, description };
}

const SPANISH = { "accept-language": "es-CO,es;q=0.9" };
const ENGLISH_BROWSER = { "accept-language": "en-US,en;q=0.9" };
const ENGLISH_CHOSEN = { "accept-language": "es-CO", cookie: `${LOCALE_COOKIE}=en` };

describe("page titles in the visitor's language", () => {
  it.each([
    ["/", "Cocrea · Barrancabermeja", "Cocrea · Barrancabermeja"],
    ["/ingresar", "Ingresar · Cocrea", "Sign in · Cocrea"],
    ["/registro", "Crear cuenta · Cocrea", "Create account · Cocrea"],
    ["/ideas", "Ideas · Cocrea", "Ideas · Cocrea"],
    ["/organizaciones", "Organizaciones · Cocrea", "Organizations · Cocrea"],
    ["/convocatorias", "Convocatorias · Cocrea", "Calls · Cocrea"],
    ["/alianzas", "Alianzas · Cocrea", "Alliances · Cocrea"],
    ["/espacios", "Espacios · Cocrea", "Spaces · Cocrea"],
    ["/indicadores", "Indicadores · Cocrea", "Indicators · Cocrea"],
  ])("%s reads «%s» in Spanish and «%s» in English", async (pathname, spanish, english) => {
    expect((await head(pathname, SPANISH)).titles).toEqual([spanish]);
    expect((await head(pathname, ENGLISH_BROWSER)).titles).toEqual([english]);
    // The language picked on the site (cookie) wins over the browser's.
    expect((await head(pathname, ENGLISH_CHOSEN)).titles).toEqual([english]);
  });

  it("signed-in pages too, with the description in the same language", async () => {
    const english = await head("/ideas/nueva", { ...ENGLISH_CHOSEN, cookie: `${ENGLISH_CHOSEN.cookie}; ${entrepreneurCookie}` });
    expect(english).toEqual({
      titles: ["Propose an idea · Cocrea"],
      description: "Open co-creation and innovation platform of the District of Barrancabermeja.",
    });
    const spanish = await head("/salir", { ...SPANISH, cookie: entrepreneurCookie });
    expect(spanish).toEqual({
      titles: ["Cerrar sesión · Cocrea"],
      description: "Plataforma abierta de co-creación e innovación del Distrito de Barrancabermeja.",
    });
  });

  it("an organization's page is titled by its name", async () => {
    await seedOrganizations(suite.db);
    const page = await head(`/organizaciones/${SAMPLE_ORGANIZATION.slug}`, ENGLISH_BROWSER);
    expect(page.titles).toEqual([`${SAMPLE_ORGANIZATION.name} · Cocrea`]);
  });

  it("an idea's page is titled by the idea, in an English page as well", async () => {
    const author = await suite.db.user.findFirstOrThrow({ where: { role: "ENTREPRENEUR" } });
    const idea = await suite.db.idea.create({
      data: {
        title: "Muelle solar para lanchas",
        summary: "Un muelle con paneles solares que carga las lanchas del río.",
        problem: "Las lanchas gastan mucho combustible y contaminan el río cada día.",
        solution: "Paneles en el muelle principal y motores eléctricos poco a poco.",
        sector: "RIVER_LOGISTICS",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId: author.id,
      },
    });
    const english = await head(`/ideas/${idea.id}`, ENGLISH_BROWSER);
    expect(english.titles).toEqual(["Muelle solar para lanchas · Cocrea"]);
    expect(english.description).toBe("Open co-creation and innovation platform of the District of Barrancabermeja.");
  });
});
