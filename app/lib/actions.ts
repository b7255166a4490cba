import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";

/** What was typed, as the form's fields nest it (`phases[0].name` → `{ phases: [{ name }] }`). */
export type FormValues = Record<string, unknown>;

export interface ActionFailure {
  ok: false;
  message: string;
  /** Per-field messages, keyed by the field's form name (`email`, `phases[1].name`). */
  fieldErrors: Record<string, string>;
  values: FormValues;
}

/**
 * An action's error answer: the status of the error (4xx), its translated message and fields.
 * Every failure of a form takes this one shape, whether the form's own schema refused it
 * (app/lib/forms.server.ts) or a procedure threw, so one component shows them all.
 */
export function actionFailure(context: Pick<AppLoadContext, "describeError">, error: unknown, values: FormValues = {}) {
  // A response is already an answer (a 503 while the database is down): the error page shows it.
  if (error instanceof Response) throw error;
  const { message, fieldErrors, httpStatus } = context.describeError(error);
  const byFormName = Object.fromEntries(Object.entries(fieldErrors).map(([path, text]) => [formFieldName(path), text]));
  return json<ActionFailure>({ ok: false, message, fieldErrors: byFormName, values }, { status: httpStatus });
}

/**
 * describeError names a field by its dotted path (`phases.1.name`), as the API always has; forms
 * name list items with brackets (`phases[1].name`, conform's convention), so the error lands on
 * the control that has that name.
 */
export function formFieldName(dottedPath: string): string {
  return dottedPath.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
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
