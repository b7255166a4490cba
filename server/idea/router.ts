import { can } from "../authz/policy";
import { policyProcedure, protectedProcedure, publicProcedure, recordProcedure, router } from "../trpc/init";
import {
  createIdeaInput,
  ideaByIdInput,
  ideaTransitionInput,
  listIdeasInput,
  ownIdeasInput,
  updateIdeaInput,
} from "./schemas";
import { createIdea, findIdea, ideaHistory, listIdeas, listOwnIdeas, updateIdea } from "./service";
import { changeIdeaStatus } from "./transitions";

const ideaRecord = (action: "idea.view" | "idea.history") =>
  recordProcedure({
    input: ideaByIdInput,
    load: (ctx, input) => findIdea(ctx.db, input.id),
    action,
    notFound: "idea.notFound",
    hideAs: "idea.notFound",
  });

export const ideaRouter = router({
  /** A new idea is a DRAFT; `submit: true` sends it to review at once. */
  create: policyProcedure("idea.create")
    .input(createIdeaInput)
    .mutation(({ ctx, input }) => createIdea(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateIdeaInput).mutation(async ({ ctx, input }) => {
    const { idea, removedBlobs } = await updateIdea(ctx.db, ctx.actor, input);
    await ctx.files.deleteBlobs(removedBlobs);
    return idea;
  }),
  /** DRAFT or CHANGES_REQUESTED → SUBMITTED (the Secretariat's review queue). */
  submit: protectedProcedure.input(ideaTransitionInput).mutation(async ({ ctx, input }) => {
    await changeIdeaStatus(ctx.db, { ideaId: input.id, to: "SUBMITTED", actor: ctx.actor });
    return (await findIdea(ctx.db, input.id))!;
  }),
  /** SUBMITTED → DRAFT: the authors take a submission back to keep working on it. */
  withdraw: protectedProcedure.input(ideaTransitionInput).mutation(async ({ ctx, input }) => {
    await changeIdeaStatus(ctx.db, { ideaId: input.id, to: "DRAFT", actor: ctx.actor });
    return (await findIdea(ctx.db, input.id))!;
  }),
  list: publicProcedure.input(listIdeasInput).query(({ ctx, input }) => listIdeas(ctx.db, input)),
  /** Ideas the caller authors or co-authors (or is invited to), in every state. */
  mine: protectedProcedure.input(ownIdeasInput).query(({ ctx, input }) => listOwnIdeas(ctx.db, ctx.user.id, input)),
  /** Pending invitations are the authors' business: others see only who accepted to co-author. */
  byId: ideaRecord("idea.view").query(({ ctx }) => {
    const { record } = ctx;
    if (can(ctx.actor, "idea.edit", record) || can(ctx.actor, "moderation.act", null)) return record;
    const own = ctx.actor?.id;
    return { ...record, coauthors: record.coauthors.filter((c) => c.status === "ACCEPTED" || c.id === own) };
  }),
  /** Creation, edits and changes of state with who, when and why: authors and the Secretariat. */
  history: ideaRecord("idea.history").query(({ ctx }) => ideaHistory(ctx.db, ctx.record.id)),
});

