import type { LoaderFunctionArgs } from "@remix-run/node";
import { copyScriptAt } from "~/i18n/messages.server";

/** The UI copy of one language as a script (app/i18n/messages.server.ts): cached for a year under a name that changes with it. */
export function loader({ params }: LoaderFunctionArgs) {
  const script = copyScriptAt(params.name ?? "");
  if (!script) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(script.source, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": script.current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
