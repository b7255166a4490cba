import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, callerAs, createUser, failureOf, useTestServices } from "../support/callers";

const suite = useTestServices();

const validIdea = (overrides: Record<string, unknown> = {}) => ({
  title: "Turnos en línea para el muelle fluvial",
  summary: "Programar el cargue y descargue en el puerto para reducir filas de camiones.",
  problem: "Las filas de camiones en el muelle encarecen la logística y congestionan el centro.",
  solution: "Ventanas de tiempo reservables, avisos por SMS y un tablero compartido con operadores.",
  sector: "RIVER_LOGISTICS" as const,
  ...overrides,
});

async function storedFileOf(userId: string) {
  return suite.db.storedFile.create({
    data: {
      store: "LOCAL",
      storageKey: `test/${crypto.randomUUID()}`,
      name: "plan.pdf",
      contentType: "application/pdf",
      size: 1234,
      sha256: "0".repeat(64),
      uploadedById: userId,
    },
  });
}

describe("idea.create authorization, by role", () => {
  it.each(["ENTREPRENEUR", "ACADEMIA", "COMPANY"] as const)("lets %s draft an idea, unpublished until the Secretariat decides", async (role) => {
    const { caller, user } = await callerAs(suite.services, role);
    const idea = await caller.idea.create(validIdea());
    expect(idea).toMatchObject({ title: validIdea().title, status: "DRAFT", author: { id: user!.id }, publishedAt: null });
    const submitted = await caller.idea.create(validIdea({ submit: true }));
    expect(submitted).toMatchObject({ status: "SUBMITTED", publishedAt: null });
    expect(submitted.submittedAt).toBeInstanceOf(Date);
  });

  it.each(["SECRETARIAT"] as const)("refuses %s with 403 and writes nothing", async (role) => {
    const { caller } = await callerAs(suite.services, role);
    const before = await suite.db.idea.count();
    const failure = await failureOf(caller.idea.create(validIdea()));
    expect(failure.httpStatus).toBe(403);
    expect(failure.message).toBe("Tu cuenta no tiene permiso para esta acción.");
    expect(await suite.db.idea.count()).toBe(before);
  });

  it("refuses an anonymous caller with 401", async () => {
    const { caller } = await callerAs(suite.services, null);
    expect((await failureOf(caller.idea.create(validIdea()))).httpStatus).toBe(401);
  });
});

describe("idea.create validation and attachments", () => {
  it("reports every invalid field in Spanish and writes nothing", async () => {
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    const before = await suite.db.idea.count();
    const failure = await failureOf(
      caller.idea.create(validIdea({ title: "Hola", summary: "   ", solution: "x".repeat(5001), sector: "MINERIA" })),
    );
    expect(failure.httpStatus).toBe(400);
    expect(failure.fieldErrors).toEqual({
      title: "Debe tener al menos 5 caracteres.",
      summary: "Este campo es obligatorio.",
      solution: "Puede tener como máximo 5000 caracteres.",
      sector: "Elige una de las opciones disponibles.",
    });
    expect(await suite.db.idea.count()).toBe(before);
  });

  it("attaches the author's own uploaded files", async () => {
    const { caller, user } = await callerAs(suite.services, "ENTREPRENEUR");
    const files = [await storedFileOf(user!.id), await storedFileOf(user!.id)];
    const idea = await caller.idea.create(validIdea({ attachmentIds: files.map((f) => f.id) }));
    expect(idea.attachments.map((a) => a.id).sort()).toEqual(files.map((f) => f.id).sort());
  });

  it("refuses someone else's file, and then creates no idea at all", async () => {
    const { caller } = await callerAs(suite.services, "ENTREPRENEUR");
    const stranger = await createUser(suite.db, "ENTREPRENEUR");
    const theirs = await storedFileOf(stranger.id);
    const before = await suite.db.idea.count();
    const failure = await failureOf(caller.idea.create(validIdea({ attachmentIds: [theirs.id] })));
    expect(failure.fieldErrors.attachmentIds).toBe("Uno de los adjuntos no existe o ya está en uso.");
    expect(await suite.db.idea.count()).toBe(before);
    expect((await suite.db.storedFile.findUniqueOrThrow({ where: { id: theirs.id } })).ideaId).toBeNull();
  });

  it("refuses a file already attached to another idea", async () => {
    const { caller, user } = await callerAs(suite.services, "ENTREPRENEUR");
    const file = await storedFileOf(user!.id);
    const first = await caller.idea.create(validIdea({ attachmentIds: [file.id] }));
    const failure = await failureOf(caller.idea.create(validIdea({ attachmentIds: [file.id] })));
    expect(failure.httpStatus).toBe(400);
    expect((await suite.db.storedFile.findUniqueOrThrow({ where: { id: file.id } })).ideaId).toBe(first.id);
  });

  it("lets only one of two parallel ideas claim the same file", async () => {
    const { caller, user } = await callerAs(suite.services, "ENTREPRENEUR");
    const file = await storedFileOf(user!.id);
    const results = await Promise.allSettled([
      caller.idea.create(validIdea({ title: "Primera idea en paralelo", attachmentIds: [file.id] })),
      caller.idea.create(validIdea({ title: "Segunda idea en paralelo", attachmentIds: [file.id] })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await suite.db.idea.count({ where: { title: { endsWith: "idea en paralelo" } } })).toBe(1);
  });
});

describe("idea.list and idea.byId", () => {
  let authorId: string;
  const created: string[] = [];

  beforeAll(async () => {
    const author = await createUser(suite.db, "ENTREPRENEUR", { name: "Autora del listado" });
    authorId = author.id;
    for (let i = 0; i < 7; i++) {
      const idea = await suite.db.idea.create({
        data: {
          ...validIdea({ title: `Listado ${i} ${i % 2 === 0 ? "agro" : "turismo"}`, sector: i % 2 === 0 ? "AGROINDUSTRY" : "TOURISM" }),
          authorId,
          status: "PUBLISHED",
          publishedAt: new Date(Date.UTC(2030, 0, 1, 0, i)),
          createdAt: new Date(Date.UTC(2029, 0, 1, 0, i)),
        },
      });
      created.push(idea.id);
    }
    await suite.db.idea.create({
      data: { ...validIdea({ title: "Listado borrador oculto" }), authorId, status: "DRAFT", createdAt: new Date(Date.UTC(2030, 0, 2)) },
    });
  });

  it("pages through published ideas newest first, without repeats or gaps, for anyone", async () => {
    const { caller } = await callerAs(suite.services, null);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.idea.list({ authorId, limit: 3, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it("filters by sector and by words in the title, case-insensitively", async () => {
    const { caller } = await callerAs(suite.services, null);
    const agro = await caller.idea.list({ authorId, sector: "AGROINDUSTRY", limit: 50 });
    expect(agro.items.map((i) => i.title)).toEqual(["Listado 6 agro", "Listado 4 agro", "Listado 2 agro", "Listado 0 agro"]);
    const turismo = await caller.idea.list({ authorId, q: "TURISMO", limit: 50 });
    expect(turismo.items).toHaveLength(3);
  });

  it("searches in Spanish: accents and word forms do not matter, and words found nowhere give nothing", async () => {
    const { caller } = await callerAs(suite.services, null);
    const idea = await suite.db.idea.create({
      data: {
        ...validIdea({ title: "Energía solar para las ciénagas", summary: "Paneles flotantes que alimentan bombas de agua para pescadores." }),
        authorId,
        status: "PUBLISHED",
        publishedAt: new Date(),
      },
    });
    for (const q of ["energia", "CIÉNAGA", "pescador", "paneles flotantes"]) {
      expect((await caller.idea.list({ authorId, q, limit: 50 })).items.map((i) => i.id), q).toEqual([idea.id]);
    }
    expect((await caller.idea.list({ authorId, q: "zxqvbnm", limit: 50 })).items).toEqual([]);
    await suite.db.idea.delete({ where: { id: idea.id } });
  });

  it("never lists or shows a draft to other people, but shows it to its author and the Secretariat", async () => {
    const draft = await suite.db.idea.findFirstOrThrow({ where: { title: "Listado borrador oculto" } });
    for (const role of ROLES) {
      const { caller } = await callerAs(suite.services, role);
      const list = await caller.idea.list({ authorId, limit: 50 });
      expect(list.items.map((i) => i.id)).not.toContain(draft.id);
      if (role === "SECRETARIAT") expect((await caller.idea.byId({ id: draft.id })).id).toBe(draft.id);
      else expect((await failureOf(caller.idea.byId({ id: draft.id }))).httpStatus).toBe(404);
    }
    const { caller: anonymous } = await callerAs(suite.services, null);
    expect((await failureOf(anonymous.idea.byId({ id: draft.id }))).message).toBe("No encontramos esta idea.");
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    const { caller } = await callerAs(suite.services, null);
    expect((await failureOf(caller.idea.byId({ id: crypto.randomUUID() }))).httpStatus).toBe(404);
    expect((await failureOf(caller.idea.byId({ id: "../../etc/passwd" }))).fieldErrors.id).toBe("El identificador no es válido.");
  });

  it("answers an unpublished idea's id used as a cursor exactly like any other invalid cursor", async () => {
    const { caller } = await callerAs(suite.services, null);
    const draft = await suite.db.idea.findFirstOrThrow({ where: { title: "Listado borrador oculto" } });
    const answers = await Promise.all(
      [draft.id, crypto.randomUUID(), "no-es-un-cursor", Buffer.from(`2030-01-02T00:00:00.000Z|${draft.id}|x`).toString("base64url")].map(
        async (cursor) => {
          const { httpStatus, message, fieldErrors } = await failureOf(caller.idea.list({ authorId, cursor }));
          return { httpStatus, message, fieldErrors };
        },
      ),
    );
    expect(answers[0]).toEqual({
      httpStatus: 400,
      message: "El enlace de la página siguiente no es válido. Vuelve a la primera página.",
      fieldErrors: { cursor: "El enlace de la página siguiente no es válido. Vuelve a la primera página." },
    });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it("gives opaque cursors that name no idea", async () => {
    const { caller } = await callerAs(suite.services, null);
    const page = await caller.idea.list({ authorId, limit: 2 });
    expect(page.nextCursor).not.toContain(page.items[1]!.id);
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("rejects a page size over 50", async () => {
    const { caller } = await callerAs(suite.services, null);
    expect((await failureOf(caller.idea.list({ limit: 500 }))).httpStatus).toBe(400);
  });
});
