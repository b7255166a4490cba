/**
 * The last parties accepting at the same moment: the alliance activates once (one activation in
 * the audit log, one notice per person), whichever answer commits last.
 */
import { describe, expect, it } from "vitest";
import { useTestServices } from "../support/callers";
import { alliancePurpose, funding, mentoring, organizationWithOwner, partyIdOf, publishedIdea } from "./fixtures";

const suite = useTestServices();
const ROUNDS = 8;

describe("parallel acceptances", () => {
  it("activate the alliance exactly once", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const idea = await publishedIdea(suite.services);
      const parties = await Promise.all([
        organizationWithOwner(suite.services, "UNIVERSITY"),
        organizationWithOwner(suite.services, "COMPANY"),
        organizationWithOwner(suite.services, "PUBLIC_ENTITY"),
      ]);
      const { id } = await idea.author.alliance.create({ ...alliancePurpose, ideaId: idea.id, organizationIds: parties.map((p) => p.id) });
      const partyIds = await Promise.all(parties.map((p) => partyIdOf(suite.db, id, { organizationId: p.id })));
      const answers = await Promise.all(
        parties.map((p, i) => p.owner.alliance.answer({ partyId: partyIds[i]!, accept: true, commitments: [i % 2 ? funding : mentoring] })),
      );
      // Exactly one answer saw everyone answered and moved it; the others found it forming.
      expect(answers.filter((a) => a.allianceStatus === "ACTIVE").length).toBe(1);
      const alliance = await suite.db.alliance.findUniqueOrThrow({ where: { id } });
      expect(alliance).toMatchObject({ status: "ACTIVE", tripleHelix: true });
      expect(await suite.db.auditEntry.count({ where: { subjectId: id, action: "alliance.activate" } })).toBe(1);
      const notices = await suite.db.notification.groupBy({ by: ["recipientId"], where: { allianceId: id, kind: "ALLIANCE_STATUS_CHANGED" }, _count: true });
      expect(notices.every((n) => n._count === 1)).toBe(true);
      // The entrepreneur and the three owners, minus whoever activated it.
      expect(notices.length).toBe(3);
    }
  });
});
