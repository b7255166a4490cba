import { protectedProcedure, publicProcedure, router } from "../trpc/init";
import { AppError } from "../trpc/errors";
import { z } from "../validation";
import type { Context } from "../trpc/context";
import { addFollow, followStatus, removeFollow } from "./follows";
import { listNotifications, markAllRead, markRead, unreadCount } from "./inbox";
import { getPreferences, setPreferences, unsubscribeKind } from "./preferences";
import { followInput, listNotificationsInput, markReadInput, preferencesInput } from "./schemas";
import { appSecret, readUnsubscribeToken } from "./unsubscribe";

/** Following ideas. */
export const followRouter = router({
  add: protectedProcedure.input(followInput).mutation(({ ctx, input }) => addFollow(ctx.db, ctx.actor, input.ideaId)),
  remove: protectedProcedure.input(followInput).mutation(({ ctx, input }) => removeFollow(ctx.db, ctx.actor, input.ideaId)),
  status: protectedProcedure.input(followInput).query(({ ctx, input }) => followStatus(ctx.db, ctx.actor, input.ideaId)),
});

/** The caller's own notifications, and only theirs. */
export const notificationRouter = router({
  list: protectedProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),
  /** The header's badge: one statement, capped (UNREAD_COUNT_CAP). */
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),
  markRead: protectedProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input.id)),
  markAllRead: protectedProcedure.mutation(({ ctx }) => markAllRead(ctx.db, ctx.user.id)),
});

const tokenInput = z.object({ token: z.string().min(1).max(300) });

function readToken(ctx: Context, token: string) {
  const read = readUnsubscribeToken(appSecret(ctx.env), token);
  if (!read) throw new AppError("NOT_FOUND", "unsubscribe.invalid");
  return read;
}

/** Email preferences: the caller's own, and the signed one-click unsubscribe links (no login). */
export const preferencesRouter = router({
  get: protectedProcedure.query(({ ctx }) => getPreferences(ctx.db, ctx.user.id)),
  set: protectedProcedure.input(preferencesInput).mutation(({ ctx, input }) => setPreferences(ctx.db, ctx.user.id, input)),
  /** What a link would stop, for the confirmation page. */
  unsubscribeInfo: publicProcedure.input(tokenInput).query(({ ctx, input }) => ({ scope: readToken(ctx, input.token).scope })),
  unsubscribe: publicProcedure.input(tokenInput).mutation(async ({ ctx, input }) => {
    const { userId, scope } = readToken(ctx, input.token);
    if ((await ctx.db.user.count({ where: { id: userId } })) === 0) throw new AppError("NOT_FOUND", "unsubscribe.invalid");
    if (scope === "DIGEST") {
      await ctx.db.notificationPreference.updateMany({ where: { userId, delivery: "DAILY" }, data: { delivery: "NONE" } });
    } else {
      await unsubscribeKind(ctx.db, userId, scope);
    }
    return { scope };
  }),
});
