import type { LoaderFunctionArgs } from "@remix-run/node";

/** Attachment downloads: the file service checks access and streams or redirects. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    return await context.ctx.files.openDownload(context.ctx.user, params.id ?? "");
  } catch (error) {
    const { httpStatus, message } = context.describeError(error);
    return new Response(message, { status: httpStatus, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
