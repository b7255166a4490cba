import { policyProcedure, router } from "../trpc/init";
import { listAudit } from "./list";
import { auditListInput } from "./schemas";

export const auditRouter = router({
  /** The Secretariat's and the platform's recorded actions, newest first. */
  list: policyProcedure("audit.view")
    .input(auditListInput)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
