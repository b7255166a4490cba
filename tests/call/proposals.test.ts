import { describe, expect, it } from "vitest";
import { callerAs, callerOfUser, createUser, failureOf, useTestServices } from "../support/callers";
import { callForm, organizationOf } from "./helpers";

const suite = useTestServices();

async function proposer(verification: "VERIFIED" | "UNVERIFIED" | "PENDING" = "VERIFIED") {
  const owner = await createUser(suite.db, "COMPANY", { name: "Dueña de Ecopetrol Lab" });
  const organization = await organizationOf(suite.db, owner.id, verification);
  return { owner, organization, caller: await callerOfUser(suite.services, owner.id) };
}

describe("proposing a call", () => {
  it("goes proposal → changes requested → resubmitted → approved, audited, with the proposer told each decision", async () => {
    const { owner, organization, caller } = await proposer();
    const { caller: secretariat, user: secretary } = await callerAs(suite.services, "SECRETARIAT");
    const { caller: stranger } = await callerAs(suite.services, "ENTREPRENEUR");

    const created = await caller.calls.propose({ ...callForm(), organizationId: organization.id });
    expect(created.slug).toMatch(/^reto-\d+-agua-limpia/);

    // Private while a proposal: the proposer and the Secretariat see it, nobody else.
    const own = await caller.calls.bySlug({ slug: created.slug });
    expect(own).toMatchObject({ status: "PROPOSED", phase: "PROPOSED", proposingOrganization: { id: organization.id } });
    expect(own.sponsors.map((s) => s.id)).toEqual([organization.id]);
    expect(own.questions).toHaveLength(1);
    expect((await failureOf(stranger.calls.bySlug({ slug: created.slug }))).httpStatus).toBe(404);
    expect((await failureOf((await callerAs(suite.services, null)).caller.calls.bySlug({ slug: created.slug }))).httpStatus).toBe(404);

    // It waits in the Secretariat's queue.
    const queue = await secretariat.moderation.queue({ queue: "calls", limit: 50 });
    expect(queue.items.find((i) => i.id === created.id)).toMatchObject({ kind: "call", slug: created.slug, organization: { name: organization.name } });

    // Asking for changes needs a reason.
    const noReason = await failureOf(secretariat.calls.decide({ id: created.id, decision: "requestChanges" }));
    expect(noReason.httpStatus).toBe(400);
    expect(noReason.fieldErrors.reason).toBe("Escribe el motivo: la organización que la propuso lo verá.");

    await secretariat.calls.decide({ id: created.id, decision: "requestChanges", reason: "Precisen el premio y las fechas." });
    const changes = await caller.calls.bySlug({ slug: created.slug });
    expect(changes).toMatchObject({ status: "CHANGES_REQUESTED", statusReason: "Precisen el premio y las fechas.", viewer: { canEdit: true, canResubmit: true } });

    await caller.calls.update({ ...callForm(), id: created.id, title: "Reto: agua limpia, premio precisado", prizeAmountCop: 25_000_000 });
    await caller.calls.resubmit({ id: created.id });
    expect((await caller.calls.bySlug({ slug: created.slug })).status).toBe("PROPOSED");

    const approved = await secretariat.calls.decide({ id: created.id, decision: "approve" });
    expect(approved.status).toBe("APPROVED");
    const page = await stranger.calls.bySlug({ slug: created.slug });
    expect(page).toMatchObject({ title: "Reto: agua limpia, premio precisado", prizeAmountCop: 25_000_000, phase: "APPROVED", statusReason: null });

    const audit = await suite.db.auditEntry.findMany({ where: { subjectId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.reason])).toEqual([
      ["call.requestChanges", secretary!.id, "Precisen el premio y las fechas."],
      ["call.resubmit", owner.id, null],
      ["call.approve", secretary!.id, null],
    ]);

    const notifications = (await caller.notification.list({ order: "newest" })).items;
    expect(notifications.map((n) => [n.kind, n.callSlug, (n.data as { decision: string }).decision])).toEqual([
      ["CALL_PROPOSAL_DECISION", created.slug, "approve"],
      ["CALL_PROPOSAL_DECISION", created.slug, "requestChanges"],
    ]);
    expect(notifications[1]!.data).toMatchObject({ reason: "Precisen el premio y las fechas." });
    // An email for each, linking to the call's page.
    const outbox = await suite.db.emailOutbox.count({ where: { userId: owner.id } });
    expect(outbox).toBe(2);
  });

  it("rejection needs a reason, and a rejected proposal stays private", async () => {
    const { organization, caller } = await proposer();
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    const created = await caller.calls.propose({ ...callForm(), organizationId: organization.id });

    const failure = await failureOf(secretariat.calls.decide({ id: created.id, decision: "reject", reason: "  " }));
    expect(failure.httpStatus).toBe(400);
    expect(failure.fieldErrors.reason).toBeDefined();

    await secretariat.calls.decide({ id: created.id, decision: "reject", reason: "No corresponde a un reto de la ciudad." });
    expect(await caller.calls.bySlug({ slug: created.slug })).toMatchObject({ status: "REJECTED", statusReason: "No corresponde a un reto de la ciudad." });
    expect((await failureOf((await callerAs(suite.services, "ACADEMIA")).caller.calls.bySlug({ slug: created.slug }))).httpStatus).toBe(404);
    // A decided proposal cannot be decided again.
    expect((await failureOf(secretariat.calls.decide({ id: created.id, decision: "approve" }))).httpStatus).toBe(409);
    const audit = await suite.db.auditEntry.findFirst({ where: { subjectId: created.id, action: "call.reject" } });
    expect(audit?.reason).toBe("No corresponde a un reto de la ciudad.");
  });

  it("refuses owners of organizations that are not verified, with a message saying why", async () => {
    for (const verification of ["UNVERIFIED", "PENDING"] as const) {
      const { organization, caller } = await proposer(verification);
      const failure = await failureOf(caller.calls.propose({ ...callForm(), organizationId: organization.id }));
      expect(failure.httpStatus).toBe(403);
      expect(failure.message).toBe(
        `Solo las organizaciones verificadas pueden proponer convocatorias. Solicita primero la verificación de «${organization.name}».`,
      );
    }
    // A member (not owner) of a verified organization may not propose for it.
    const owner = await createUser(suite.db, "COMPANY");
    const member = await createUser(suite.db, "COMPANY");
    const organization = await organizationOf(suite.db, owner.id, "VERIFIED", member.id);
    const memberCaller = await callerOfUser(suite.services, member.id);
    expect((await failureOf(memberCaller.calls.propose({ ...callForm(), organizationId: organization.id }))).httpStatus).toBe(403);
  });

  it("answers bad input with 400 and a message on the field", async () => {
    const { organization, caller } = await proposer();
    const base = callForm();
    const outOfOrder = await failureOf(caller.calls.propose({ ...base, organizationId: organization.id, closesAt: base.opensAt }));
    expect(outOfOrder.httpStatus).toBe(400);
    expect(outOfOrder.fieldErrors.closesAt).toBe("El cierre debe ser posterior a la apertura.");

    const results = await failureOf(caller.calls.propose({ ...base, organizationId: organization.id, resultsAt: base.closesAt }));
    expect(results.fieldErrors.resultsAt).toBe("La publicación de resultados no puede ser anterior al fin de la evaluación.");

    const badDate = await failureOf(caller.calls.propose({ ...base, organizationId: organization.id, opensAt: "mañana" }));
    expect(badDate.httpStatus).toBe(400);
    expect(badDate.fieldErrors.opensAt).toBe("Escribe una fecha y hora válidas.");

    const tooMany = await failureOf(
      caller.calls.propose({
        ...base,
        organizationId: organization.id,
        questions: Array.from({ length: 11 }, (_, i) => ({ prompt: `Pregunta número ${i + 1}`, required: true })),
      }),
    );
    expect(tooMany.httpStatus).toBe(400);
    expect(tooMany.fieldErrors.questions).toBe("Puede incluir como máximo 10 elementos.");

    const negative = await failureOf(caller.calls.propose({ ...base, organizationId: organization.id, prizeAmountCop: -5 }));
    expect(negative.httpStatus).toBe(400);
    expect(negative.fieldErrors.prizeAmountCop).toBeDefined();

    const secretariatRole = await failureOf(caller.calls.propose({ ...base, organizationId: organization.id, eligibleRoles: ["SECRETARIAT"] }));
    expect(secretariatRole.httpStatus).toBe(400);

    // A terms document must be a PDF the proposer uploaded.
    const png = await suite.db.storedFile.create({
      data: { store: "LOCAL", storageKey: `k-${Date.now()}`, name: "logo.png", contentType: "image/png", size: 10, sha256: "0".repeat(64), uploadedById: (await createUser(suite.db, "COMPANY")).id },
    });
    const terms = await failureOf(caller.calls.propose({ ...base, organizationId: organization.id, termsFileId: png.id }));
    expect(terms.httpStatus).toBe(400);
    expect(terms.fieldErrors.termsFileId).toBe("Los términos de referencia deben ser un PDF que hayas subido y que no esté adjunto a otra cosa.");
  });

  it("keeps the terms PDF attached, public once approved, and out of the orphan sweep", async () => {
    const { owner, organization, caller } = await proposer();
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    const pdf = await suite.db.storedFile.create({
      data: { store: "LOCAL", storageKey: `terms-${Date.now()}`, name: "terminos.pdf", contentType: "application/pdf", size: 10, sha256: "0".repeat(64), uploadedById: owner.id, createdAt: new Date(Date.now() - 7 * 86_400_000) },
    });
    const created = await caller.calls.propose({ ...callForm(), organizationId: organization.id, termsFileId: pdf.id });
    await secretariat.calls.decide({ id: created.id, decision: "approve" });
    expect((await secretariat.calls.bySlug({ slug: created.slug })).termsFile).toMatchObject({ id: pdf.id, name: "terminos.pdf" });
    await suite.services.files.deleteOrphans(suite.db, new Date());
    expect(await suite.db.storedFile.count({ where: { id: pdf.id } })).toBe(1);
    const { can } = await import("../../server/authz/policy");
    expect(can(null, "file.view", { uploadedById: owner.id, idea: null, isPublicCallTerms: true })).toBe(true);
  });

  it("lets the Secretariat create a call approved at once, edit it before it opens, and not after", async () => {
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    const created = await secretariat.calls.create(callForm());
    const page = await secretariat.calls.bySlug({ slug: created.slug });
    expect(page).toMatchObject({ status: "APPROVED", phase: "APPROVED", proposingOrganization: null, criteria: [] });
    expect(page.viewer.canEdit).toBe(true);
    expect(await suite.db.auditEntry.count({ where: { subjectId: created.id, action: "call.create" } })).toBe(1);

    await secretariat.calls.update({ ...callForm(), id: created.id, title: "Reto editado por la Secretaría" });
    expect((await secretariat.calls.bySlug({ slug: created.slug })).title).toBe("Reto editado por la Secretaría");

    // Already open: not editable any more.
    const open = await secretariat.calls.create(callForm(new Date(Date.now() - 2 * 86_400_000)));
    const failure = await failureOf(secretariat.calls.update({ ...callForm(), id: open.id }));
    expect(failure.httpStatus).toBe(409);
    expect(failure.message).toBe("Esta convocatoria ya no se puede editar en su estado actual.");
  });

  it("lists the calls of my organizations in every state", async () => {
    const { organization, caller } = await proposer();
    const first = await caller.calls.propose({ ...callForm(), organizationId: organization.id });
    const mine = await caller.calls.mine();
    expect(mine.map((c) => c.id)).toContain(first.id);
    expect(mine.find((c) => c.id === first.id)).toMatchObject({ status: "PROPOSED", organization: { id: organization.id } });
    const { caller: other } = await callerAs(suite.services, "COMPANY");
    expect(await other.calls.mine()).toEqual([]);
  });
});
