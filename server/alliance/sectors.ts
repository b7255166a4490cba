import type { AllianceSector, OrganizationKind, Role } from "../db/generated/enums";

/**
 * The helix a party stands for. NGOs count as private (non-state) and startups as entrepreneurs:
 * the issue names four sectors and these are where Barrancabermeja's organizations sit (ADR 019).
 */
export const SECTOR_OF_KIND: Record<OrganizationKind, AllianceSector> = {
  UNIVERSITY: "ACADEMIA",
  COMPANY: "PRIVATE",
  PUBLIC_ENTITY: "PUBLIC",
  NGO: "PRIVATE",
  STARTUP: "ENTREPRENEUR",
};

/** A person taking part in their own name: the Secretariat is the public sector. */
export const SECTOR_OF_ROLE: Record<Role, AllianceSector> = {
  ENTREPRENEUR: "ENTREPRENEUR",
  ACADEMIA: "ACADEMIA",
  COMPANY: "PRIVATE",
  SECRETARIAT: "PUBLIC",
};

/** Public, private and academia all among the accepted parties. */
export function isTripleHelix(acceptedSectors: readonly AllianceSector[]): boolean {
  return (["PUBLIC", "PRIVATE", "ACADEMIA"] as const).every((sector) => acceptedSectors.includes(sector));
}

/** FORMING → ACTIVE: nobody still to answer, and two different sectors accepted. */
export function readyToActivate(pendingInvitations: number, acceptedSectors: readonly AllianceSector[]): boolean {
  return pendingInvitations === 0 && new Set(acceptedSectors).size >= 2;
}
