import type { AppLoadContext } from "@remix-run/node";

/** Whether the signed-in visitor follows the idea; null for visitors who are not signed in (no button). */
export async function followingOf(context: AppLoadContext, ideaId: string): Promise<boolean | null> {
  if (!context.ctx.user) return null;
  return (await context.caller.follow.status({ ideaId })).following;
}
