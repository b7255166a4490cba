import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { translate, type MessageKey } from "../../server/i18n/messages";

/** How a route's form is sent: plain fields, or fields with files. */
export type FormEncoding = "urlencoded" | "multipart";

const MEDIA_TYPES: Record<FormEncoding, string> = {
  urlencoded: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

/** Form pages answer GET (and HEAD) with the page and POST with their action. */
export const FORM_ROUTE_METHODS = "GET, HEAD, POST";

/**
 * The largest plain (urlencoded) form: the longest one, a whole idea's text, is ~11 000
 * characters. The app-wide limit (server/http/security.ts) is sized for uploads; a login form
 * must not buffer that much.
 */
export const MAX_URLENCODED_FORM_BYTES = 256 * 1024;

interface FormArgs {
  request: Request;
  context: Pick<AppLoadContext, "ctx">;
}

/** The error page's data: the status and a sentence in the visitor's language. */
export interface RequestRejection {
  message: string;
}

function reject({ context }: FormArgs, status: number, key: MessageKey, headers: Record<string, string> = {}): never {
  throw json<RequestRejection>({ message: translate(context.ctx.locale, key) }, { status, headers });
}

/**
 * Refuses, before any body is read, what no page of ours sends: another method than POST (405
 * with Allow), a body that is not the route's form encoding (415), a plain form larger than any
 * of ours (413). Throws a response the error page shows in the visitor's language.
 */
export function assertFormRequest(args: FormArgs, encoding: FormEncoding = "urlencoded"): void {
  const { request } = args;
  if (request.method !== "POST") reject(args, 405, "request.methodNotAllowed", { Allow: FORM_ROUTE_METHODS });
  const contentType = request.headers.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  if (mediaType !== MEDIA_TYPES[encoding]) reject(args, 415, "request.unsupportedType");
  // Without a boundary no multipart parser can find the fields.
  if (encoding === "multipart" && !/;\s*boundary=/i.test(contentType)) reject(args, 400, "request.invalid");
  if (encoding === "urlencoded" && Number(request.headers.get("content-length") ?? 0) > MAX_URLENCODED_FORM_BYTES) {
    reject(args, 413, "request.tooLarge");
  }
}

/** The fields of a plain form (assertFormRequest first); a body that cannot be read is a 400. */
export async function readForm(args: FormArgs): Promise<FormData> {
  assertFormRequest(args, "urlencoded");
  try {
    return await args.request.formData();
  } catch {
    return reject(args, 400, "request.invalid");
  }
}
