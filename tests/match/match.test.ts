import { beforeAll, describe, expect, it } from "vitest";
import type { AlliancePartyStatus, AllianceStatus } from "../../server/db/generated/enums";
import { callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { addCallParticipation, callTimeline, createApprovedCall } from "../support/calls";
import { IDEAS, publishIdea, seedOrganizations } from "./fixtures";

const suite = useTestServices();

const biodiesel = IDEAS.find((idea) => idea.bestMatch === "palmas-mm")!;
let ids: Map<string, string>;
let authorId: string;
let secretaryId: string;
let ideaId: string;

const id = (slug: string) => ids.get(slug)!;

async function alliance(input: {
  title: string;
  status: AllianceStatus;
  proposedById: string;
  ideaId?: string;
  callId?: string;
  parties: { organizationId?: string; userId?: string; status: AlliancePartyStatus; isProposer?: boolean }[];
}) {
  const active = input.status === "ACTIVE" || input.status === "COMPLETED";
  return suite.db.alliance.create({
    data: {
      title: input.title,
      purpose: "Unir capacidades para llevar la idea a un piloto en el puerto.",
      expectedOutcome: "Un piloto funcionando en seis meses.",
      ideaId: input.ideaId,
      callId: input.callId,
      status: input.status,
      proposedById: input.proposedById,
      activatedAt: active ? new Date() : null,
      parties: {
        create: input.parties.map((p) => ({
          organizationId: p.organizationId,
          userId: p.userId,
          sector: p.userId ? ("ENTREPRENEUR" as const) : ("PRIVATE" as const),
          status: p.status,
          isProposer: p.isProposer ?? false,
          invitedById: input.proposedById,
        })),
      },
    },
  });
}

beforeAll(async () => {
  ids = await seedOrganizations(suite.db);
  authorId = (await createUser(suite.db, "ENTREPRENEUR")).id;
  secretaryId = (await createUser(suite.db, "SECRETARIAT")).id;
  ideaId = (await publishIdea(suite.db, authorId, biodiesel)).id;

  // Palmas' track record: an accepted place in a call and an accepted party of an active alliance.
  const pastCall = await createApprovedCall(suite.db, { ...callTimeline(), proposedById: secretaryId, sectors: ["AGROINDUSTRY"] });
  await addCallParticipation(suite.db, { callId: pastCall.id, organizationId: id("palmas-mm"), role: "ALLY", createdById: secretaryId });
  const otherIdea = await publishIdea(suite.db, authorId, IDEAS.find((idea) => idea.bestMatch === "cacao-de-paz")!);
  await alliance({
    title: "Alianza del cacao",
    status: "ACTIVE",
    proposedById: authorId,
    ideaId: otherIdea.id,
    parties: [{ userId: authorId, status: "ACCEPTED", isProposer: true }, { organizationId: id("palmas-mm"), status: "ACCEPTED" }],
  });
});

const forIdea = async (locale: "es" | "en" = "es", limit = 8) =>
  (await callerOfUser(suite.services, authorId, { locale })).match.forIdea({ ideaId, limit });

describe("partner suggestions for an idea", () => {
  it("says in words why each organization is suggested, most telling first", async () => {
    const { suggestions } = await forIdea();
    const palmas = suggestions.find((s) => s.organization.slug === "palmas-mm")!;
    expect(suggestions[0]!.organization.slug).toBe("palmas-mm");
    expect(palmas.organization).toMatchObject({ name: "Palmas del Magdalena Medio S.A.S.", kind: "COMPANY", sectors: ["AGROINDUSTRY", "ENERGY_OIL"] });
    expect(palmas.reasons.map((r) => r.kind).sort()).toEqual(["offer", "sector", "track", "words"]);
    const text = Object.fromEntries(palmas.reasons.map((r) => [r.kind, r.text]));
    expect(text.sector).toBe("Comparte el sector energía y petróleo");
    expect(text.offer).toBe("Ofrece reactor piloto de transesterificación");
    expect(text.words).toMatch(/^Su perfil menciona «.+»/);
    expect(text.words).toContain("«biodiésel»");
    expect(text.track).toBe("Ya es aliada de 2 retos o alianzas");
    // The strongest signal (shared rare words) comes before the small track-record bonus.
    expect(palmas.reasons.at(-1)!.kind).toBe("track");

    const refinery = suggestions.find((s) => s.organization.slug === "refineria")!;
    expect(refinery.reasons).toContainEqual({ kind: "verified", text: "Organización verificada" });
    expect(refinery.organization.verification).toBe("VERIFIED");
    // Ranked by score; every suggestion has a relevant reason, not only a bonus.
    expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));
    for (const s of suggestions) {
      expect(s.reasons.some((r) => ["sector", "offer", "words"].includes(r.kind))).toBe(true);
      expect(s.reasons.length).toBeLessThanOrEqual(4);
    }
  });

  it("speaks English with locale en", async () => {
    const { suggestions } = await forIdea("en");
    const palmas = suggestions.find((s) => s.organization.slug === "palmas-mm")!;
    const text = Object.fromEntries(palmas.reasons.map((r) => [r.kind, r.text]));
    expect(text.sector).toBe("Shares the energy and oil sector");
    expect(text.offer).toBe("Offers reactor piloto de transesterificación");
    expect(text.words).toContain("Its profile mentions “");
    expect(text.track).toBe("Already a partner in 2 challenges or alliances");
    const refinery = suggestions.find((s) => s.organization.slug === "refineria")!;
    expect(refinery.reasons).toContainEqual({ kind: "verified", text: "Verified organization" });
  });

  it("leaves out the idea's own organization and organizations with nothing in common", async () => {
    const notary = await suite.db.organization.create({
      data: { slug: "notaria-segunda", name: "Notaría Segunda", kind: "COMPANY", sectors: ["OTHER"], verification: "VERIFIED", description: "Autenticación de firmas y escrituras." },
    });
    const ownIdea = await publishIdea(suite.db, authorId, biodiesel, id("palmas-mm"));
    const caller = await callerOfUser(suite.services, authorId);
    const { suggestions } = await caller.match.forIdea({ ideaId: ownIdea.id, limit: 20 });
    const slugs = suggestions.map((s) => s.organization.slug);
    expect(slugs).not.toContain("palmas-mm");
    expect(slugs).not.toContain(notary.slug);
    expect(slugs.length).toBeGreaterThan(3);
  });

  it("names the alliances of this idea an organization is already invited to or part of", async () => {
    const forming = await alliance({
      title: "Biodiésel para las chalupas",
      status: "FORMING",
      proposedById: authorId,
      ideaId,
      parties: [{ userId: authorId, status: "ACCEPTED", isProposer: true }, { organizationId: id("palmas-mm"), status: "INVITED" }, { organizationId: id("refineria"), status: "DECLINED" }],
    });
    const { suggestions } = await forIdea();
    const bySlug = new Map(suggestions.map((s) => [s.organization.slug, s]));
    expect(bySlug.get("palmas-mm")!.alreadyIn).toEqual([{ allianceId: forming.id, title: "Biodiésel para las chalupas", status: "INVITED" }]);
    // A declined invitation is not "already in"; nor is an alliance of another idea (the cacao one).
    expect(bySlug.get("refineria")!.alreadyIn).toEqual([]);
  });

  it("does not name an alliance the caller may not see yet", async () => {
    const owner = await createUser(suite.db, "COMPANY");
    await suite.db.membership.create({ data: { organizationId: id("hidrolab"), userId: owner.id, role: "OWNER" } });
    await alliance({
      title: "Alianza privada de Hidrolab",
      status: "FORMING",
      proposedById: owner.id,
      ideaId,
      parties: [{ organizationId: id("hidrolab"), status: "ACCEPTED", isProposer: true }, { organizationId: id("uis-barranca"), status: "INVITED" }],
    });
    const { suggestions } = await forIdea("es", 20);
    expect(suggestions.find((s) => s.organization.slug === "uis-barranca")!.alreadyIn).toEqual([]);
    const secretariat = await callerOfUser(suite.services, secretaryId);
    const seen = await secretariat.match.forIdea({ ideaId, limit: 20 });
    expect(seen.suggestions.find((s) => s.organization.slug === "uis-barranca")!.alreadyIn.map((a) => a.title)).toEqual(["Alianza privada de Hidrolab"]);
  });

  it("refuses a limit outside 1 to 20 with a clear message", async () => {
    const caller = await callerOfUser(suite.services, authorId);
    for (const limit of [0, 21]) {
      const failure = await failureOf(caller.match.forIdea({ ideaId, limit }));
      expect(failure.httpStatus).toBe(400);
      expect(failure.fieldErrors.limit).toBe("Puedes pedir entre 1 y 20 sugerencias.");
    }
    expect((await forIdea("es", 20)).suggestions.length).toBeLessThanOrEqual(20);
    expect((await forIdea("es", 1)).suggestions).toHaveLength(1);
  });
});

describe("partner suggestions for a call", () => {
  it("uses the call's sectors and text, and leaves out the proposing organization", async () => {
    const call = await createApprovedCall(suite.db, {
      ...callTimeline(),
      proposedById: secretaryId,
      proposingOrganizationId: id("transfluvial"),
      sectors: ["RIVER_LOGISTICS", "ENVIRONMENT"],
      title: "Reto: navegar el Magdalena en época seca",
      summary: "Buscamos formas de anticipar los bajos del canal y reducir las varadas de las embarcaciones.",
    });
    await suite.db.call.update({
      where: { id: call.id },
      data: {
        problem: "Las varadas en los pasos críticos detienen la carga durante días cuando baja el caudal.",
        objectives: "Conocer a tiempo la profundidad del canal y planear el calado de cada viaje.",
        expectedResults: "Un servicio de alertas con batimetrías recientes y niveles diarios.",
      },
    });
    const caller = await callerOfUser(suite.services, secretaryId);
    const { suggestions } = await caller.match.forCall({ callId: call.id, limit: 5 });
    const slugs = suggestions.map((s) => s.organization.slug);
    expect(slugs).not.toContain("transfluvial");
    expect(slugs[0]).toBe("cormagdalena");
    expect(suggestions[0]!.reasons).toContainEqual({ kind: "sector", text: "Comparte los sectores logística fluvial y medio ambiente" });
    expect(suggestions[0]!.reasons.find((r) => r.kind === "offer")?.text).toBe("Ofrece batimetrías y niveles del río");
    // An organization sharing one of the two sectors is told so, with that sector only.
    const all = await caller.match.forCall({ callId: call.id, limit: 20 });
    const hidrolab = all.suggestions.find((s) => s.organization.slug === "hidrolab")!;
    expect(hidrolab.reasons).toContainEqual({ kind: "sector", text: "Comparte el sector medio ambiente" });
  });
});
