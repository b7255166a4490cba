import { publicProcedure, roleProcedure, router } from "../trpc/init";
import { createIdeaInput, ideaByIdInput, listIdeasInput } from "./schemas";
import { createIdea, getIdea, listIdeas } from "./service";

export const ideaRouter = router({
  create: roleProcedure("ENTREPRENEUR").input(createIdeaInput).mutation(({ ctx, input }) => createIdea(ctx, input)),
  list: publicProcedure.input(listIdeasInput).query(({ ctx, input }) => listIdeas(ctx, input)),
  byId: publicProcedure.input(ideaByIdInput).query(({ ctx, input }) => getIdea(ctx, input.id)),
});
