import { protectedProcedure, publicProcedure, router } from "../trpc/init";
import { loginInput, registerInput } from "./schemas";
import * as auth from "./service";

export const authRouter = router({
  register: publicProcedure.input(registerInput).mutation(({ ctx, input }) => auth.register(ctx, input)),
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => auth.login(ctx, input)),
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    await auth.logout(ctx);
    return { ok: true as const };
  }),
  /** "Log out everywhere": revokes every session of the account, this one included. */
  logoutEverywhere: protectedProcedure.mutation(async ({ ctx }) => ({ revoked: await auth.logoutEverywhere(ctx) })),
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
