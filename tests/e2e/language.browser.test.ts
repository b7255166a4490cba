/**
 * The language picker in a real Chromium. The browser bundle has no dictionary: the root loader
 * sends the copy of the language being shown, so after /idioma every word must switch (header,
 * page, footer, title, <html lang>) because the root loader runs again, and stay switched on the
 * next client-side navigation. When the root loader's data is missing, the error page still
 * speaks Spanish from its small bundled fallback.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 60_000;

const suite = useBrowserSuite();

/** What a visitor reads in each part of the page, and what the tab and screen reader are told. */
function copyOf(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    skip: document.querySelector(".skip-link")?.textContent?.trim(),
    heading: document.querySelector("main h1")?.textContent?.trim(),
    footer: document.querySelector("footer p")?.textContent?.trim(),
  }));
}

async function chooseLanguage(page: Page, label: string, option: "es" | "en", button: string) {
  await page.getByLabel(label, { exact: true }).selectOption(option);
  await page.getByRole("button", { name: button, exact: true }).click();
}

const SPANISH_SIGN_IN = {
  lang: "es-CO",
  title: "Ingresar · Cocrea",
  skip: "Saltar al contenido",
  heading: "Ingresar",
  footer: "Plataforma abierta de co-creación e innovación del Distrito de Barrancabermeja. Línea del Plan de Desarrollo «Barrancabermeja Innovación y Tecnología».",
};

describe("changing the language", () => {
  it(
    "with JavaScript, switches all copy (a page load brings the new language's words), and the next pages follow",
    async () => {
      const { page, problems } = await suite.openPage();
      await page.goto(suite.url("/ingresar"));
      await waitForHydration(page);
      expect(await copyOf(page)).toEqual(SPANISH_SIGN_IN);

      await chooseLanguage(page, "Idioma", "en", "Cambiar");
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect(await copyOf(page)).toEqual({
        lang: "en",
        title: "Sign in · Cocrea",
        skip: "Skip to content",
        heading: "Sign in",
        footer: "Open co-creation and innovation platform of the District of Barrancabermeja. Development Plan line “Barrancabermeja Innovation and Technology”.",
      });

      await page.getByRole("link", { name: "Calls", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Calls" }).waitFor();
      expect(await page.title()).toBe("Calls · Cocrea");
      expect(await page.locator("main").innerText()).toContain("Challenges from the District and organizations of Barrancabermeja for your published ideas.");

      await chooseLanguage(page, "Language", "es", "Change");
      await page.getByRole("heading", { level: 1, name: "Convocatorias" }).waitFor();
      expect(await page.title()).toBe("Convocatorias · Cocrea");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es-CO");
      expect(await page.locator("main").innerText()).toContain("Retos del Distrito y de organizaciones de Barrancabermeja");
      expect(problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript, the form's page load answers in the chosen language",
    async () => {
      const { page, problems } = await suite.openPage({ javaScriptEnabled: false });
      await page.goto(suite.url("/ingresar"));
      await chooseLanguage(page, "Idioma", "en", "Cambiar");
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      expect((await copyOf(page)).skip).toBe("Skip to content");
      expect(await page.title()).toBe("Sign in · Cocrea");
      expect(problems).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "when the root loader's data cannot be fetched, the error page still reads in Spanish",
    async () => {
      // Rendered in English, so the browser holds only the English copy.
      const { page } = await suite.openPage();
      await page.goto(suite.url("/ingresar"));
      await chooseLanguage(page, "Idioma", "en", "Cambiar");
      await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
      await page.goto(suite.url("/convocatorias"));
      await waitForHydration(page);
      // A new query string makes the root loader run again; its data request fails as if the connection dropped.
      await page.route(
        (url) => url.searchParams.get("_data") === "root",
        (route) => route.abort("connectionfailed"),
      );
      await page.getByRole("link", { name: "Sign in", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Algo salió mal" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("es-CO");
      // No header or footer: their words (and the user) come only with the root loader's data.
      expect(await page.locator("header, footer").count()).toBe(0);
      const text = await page.locator("body").innerText();
      expect(text).toContain("Ocurrió un error inesperado. Inténtalo de nuevo en unos minutos.");
      expect(text).not.toMatch(/\b(error|nav|meta|footer)\.[a-zA-Z]+/);
      await expect(page.getByRole("link", { name: "Ir al inicio" }).isVisible()).resolves.toBe(true);
      expect(await page.title()).toBe("Cocrea · Barrancabermeja");
    },
    TEST_MS,
  );
});
