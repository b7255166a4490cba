/**
 * The ideas lifecycle through the callers each person has: an author drafts, submits, reads the
 * Secretariat's reason, edits and resubmits; the Secretariat decides (through the one status
 * writer, with its own session's actor); the public list and Spanish search find the result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { IdeaStatus } from "../../server/db/generated/enums";
import { changeIdeaStatus } from "../../server/idea/transitions";
import { ROLES, callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";

const suite = useTestServices();

const ideaFields = (overrides: Record<string, unknown> = {}) => ({
  title: "Transporte escolar por el río",
  summary: "Lanchas seguras que llevan a los niños de las veredas ribereñas al colegio.",
  problem: "Los niños de las veredas caminan horas por trochas para llegar a la escuela.",
  solution: "Una ruta de lanchas con chalecos, horarios fijos y seguimiento por GPS.",
  sector: "EDUCATION" as const,
  ...overrides,
});

async function secretariat() {
  const { ctx } = await callerAs(suite.services, "SECRETARIAT");
  const actor = ctx.actor!;
  return (ideaId: string, to: IdeaStatus, reason?: string) => changeIdeaStatus(suite.db, { ideaId, to, actor, reason });
}

describe("an idea from draft to publication", () => {
  it("DRAFT → SUBMITTED → CHANGES_REQUESTED (with a reason the author reads) → edited → SUBMITTED → PUBLISHED", async () => {
    const { caller: author, user } = await callerAs(suite.services, "ACADEMIA");
    const decide = await secretariat();

    const draft = await author.idea.create(ideaFields());
    expect(draft).toMatchObject({ status: "DRAFT", submittedAt: null, publishedAt: null });
    const submitted = await author.idea.submit({ id: draft.id });
    expect(submitted.status).toBe("SUBMITTED");

    // A request for changes needs a reason, which is the author's to read.
    const noReason = await failureOf(decide(draft.id, "CHANGES_REQUESTED", "   "));
    expect(noReason.httpStatus).toBe(400);
    expect(noReason.fieldErrors.reason).toBe("Explica el motivo: la persona autora lo verá.");
    const reason = "Cuenten cuántos niños viajarían y cuánto costaría la ruta al mes.";
    await decide(draft.id, "CHANGES_REQUESTED", reason);
    const history = await author.idea.history({ id: draft.id });
    expect(history.at(-1)).toMatchObject({ kind: "TRANSITION", fromStatus: "SUBMITTED", toStatus: "CHANGES_REQUESTED", reason, actor: { role: "SECRETARIAT" } });

    // The author edits (changes requested is editable) and resubmits.
    const edited = await author.idea.update({ id: draft.id, ...ideaFields({ summary: "Lanchas seguras para 120 niños de cuatro veredas, por 9 millones al mes." }) });
    expect(edited.status).toBe("CHANGES_REQUESTED");
    expect((await author.idea.submit({ id: draft.id })).status).toBe("SUBMITTED");
    expect((await author.idea.list({ authorId: user!.id })).items).toEqual([]);

    await decide(draft.id, "PUBLISHED");
    const published = await author.idea.byId({ id: draft.id });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).toBeInstanceOf(Date);
    const { caller: anyone } = await callerAs(suite.services, null);
    expect((await anyone.idea.list({ authorId: user!.id })).items.map((i) => i.id)).toEqual([draft.id]);
    expect((await author.idea.history({ id: draft.id })).map((e) => e.kind === "TRANSITION" ? `${e.fromStatus}→${e.toStatus}` : e.kind)).toEqual([
      "CREATED",
      "DRAFT→SUBMITTED",
      "SUBMITTED→CHANGES_REQUESTED",
      "EDITED",
      "CHANGES_REQUESTED→SUBMITTED",
      "SUBMITTED→PUBLISHED",
    ]);
  });

  it("answers moves the table does not have with 409 and a Spanish sentence naming both states", async () => {
    const { caller: author } = await callerAs(suite.services, "COMPANY");
    const decide = await secretariat();
    const idea = await author.idea.create(ideaFields());
    const publishDraft = await failureOf(decide(idea.id, "PUBLISHED"));
    expect(publishDraft.httpStatus).toBe(409);
    expect(publishDraft.message).toBe("Una idea «Borrador» no puede pasar a «Publicada».");

    await author.idea.submit({ id: idea.id });
    await decide(idea.id, "PUBLISHED");
    const resubmit = await failureOf(author.idea.submit({ id: idea.id }));
    expect(resubmit.httpStatus).toBe(409);
    expect(resubmit.message).toBe("Una idea «Publicada» no puede pasar a «En revisión».");
    const withdraw = await failureOf(author.idea.withdraw({ id: idea.id }));
    expect(withdraw.httpStatus).toBe(409);
    expect(withdraw.message).toBe("Una idea «Publicada» no puede pasar a «Borrador».");
  });

  it("refuses to edit a submitted or published idea with 409, and changes nothing", async () => {
    const { caller: author } = await callerAs(suite.services, "ENTREPRENEUR");
    const decide = await secretariat();
    const idea = await author.idea.create(ideaFields({ submit: true }));
    const whileReviewed = await failureOf(author.idea.update({ id: idea.id, ...ideaFields({ title: "Otro título cambiado" }) }));
    expect(whileReviewed.httpStatus).toBe(409);
    expect(whileReviewed.message).toBe("Solo puedes editar una idea en borrador o con cambios solicitados. Esta idea está «En revisión».");
    await decide(idea.id, "PUBLISHED");
    const published = await failureOf(author.idea.update({ id: idea.id, ...ideaFields({ title: "Otro título cambiado" }) }));
    expect(published.httpStatus).toBe(409);
    expect(published.message).toBe("Solo puedes editar una idea en borrador o con cambios solicitados. Esta idea está «Publicada».");
    expect((await suite.db.idea.findUniqueOrThrow({ where: { id: idea.id } })).title).toBe(ideaFields().title);
  });

  it("lets the authors withdraw a submission to keep editing it", async () => {
    const { caller: author } = await callerAs(suite.services, "ENTREPRENEUR");
    const idea = await author.idea.create(ideaFields({ submit: true }));
    expect((await author.idea.withdraw({ id: idea.id })).status).toBe("DRAFT");
    expect((await author.idea.update({ id: idea.id, ...ideaFields({ title: "Ruta escolar fluvial" }) })).title).toBe("Ruta escolar fluvial");
  });
});

describe("who reads drafts and histories", () => {
  let authorId: string;
  let draftId: string;
  let publishedId: string;
  let author: Awaited<ReturnType<typeof callerAs>>["caller"];

  beforeAll(async () => {
    const signedIn = await callerAs(suite.services, "ACADEMIA");
    author = signedIn.caller;
    authorId = signedIn.user!.id;
    draftId = (await author.idea.create(ideaFields({ title: "Borrador privado de prueba" }))).id;
    publishedId = (await author.idea.create(ideaFields({ title: "Idea pública con historial", submit: true }))).id;
    await (await secretariat())(publishedId, "PUBLISHED");
  });

  it("nobody but its authors and the Secretariat reads a draft, in any list or by id", async () => {
    for (const role of ROLES) {
      const { caller } = await callerAs(suite.services, role);
      expect((await caller.idea.list({ authorId, limit: 50 })).items.map((i) => i.id)).not.toContain(draftId);
      expect((await caller.idea.mine()).items.map((i) => i.id)).not.toContain(draftId);
      const byId = caller.idea.byId({ id: draftId });
      if (role === "SECRETARIAT") expect((await byId).id).toBe(draftId);
      else expect((await failureOf(byId)).httpStatus).toBe(404);
    }
    const { caller: anonymous } = await callerAs(suite.services, null);
    expect((await failureOf(anonymous.idea.byId({ id: draftId }))).message).toBe("No encontramos esta idea.");
    expect((await author.idea.mine()).items.map((i) => [i.id, i.status])).toEqual([
      [publishedId, "PUBLISHED"],
      [draftId, "DRAFT"],
    ]);
  });

  it("shows a published idea's history only to its authors and the Secretariat", async () => {
    expect((await author.idea.history({ id: publishedId })).length).toBe(3);
    const { caller: secretariatCaller } = await callerAs(suite.services, "SECRETARIAT");
    expect((await secretariatCaller.idea.history({ id: publishedId })).length).toBe(3);
    for (const role of ["ENTREPRENEUR", "ACADEMIA", "COMPANY", null] as const) {
      const { caller } = await callerAs(suite.services, role);
      // The idea is public, its history is not.
      expect((await caller.idea.byId({ id: publishedId })).id).toBe(publishedId);
      expect((await failureOf(caller.idea.history({ id: publishedId }))).httpStatus, String(role)).toBe(404);
    }
  });
});

describe("searching published ideas", () => {
  let authorId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const author = await createUser(suite.db, "ENTREPRENEUR");
    authorId = author.id;
    // Neutral texts, so that each searched word is only where a test puts it.
    const neutral = {
      summary: "Una propuesta de la comunidad para el Distrito.",
      problem: "Hoy nadie se ocupa de este asunto en el barrio.",
      solution: "Organizar a los vecinos con apoyo del Distrito.",
    };
    const publish = async (key: string, fields: Record<string, string>, minutesAgo: number) => {
      const idea = await suite.db.idea.create({
        data: { ...ideaFields({ ...neutral, ...fields }), authorId, status: "PUBLISHED", publishedAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
      ids[key] = idea.id;
    };
    await publish("problem", { title: "Comedor comunitario", problem: "Muchos niños llegan sin desayunar a la escuela del barrio Galán." }, 1);
    await publish("solution", { title: "Bicicletas compartidas", solution: "Estaciones de bicicletas junto a la Ciénaga San Silvestre y el malecón." }, 2);
    // Relevance: the word in the title ranks above the word only in the solution, whatever the date.
    for (let i = 0; i < 3; i++) {
      await publish(`title${i}`, { title: `Manglares restaurados ${i}`, solution: "Viveros de plántulas con las juntas de acción comunal." }, 100 + i);
      await publish(`body${i}`, { title: `Viveros comunitarios ${i}`, solution: `Sembrar manglares en la orilla del caño número ${i}.` }, 10 + i);
    }
  });

  const search = async (q: string, extra: Record<string, unknown> = {}) => {
    const { caller } = await callerAs(suite.services, null);
    return (await caller.idea.list({ authorId, q, limit: 50, ...extra })).items.map((i) => i.id);
  };

  it("finds words of the problem and the solution, without accents or case, and other forms of the word", async () => {
    expect(await search("escuelas")).toEqual([ids.problem]);
    expect(await search("ESCUELA")).toEqual([ids.problem]);
    expect(await search("desayuno")).toEqual([ids.problem]);
    expect(await search("cienaga")).toEqual([ids.solution]);
    expect(await search("Ciénaga MALECÓN")).toEqual([ids.solution]);
    expect(await search("malecon estaciones")).toEqual([ids.solution]);
    expect(await search("escuela bicicletas")).toEqual([]);
  });

  it("ranks title matches first by relevance, and pages through every match once", async () => {
    const newest = await search("manglares");
    expect(newest).toEqual([ids.body0, ids.body1, ids.body2, ids.title0, ids.title1, ids.title2]);
    const ranked = await search("Manglares", { sort: "relevance" });
    expect(ranked.slice(0, 3).sort()).toEqual([ids.title0, ids.title1, ids.title2].sort());
    expect(ranked.slice(3).sort()).toEqual([ids.body0, ids.body1, ids.body2].sort());

    const { caller } = await callerAs(suite.services, null);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.idea.list({ authorId, q: "manglares", sort: "relevance", limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(ranked);
    expect(new Set(seen).size).toBe(6);
  });
});

describe("editing a draft", () => {
  async function storedFileOf(userId: string) {
    return suite.db.storedFile.create({
      data: { store: "LOCAL", storageKey: `test/${crypto.randomUUID()}`, name: "plan.pdf", contentType: "application/pdf", size: 1234, sha256: "0".repeat(64), uploadedById: userId },
    });
  }

  it("adds and removes attachments, but never beyond five per idea over several edits", async () => {
    const { caller: author, user } = await callerAs(suite.services, "ENTREPRENEUR");
    const first = await Promise.all([1, 2, 3].map(() => storedFileOf(user!.id)));
    const idea = await author.idea.create({ ...ideaFields(), attachmentIds: first.map((f) => f.id) });
    const more = await Promise.all([1, 2, 3].map(() => storedFileOf(user!.id)));
    const tooMany = await failureOf(author.idea.update({ id: idea.id, ...ideaFields(), attachmentIds: more.map((f) => f.id) }));
    expect(tooMany.httpStatus).toBe(400);
    expect(tooMany.fieldErrors.attachmentIds).toBe("Puedes adjuntar como máximo 5 archivos.");
    expect(await suite.db.storedFile.count({ where: { ideaId: idea.id } })).toBe(3);
    // Removing one makes room for the three new ones in the same edit.
    const edited = await author.idea.update({ id: idea.id, ...ideaFields(), attachmentIds: more.map((f) => f.id), removeAttachmentIds: [first[0]!.id] });
    expect(edited.attachments).toHaveLength(5);
    expect(edited.attachments.map((f) => f.id)).not.toContain(first[0]!.id);
  });

  it("saves and submits in one step when asked", async () => {
    const { caller: author } = await callerAs(suite.services, "COMPANY");
    const idea = await author.idea.create(ideaFields());
    const sent = await author.idea.update({ id: idea.id, ...ideaFields({ title: "Ruta escolar en lancha" }), submit: true });
    expect(sent).toMatchObject({ title: "Ruta escolar en lancha", status: "SUBMITTED" });
  });

  it("keeps the organization a co-author is not a member of when they edit, but does not let them choose one", async () => {
    const { caller: owner, user: ownerUser } = await callerAs(suite.services, "ACADEMIA");
    const organization = await owner.organization.create({
      name: "Semillero de Robótica del Magdalena",
      kind: "UNIVERSITY",
      city: "Barrancabermeja",
      sectors: ["EDUCATION"],
      description: "Estudiantes que construyen robots para problemas del río y la ciudad.",
    });
    const author = await callerOfUser(suite.services, ownerUser!.id);
    const idea = await author.idea.create({ ...ideaFields(), organizationId: organization.id });
    const { caller: coauthor, user: coauthorUser } = await callerAs(suite.services, "ENTREPRENEUR");
    await author.coauthor.invite({ ideaId: idea.id, email: coauthorUser!.email });
    await coauthor.coauthor.respond({ ideaId: idea.id, accept: true });
    const edited = await coauthor.idea.update({ id: idea.id, ...ideaFields({ title: "Ruta escolar con robots" }), organizationId: organization.id });
    expect(edited.organization).toEqual({ id: organization.id, name: "Semillero de Robótica del Magdalena" });
    const other = await author.organization.create({
      name: "Otra organización de prueba",
      kind: "UNIVERSITY",
      city: "Barrancabermeja",
      sectors: ["EDUCATION"],
      description: "Una descripción suficientemente larga de la organización.",
    });
    const failure = await failureOf(coauthor.idea.update({ id: idea.id, ...ideaFields(), organizationId: other.id }));
    expect(failure.httpStatus).toBe(403);
    expect(failure.fieldErrors.organizationId).toBe("Solo puedes publicar a nombre de una organización de la que eres miembro.");
  });
});
