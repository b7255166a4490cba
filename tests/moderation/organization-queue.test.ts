import { describe, expect, it } from "vitest";
import { callerAs, createUser, useTestServices } from "../support/callers";

const suite = useTestServices();

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function organization(verification: "UNVERIFIED" | "PENDING" | "VERIFIED", requestedMinutesAgo: number | null, ownerId: string) {
  const n = Math.random().toString(36).slice(2, 9);
  return suite.db.organization.create({
    data: {
      name: `Organización de la cola ${n}`,
      slug: `cola-${n}`,
      kind: "NGO",
      city: "Barrancabermeja",
      sectors: ["ENVIRONMENT"],
      description: "Una fundación que cuida los humedales del Magdalena Medio.",
      verification,
      verificationRequestedAt: requestedMinutesAgo === null ? null : minutesAgo(requestedMinutesAgo),
      members: { create: [{ userId: ownerId, role: "OWNER" }] },
    },
    select: { id: true, slug: true, name: true },
  });
}

describe("the organizations verification queue of /moderacion", () => {
  it("lists pending requests oldest first, pages without gaps, counts them, and a decision takes one out", async () => {
    const { caller: secretariat } = await callerAs(suite.services, "SECRETARIAT");
    const owner = await createUser(suite.db, "ACADEMIA", { name: "Dueña de la fundación" });
    const before = (await secretariat.moderation.queues()).find((q) => q.id === "organizations")!.count;
    const newest = await organization("PENDING", 5, owner.id);
    const oldest = await organization("PENDING", 300, owner.id);
    const middle = await organization("PENDING", 60, owner.id);
    await organization("UNVERIFIED", null, owner.id);
    await organization("VERIFIED", 90, owner.id);

    const counts = await secretariat.moderation.queues();
    expect(counts.find((q) => q.id === "organizations")).toMatchObject({ titleKey: "orgVerify.queue", filters: [], count: before + 3 });

    // Other tests' organizations may wait too: only ours are compared, in their order.
    const ours = new Set([newest.id, oldest.id, middle.id]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await secretariat.moderation.queue({ queue: "organizations", limit: 2, cursor });
      for (const item of page.items) {
        expect(item.kind).toBe("organization");
        if (ours.has(item.id)) seen.push(item.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([oldest.id, middle.id, newest.id]);

    const review = await secretariat.moderation.organization({ id: oldest.id });
    expect(review).toMatchObject({ name: oldest.name, verification: "PENDING", owners: [{ name: "Dueña de la fundación", email: owner.email }] });

    await secretariat.organization.decideVerification({ id: oldest.id, decision: "verify" });
    const after = await secretariat.moderation.queue({ queue: "organizations", limit: 50 });
    expect(after.items.map((i) => i.id)).not.toContain(oldest.id);
  });
});
