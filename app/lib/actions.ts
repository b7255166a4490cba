import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";

export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** An action's error answer: the status of the error (4xx), its translated message and fields. */
export function actionFailure(context: AppLoadContext, error: unknown, values: Record<string, string> = {}) {
  // A response is already an answer (a 503 while the database is down): the error page shows it.
  if (error instanceof Response) throw error;
  const { message, fieldErrors, httpStatus } = context.describeError(error);
  return json<ActionFailure>({ ok: false, message, fieldErrors, values }, { status: httpStatus });
}

const OWN_ORIGIN = "http://cocrea.invalid";

/**
 * Only paths of this site: the target is resolved the way a browser would resolve it against our
 * own origin, and anything that lands on another origin (`//evil.example`, `/\tevil`, `/%09/evil`,
 * `https:evil`) falls back. The answer is the re-serialized path, so control characters come
 * back percent-encoded and can never break the Location header.
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can collapse into `//host` ("/..//evil"): the answer itself must stay home too.
  if (url.origin !== OWN_ORIGIN || new URL(path, OWN_ORIGIN).origin !== OWN_ORIGIN) return fallback;
  return path;
}

export function formValues(formData: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")]));
}
