/**
 * The Secretariat's management of centers and spaces (/espacios/gestion) in a real Chromium
 * against the real server: it creates a center with two ranges on Monday (a malformed range is
 * refused next to its weekday), adds a closure, creates a space that needs approval, and, without
 * JavaScript, removes a closure, uploads a photo of a space (shown on its public page) and edits
 * the space. axe finds nothing on the pages (it needs
 * JavaScript, so it runs in the first test); other accounts get the 403 page.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, signedIn, useBrowserSuite, waitForHydration } from "./browser-suite";

const TEST_MS = 120_000;

/** A valid 1×1 PNG. */
const PNG_BYTES = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

const suite = useBrowserSuite();
let fixtures: string;

beforeAll(async () => {
  fixtures = await mkdtemp(path.join(os.tmpdir(), "cocrea-e2e-space-photos-"));
  await writeFile(path.join(fixtures, "sala.png"), PNG_BYTES);
});

afterAll(() => (fixtures ? rm(fixtures, { recursive: true, force: true }) : undefined));

describe("managing centers and spaces in a real browser", () => {
  it(
    "the Secretariat creates a center with its hours, adds a closure and a space that needs approval",
    async () => {
      const { db } = suite.database;
      const { page, problems } = await signedIn(suite, "SECRETARIAT");
      await page.goto(suite.url("/"));
      await waitForHydration(page);
      await page.getByRole("navigation", { name: "Tu cuenta" }).getByRole("link", { name: "Gestión de espacios" }).click();
      await page.waitForURL((u) => u.pathname === "/espacios/gestion");
      await page.getByRole("heading", { level: 1, name: "Centros y espacios" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Crear un centro" }).click();
      await page.waitForURL((u) => u.pathname === "/espacios/gestion/centros/nuevo");
      await waitForHydration(page);
      await page.getByLabel("Nombre").fill("Centro de Innovación del Puerto");
      await page.getByLabel("Dirección").fill("Carrera 1 # 50-10, Barrancabermeja");
      await page.getByLabel("Latitud").fill("7,0653");
      await page.getByLabel("Longitud").fill("-73.8547");
      await page.getByLabel("Horario del lunes").fill("08:00-12:00, 14:00-18:00");
      await page.getByLabel("Horario del martes").fill("8 a 12");
      await page.getByRole("button", { name: "Crear centro" }).click();
      // The malformed range is refused on Tuesday's own field; Monday keeps what was typed.
      const tuesdayError = page.locator("#field-hours2-error");
      await tuesdayError.waitFor();
      expect(await tuesdayError.textContent()).toContain("08:00-12:00");
      expect(await page.getByLabel("Horario del martes").getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByLabel("Horario del martes").getAttribute("aria-describedby")).toContain("field-hours2-error");
      expect(await page.locator("#field-hours1-error").count()).toBe(0);
      expect(await page.getByLabel("Horario del lunes").inputValue()).toBe("08:00-12:00, 14:00-18:00");
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel("Horario del martes").fill("");
      await page.getByRole("button", { name: "Crear centro" }).click();
      await page.waitForURL((u) => u.pathname.startsWith("/espacios/gestion/centros/") && u.searchParams.get("hecho") === "creado");
      await page.getByRole("status").filter({ hasText: "El centro fue creado." }).waitFor();
      const center = await db.center.findFirstOrThrow({ where: { name: "Centro de Innovación del Puerto" }, include: { hours: { orderBy: { opensMinute: "asc" } } } });
      expect(center.latitude).toBeCloseTo(7.0653);
      expect(center.hours.map((h) => [h.weekday, h.opensMinute, h.closesMinute])).toEqual([
        [1, 480, 720],
        [1, 840, 1080],
      ]);
      // The form shows the saved hours the way they are typed.
      expect(await page.getByLabel("Horario del lunes").inputValue()).toBe("08:00-12:00, 14:00-18:00");
      // Colombia's holidays ahead are listed, read-only (there is always one within 90 days).
      const holidays = page.getByRole("region", { name: "Festivos de los próximos 90 días" });
      expect(await holidays.getByRole("listitem").count()).toBeGreaterThan(0);

      await page.getByLabel("Desde").fill("2030-01-10");
      await page.getByLabel("Hasta (inclusive)").fill("2030-01-12");
      await page.getByLabel("Motivo").fill("Mantenimiento eléctrico");
      await page.getByRole("button", { name: "Agregar un cierre" }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === "cierre");
      const closures = page.getByRole("region", { name: "Cierres" });
      await closures.getByText("Mantenimiento eléctrico").waitFor();
      await closures.getByRole("button", { name: /^Quitar el cierre del .*10 de enero de 2030/ }).waitFor();
      expect(await db.centerClosure.count({ where: { centerId: center.id } })).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("link", { name: "Agregar un espacio a «Centro de Innovación del Puerto»" }).click();
      await page.waitForURL((u) => u.pathname === "/espacios/gestion/espacios/nuevo");
      await waitForHydration(page);
      expect(await page.getByLabel("Centro").inputValue()).toBe(center.id);
      await page.getByLabel("Nombre").fill("Laboratorio de prototipos");
      await page.getByLabel("Tipo de espacio").selectOption({ label: "Laboratorio" });
      await page.getByLabel("Capacidad (personas)").fill("8");
      await page.getByLabel("Dotación").fill("Impresora 3D, Cortadora láser");
      await page.getByLabel("Duración máxima (minutos)").fill("180");
      await page.getByRole("checkbox", { name: "Las reservas requieren aprobación de la Secretaría" }).check();
      await page.getByRole("checkbox", { name: "Academia", exact: true }).check();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Crear espacio" }).click();
      await page.waitForURL((u) => u.pathname === "/espacios/gestion" && u.searchParams.get("hecho") === "espacio");
      const spaces = page.getByRole("list", { name: "Espacios de Centro de Innovación del Puerto" });
      await spaces.getByRole("link", { name: "Editar «Laboratorio de prototipos»" }).waitFor();
      await spaces.getByText("Requiere aprobación").waitFor();
      const space = await db.space.findFirstOrThrow({ where: { name: "Laboratorio de prototipos" } });
      expect(space).toMatchObject({
        centerId: center.id,
        kind: "LAB",
        capacity: 8,
        amenities: ["Impresora 3D", "Cortadora láser"],
        maxDurationMinutes: 180,
        requiresApproval: true,
        allowedRoles: ["ACADEMIA"],
        active: true,
      });
      // The edit page shows what was saved.
      await spaces.getByRole("link", { name: "Editar «Laboratorio de prototipos»" }).click();
      await page.waitForURL((u) => u.pathname === `/espacios/gestion/espacios/${space.id}`);
      await waitForHydration(page);
      expect(await page.getByLabel("Dotación").inputValue()).toBe("Impresora 3D, Cortadora láser");
      expect(await page.getByRole("checkbox", { name: "Academia", exact: true }).isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      // The refused center form answered 400, which Chromium logs; nothing else went wrong.
      expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    },
    TEST_MS,
  );

  it(
    "without JavaScript the Secretariat removes a closure and edits a space: a rule the procedure refuses shows next to its field, then it is saved inactive",
    async () => {
      const { db } = suite.database;
      const center = await db.center.create({
        data: { name: "Centro Yariguíes", address: "Calle 49 # 12-30, Barrancabermeja", latitude: 7.06, longitude: -73.85, hours: { create: [{ weekday: 2, opensMinute: 480, closesMinute: 1020 }] } },
      });
      await db.space.create({ data: { centerId: center.id, name: "Sala de juntas del río", kind: "MEETING_ROOM", capacity: 12, requiresApproval: true } });
      await db.centerClosure.create({ data: { centerId: center.id, startsOn: new Date("2030-02-04T00:00:00Z"), endsOn: new Date("2030-02-04T00:00:00Z"), reason: "Fumigación" } });
      const { page } = await signedIn(suite, "SECRETARIAT", { javaScriptEnabled: false });
      await page.goto(suite.url(`/espacios/gestion/centros/${center.id}`));
      await page.getByRole("button", { name: /^Quitar el cierre del .*4 de febrero de 2030/ }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === "cierreQuitado");
      await page.getByText("No hay cierres programados.").waitFor();
      expect(await db.centerClosure.count({ where: { centerId: center.id } })).toBe(0);

      await page.goto(suite.url("/espacios/gestion"));
      await page.getByRole("link", { name: "Editar «Sala de juntas del río»" }).click();
      await page.waitForURL((u) => u.pathname.startsWith("/espacios/gestion/espacios/"));
      expect(await page.getByLabel("Tipo de espacio").inputValue()).toBe("MEETING_ROOM");
      expect(await page.getByRole("checkbox", { name: "Las reservas requieren aprobación de la Secretaría" }).isChecked()).toBe(true);

      // A photo with its description, by the multipart form; listed here, then shown on the public page.
      const editUrl = page.url();
      const alt = "Mesa de juntas para doce personas frente al río";
      await page.getByLabel("Descripción de la foto").fill(alt);
      await page.getByLabel("Imagen").setInputFiles(path.join(fixtures, "sala.png"));
      await page.getByRole("button", { name: "Subir la foto" }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === "foto");
      await page.getByText("La foto fue agregada.").waitFor();
      const photos = page.getByRole("region", { name: "Fotos" });
      await photos.getByRole("img", { name: alt }).waitFor();
      await photos.getByRole("button", { name: `Quitar la foto «${alt}»` }).waitFor();
      const photo = await db.placePhoto.findFirstOrThrow({ where: { space: { name: "Sala de juntas del río" } }, include: { file: true } });
      expect(photo).toMatchObject({ alt, position: 0, file: { contentType: "image/png" } });
      await page.goto(suite.url(`/espacios/${photo.spaceId}`));
      const shown = page.getByRole("img", { name: alt });
      await shown.waitFor();
      expect(await shown.getAttribute("loading")).toBe("lazy");
      // Public like the page: served to anyone, as the image it is.
      const served = await fetch(suite.url((await shown.getAttribute("src"))!));
      expect([served.status, served.headers.get("content-type")]).toEqual([200, "image/png"]);
      await page.goto(editUrl);

      await page.getByLabel("Capacidad (personas)").fill("10");
      await page.getByLabel("Duración mínima (minutos)").fill("15");
      await page.getByRole("button", { name: "Guardar el espacio" }).click();
      const minimum = page.getByLabel("Duración mínima (minutos)");
      await page.locator("#field-minDurationMinutes-error").getByText("La duración mínima debe ser al menos la granularidad").waitFor();
      expect(await minimum.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByLabel("Capacidad (personas)").inputValue()).toBe("10");

      await minimum.fill("60");
      await page.getByLabel("Horas por persona a la semana").fill("6");
      await page.getByRole("checkbox", { name: /^Activo/ }).uncheck();
      await page.getByRole("button", { name: "Guardar el espacio" }).click();
      await page.waitForURL((u) => u.searchParams.get("hecho") === "guardado");
      await page.getByText("Los cambios fueron guardados.").waitFor();
      const saved = await db.space.findFirstOrThrow({ where: { name: "Sala de juntas del río" } });
      expect(saved).toMatchObject({ capacity: 10, minDurationMinutes: 60, userWeeklyHours: 6, orgWeeklyHours: null, requiresApproval: true, active: false });

      // Inactive spaces stay on the management list, marked so.
      await page.goto(suite.url("/espacios/gestion"));
      const spaces = page.getByRole("list", { name: "Espacios de Centro Yariguíes" });
      await spaces.getByText("Inactivo").waitFor();
    },
    TEST_MS,
  );

  it(
    "other accounts get the 403 page; unknown centers and spaces the 404 page",
    async () => {
      const { page } = await signedIn(suite, "COMPANY");
      const response = await page.goto(suite.url("/espacios/gestion/centros/nuevo"));
      expect(response?.status()).toBe(403);
      await page.getByText("Solo la Secretaría TIC, Ciencia e Innovación gestiona los centros y sus espacios.").waitFor();
      expect(await page.getByRole("link", { name: "Gestión de espacios" }).count()).toBe(0);

      // The Secretariat's own pages answer 404 for a center or space that does not exist.
      const secretariat = await signedIn(suite, "SECRETARIAT");
      expect((await secretariat.page.goto(suite.url("/espacios/gestion/centros/00000000-0000-4000-8000-000000000000")))?.status()).toBe(404);
      expect((await secretariat.page.goto(suite.url("/espacios/gestion/espacios/no-es-un-id")))?.status()).toBe(404);
    },
    TEST_MS,
  );
});
