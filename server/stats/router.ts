import { publicProcedure, router } from "../trpc/init";
// Their REST/OpenAPI description (GET /api/v1/indicators…) lives with the open data surface.
import { statsDefinitionsOutput, statsIndicatorsOutput, statsOpenApi } from "../data/stats-openapi";
import { indicatorsInput } from "./schemas";
import { describeIndicators, indicatorsFor } from "./service";

/** Public impact indicators: no account needed, counts only (never personal data). */
export const statsRouter = router({
  /** Every indicator for a period (the current month, quarter or year in Bogotá, or a custom range) and an optional sector. */
  indicators: publicProcedure.meta(statsOpenApi.indicators).input(indicatorsInput).output(statsIndicatorsOutput).query(({ ctx, input }) => indicatorsFor(ctx.db, ctx.locale, input)),
  /** Every indicator's key, family, unit, name and written definition. */
  definitions: publicProcedure.meta(statsOpenApi.definitions).output(statsDefinitionsOutput).query(({ ctx }) => describeIndicators(ctx.locale)),
});
