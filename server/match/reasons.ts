/** Why an organization is suggested, in words, most telling first. */
import type { Sector } from "../db/generated/enums";
import type { Locale } from "../i18n/locale";
import { translate, type MessageKey } from "../i18n/messages";
import type { RankedOrganization } from "./query";

export type ReasonKind = "sector" | "offer" | "words" | "track" | "verified";

export interface MatchReason {
  kind: ReasonKind;
  text: string;
}

/** A page shows a few reasons; more would bury the telling one. */
const MAX_REASONS = 4;

const list = (locale: Locale, items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);

/** "Laboratorio de prototipado" reads "laboratorio de prototipado" mid-sentence; "SENA" stays as written. */
function midSentence(title: string): string {
  const [first = "", second = ""] = title;
  return second && second === second.toLowerCase() ? first.toLowerCase() + title.slice(1) : title;
}

function sectorText(locale: Locale, sectors: Sector[]): string {
  const names = list(locale, sectors.map((s) => translate(locale, `match.sector.${s}` as MessageKey)));
  return translate(locale, sectors.length === 1 ? "match.reason.sector" : "match.reason.sectors", { sectors: names });
}

export function reasonsFor(locale: Locale, ranked: RankedOrganization): MatchReason[] {
  const candidates: { kind: ReasonKind; weight: number; text: () => string }[] = [];
  if (ranked.sharedSectors.length > 0) {
    candidates.push({ kind: "sector", weight: ranked.sectorPart, text: () => sectorText(locale, ranked.sharedSectors) });
  }
  if (ranked.offerTitle) {
    const offer = midSentence(ranked.offerTitle);
    candidates.push({ kind: "offer", weight: ranked.offerPart, text: () => translate(locale, "match.reason.offer", { offer }) });
  }
  if (ranked.words.length > 0) {
    const quoted = ranked.words.map((word) => translate(locale, "match.quotedWord", { word }));
    candidates.push({ kind: "words", weight: ranked.wordsPart, text: () => translate(locale, "match.reason.words", { words: list(locale, quoted) }) });
  }
  if (ranked.track > 0) {
    candidates.push({ kind: "track", weight: ranked.trackPart, text: () => translate(locale, "match.reason.track", { count: ranked.track }) });
  }
  if (ranked.verification === "VERIFIED") {
    candidates.push({ kind: "verified", weight: ranked.verifiedPart, text: () => translate(locale, "match.reason.verified") });
  }
  return candidates
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_REASONS)
    .map((reason) => ({ kind: reason.kind, text: reason.text() }));
}
