/**
 * The UI copy is split by area (ADR 010): every page loads the base copy; pages of the work tools
 * (moderation, organization management, juries, a call's participants) also load the "gestion"
 * area, and the alliances' pages the "alianzas" area, so a citizen reading ideas never downloads
 * the Secretariat's words or the alliances' forms. A key belongs to an
 * area by its prefix; a route declares the areas it needs with `export const handle = copyAreas("gestion")`,
 * which the server uses to link the area's script and the browser to load it before navigating
 * there (`clientLoader`, ./load-area.ts). tests/app/copy-areas.test.ts checks every route
 * declares the areas of the keys its modules use.
 */
export const COPY_AREAS = ["gestion", "alianzas", "datos", "indicadores"] as const;
export type CopyArea = (typeof COPY_AREAS)[number];

const AREA_PREFIXES: Record<CopyArea, readonly string[]> = {
  gestion: [
    "moderation.",
    "audit.",
    "orgAdmin.",
    "myOrgs.",
    "orgNew.",
    "orgVerify.",
    "welcomeOrg.",
    "evalAdmin.",
    "jury.",
    "callParticipants.",
    "spaceAdmin.",
  ],
  // Alliances' pages and partner suggestions; the idea's and call's pages show their alliances with base keys only.
  alianzas: ["alliances.", "matches.", "allianceParty.", "milestoneStatus.", "commitmentKind."],
  // /datos only: its explanations and table headings (the footer's link is the base key nav.openData).
  datos: ["openData."],
  // /indicadores only: its filters, units and chart captions (indicator names and definitions come from the API).
  indicadores: ["indicators."],
};

/** Keys under an area's prefix that a public page uses too: the Secretariat's decision form on an idea's page. */
const BASE_EXCEPTIONS = ["moderation.decision.", "moderation.resolve.", "moderation.move.", "moderation.done.", "moderation.reasonCount", "moderation.reports"];

/** The area a key belongs to, or null for the base copy. */
export function copyAreaOfKey(key: string): CopyArea | null {
  if (BASE_EXCEPTIONS.some((prefix) => key.startsWith(prefix))) return null;
  for (const area of COPY_AREAS) if (AREA_PREFIXES[area].some((prefix) => key.startsWith(prefix))) return area;
  return null;
}

export interface CopyHandle {
  copyAreas: readonly CopyArea[];
}

/** A route's `handle`: the copy areas its page needs beyond the base. */
export function copyAreas(...areas: CopyArea[]): CopyHandle {
  return { copyAreas: areas };
}

/** The areas the matched routes declare, in a stable order. */
export function copyAreasOf(matches: readonly { handle?: unknown }[]): CopyArea[] {
  const wanted = new Set<CopyArea>();
  for (const match of matches) {
    const handle = match.handle as Partial<CopyHandle> | undefined;
    for (const area of handle?.copyAreas ?? []) wanted.add(area);
  }
  return COPY_AREAS.filter((area) => wanted.has(area));
}
