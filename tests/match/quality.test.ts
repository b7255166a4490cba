/**
 * The quality check: for 10 hand-written ideas, the organization a person who knows
 * Barrancabermeja would call first is among the top 3 suggestions for at least 8.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { callerOfUser, createUser, useTestServices } from "../support/callers";
import { IDEAS, publishIdea, seedOrganizations } from "./fixtures";

const suite = useTestServices();

let organizationIds: Map<string, string>;
const ideaIds: string[] = [];
let authorId: string;

beforeAll(async () => {
  organizationIds = await seedOrganizations(suite.db);
  authorId = (await createUser(suite.db, "ENTREPRENEUR")).id;
  for (const idea of IDEAS) ideaIds.push((await publishIdea(suite.db, authorId, idea)).id);
});

describe("partner suggestions quality", () => {
  it("puts the known best match in the top 3 for at least 8 of 10 ideas", async () => {
    const caller = await callerOfUser(suite.services, authorId);
    const slugOf = new Map([...organizationIds].map(([slug, id]) => [id, slug]));
    const misses: string[] = [];
    for (const [index, idea] of IDEAS.entries()) {
      const { suggestions } = await caller.match.forIdea({ ideaId: ideaIds[index]!, limit: 5 });
      const top = suggestions.map((s) => slugOf.get(s.organization.id)!);
      if (!top.slice(0, 3).includes(idea.bestMatch)) misses.push(`«${idea.title}»: expected ${idea.bestMatch}, got ${top.join(", ")}`);
      if (process.env.MATCH_DEBUG) {
        console.log(idea.title, suggestions.map((s) => `${slugOf.get(s.organization.id)} ${s.score} [${s.reasons.map((r) => r.text).join(" | ")}]`));
      }
    }
    console.log(`Known best match in the top 3: ${IDEAS.length - misses.length} of ${IDEAS.length}`);
    if (misses.length > 0) console.log(`Misses:\n${misses.join("\n")}`);
    expect(IDEAS.length - misses.length).toBeGreaterThanOrEqual(8);
  });
});
