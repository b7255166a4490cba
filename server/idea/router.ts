import { policyProcedure, publicProcedure, recordProcedure, router } from "../trpc/init";
import { createIdeaInput, ideaByIdInput, listIdeasInput } from "./schemas";
import { createIdea, findIdea, listIdeas } from "./service";

export const ideaRouter = router({
  create: policyProcedure("idea.create").input(createIdeaInput).mutation(({ ctx, input }) => createIdea(ctx.db, ctx.user.id, input)),
  list: publicProcedure.input(listIdeasInput).query(({ ctx, input }) => listIdeas(ctx.db, input)),
  byId: recordProcedure({
    input: ideaByIdInput,
    load: (ctx, input) => findIdea(ctx.db, input.id),
    action: "idea.view",
    notFound: "idea.notFound",
    hideAs: "idea.notFound",
  }).query(({ ctx }) => ctx.record),
});
