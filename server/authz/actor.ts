import type { MembershipRole, Role } from "../db/generated/enums";

/**
 * Who is asking, as policies see it: loaded once per request with the session (one query), so
 * no rule needs a query of its own to know the actor's organizations.
 */
export interface Actor {
  id: string;
  role: Role;
  /** Organization id → the actor's role in it. */
  memberships: ReadonlyMap<string, MembershipRole>;
}

export function actorFrom(user: { id: string; role: Role; memberships: { organizationId: string; role: MembershipRole }[] }): Actor {
  return {
    id: user.id,
    role: user.role,
    memberships: new Map(user.memberships.map((m) => [m.organizationId, m.role])),
  };
}
