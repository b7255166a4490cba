import type { Db } from "../../server/db/client";
import type { OrganizationKind, Sector } from "../../server/db/generated/enums";
import type { Services } from "../../server/trpc/context";
import { callerOfUser, createUser } from "../support/callers";

let n = 0;

/** An organization of `kind` whose owner (and optional member) are new users; callers for both. */
export async function organizationWithOwner(services: Services, kind: OrganizationKind, options: { name?: string; sectors?: Sector[] } = {}) {
  // Captured before any await: fixtures made in parallel each keep their own number.
  const k = ++n;
  const owner = await createUser(services.db, kind === "UNIVERSITY" ? "ACADEMIA" : kind === "STARTUP" ? "ENTREPRENEUR" : "COMPANY");
  const member = await createUser(services.db, kind === "UNIVERSITY" ? "ACADEMIA" : "COMPANY");
  const organization = await services.db.organization.create({
    data: {
      name: options.name ?? `Organización ${kind.toLowerCase()} ${k}`,
      slug: `org-alianza-${k}-${Date.now()}`,
      kind,
      sectors: options.sectors ?? [],
      members: { create: [{ userId: owner.id, role: "OWNER" }, { userId: member.id, role: "MEMBER" }] },
    },
  });
  return {
    id: organization.id,
    name: organization.name,
    owner: await callerOfUser(services, owner.id),
    ownerId: owner.id,
    member: await callerOfUser(services, member.id),
    memberId: member.id,
  };
}

/** A PUBLISHED idea by a new entrepreneur, and a caller for them. */
export async function publishedIdea(services: Services, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
  const author = await createUser(services.db, "ENTREPRENEUR");
  const idea = await services.db.idea.create({
    data: {
      title: "Biodiésel con aceite de cocina usado",
      summary: "Recolectar aceite usado de restaurantes para producir biodiésel local.",
      problem: "El aceite usado termina en el río Magdalena.",
      solution: "Una planta piloto de transesterificación con apoyo de laboratorio.",
      sector: "ENERGY_OIL",
      status,
      authorId: author.id,
      ...(status === "PUBLISHED" ? { publishedAt: new Date() } : {}),
    },
  });
  return { id: idea.id, authorId: author.id, author: await callerOfUser(services, author.id), authorEmail: author.email };
}

export const alliancePurpose = {
  title: "Alianza biodiésel Barrancabermeja",
  purpose: "Montar una planta piloto de biodiésel con aceite usado de la ciudad.",
  expectedOutcome: "Una planta piloto operando en 2027.",
};

export const mentoring = { kind: "MENTORING_HOURS" as const, quantity: 40, description: "Mentoría de ingeniería química", publishAmount: true };
export const funding = { kind: "FUNDING_COP" as const, quantity: 20_000_000, description: "Capital semilla para la planta", publishAmount: false };

export async function partyIdOf(db: Db, allianceId: string, who: { organizationId?: string; userId?: string }) {
  const party = await db.allianceParty.findFirstOrThrow({
    where: { allianceId, ...(who.organizationId ? { organizationId: who.organizationId } : { userId: who.userId }) },
  });
  return party.id;
}
