import type { Db } from "../../server/db/client";

let n = 0;
/** An organization with `ownerId` as its OWNER and `memberIds` as MEMBERs (sessions created afterwards carry the membership). */
export async function createOrganizationFor(db: Db, ownerId: string, memberIds: string[] = []): Promise<string> {
  n += 1;
  const organization = await db.organization.create({
    data: { name: `Organización reservas ${n}`, slug: `org-reservas-${n}-${Date.now()}`, kind: "COMPANY", members: { create: [{ userId: ownerId, role: "OWNER" }, ...memberIds.map((userId) => ({ userId, role: "MEMBER" as const }))] } },
  });
  return organization.id;
}
