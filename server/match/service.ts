/** Partner suggestions: organizations most likely to help an idea or a call, ranked, with reasons in words. */
import type { Actor } from "../authz/actor";
import { can } from "../authz/policy";
import type { DbClient } from "../db/client";
import type { AlliancePartyStatus, OrganizationKind, Sector, VerificationStatus } from "../db/generated/enums";
import type { Locale } from "../i18n/locale";
import { rankOrganizations, type MatchSubject } from "./query";
import { reasonsFor, type MatchReason } from "./reasons";

export interface PartnerSuggestion {
  organization: { id: string; slug: string; name: string; kind: OrganizationKind; sectors: Sector[]; verification: VerificationStatus };
  score: number;
  reasons: MatchReason[];
  /** Alliances of this idea or call the organization is already invited to or part of. */
  alreadyIn: { allianceId: string; title: string; status: AlliancePartyStatus }[];
}

export interface PartnerSuggestions {
  suggestions: PartnerSuggestion[];
}

/** An invitation still open or accepted: the organization is, or may soon be, in the alliance. */
const PRESENT: readonly AlliancePartyStatus[] = ["INVITED", "ACCEPTED"];

/**
 * The subject's alliances the viewer may see (an alliance is private until it is active), with
 * the organizations in each: the page says "Ya está en la alianza X" only about alliances it may name.
 */
async function visibleAlliances(db: DbClient, subject: MatchSubject, viewer: Actor | null) {
  const alliances = await db.alliance.findMany({
    where: { ...(subject.kind === "idea" ? { ideaId: subject.ideaId } : { callId: subject.callId }), status: { not: "WITHDRAWN" } },
    select: {
      id: true,
      title: true,
      status: true,
      activatedAt: true,
      proposedById: true,
      parties: { select: { organizationId: true, userId: true, status: true, isProposer: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return alliances.filter((alliance) => can(viewer, "alliance.view", alliance));
}

async function suggestPartners(db: DbClient, locale: Locale, subject: MatchSubject, limit: number, viewer: Actor | null): Promise<PartnerSuggestions> {
  const [ranked, alliances] = await Promise.all([rankOrganizations(db, subject, limit), visibleAlliances(db, subject, viewer)]);
  return {
    suggestions: ranked.map((row) => ({
      organization: { id: row.id, slug: row.slug, name: row.name, kind: row.kind, sectors: row.sectors, verification: row.verification },
      score: Math.round(row.score * 1000) / 1000,
      reasons: reasonsFor(locale, row),
      alreadyIn: alliances.flatMap((alliance) => {
        const party = alliance.parties.find((p) => p.organizationId === row.id && PRESENT.includes(p.status));
        return party ? [{ allianceId: alliance.id, title: alliance.title, status: party.status }] : [];
      }),
    })),
  };
}

/** Organizations most likely to help an idea (its own organization left out). */
export function suggestPartnersForIdea(db: DbClient, locale: Locale, ideaId: string, limit: number, viewer: Actor | null) {
  return suggestPartners(db, locale, { kind: "idea", ideaId }, limit, viewer);
}

/** Organizations most likely to help a call (the proposing organization left out). */
export function suggestPartnersForCall(db: DbClient, locale: Locale, callId: string, limit: number, viewer: Actor | null) {
  return suggestPartners(db, locale, { kind: "call", callId }, limit, viewer);
}
