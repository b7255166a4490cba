import type { Db } from "../../server/db/client";
import { DEMO_ACCOUNTS } from "../../server/seed/demo";
import { DEMO_ORGANIZATIONS, seedDemoOrganizations } from "../../server/seed/organizations";
import { createUser } from "./callers";

/** The seeded university (verified, with offers): the sample organization of page tests. */
export const SAMPLE_ORGANIZATION = DEMO_ORGANIZATIONS.find((o) => o.kind === "UNIVERSITY")!;

/**
 * The demo organizations (server/seed/organizations.ts), each owned by a fresh account with its
 * demo owner's email and role, without the rest of the demo data (ideas, reports) that would
 * change what other tests count. Returns the owners' ids by email.
 */
export async function seedOrganizations(db: Db): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const email of new Set(DEMO_ORGANIZATIONS.map((o) => o.owner))) {
    const account = DEMO_ACCOUNTS.find((a) => a.email === email)!;
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    owners.set(email, existing?.id ?? (await createUser(db, account.role, { email, name: account.name })).id);
  }
  await seedDemoOrganizations(db, owners);
  return owners;
}
