import type { LoaderFunctionArgs } from "@remix-run/node";

/** Attachment downloads: the policy ("file.view") decides who sees a file; the file service streams it. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const { ctx } = context;
  try {
    return await ctx.files.openDownload(ctx.db, ctx.actor, params.id ?? "");
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    return new Response(message, { status: httpStatus, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
