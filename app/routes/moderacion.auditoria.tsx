import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ScrollTable } from "~/components/scroll-table";
import { useTranslation } from "~/i18n/react";
import { AuditEntry } from "~/components/audit-entry";
import { titledPage } from "~/lib/meta";
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, requireSecretariat } from "~/lib/moderation.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta = titledPage("audit.title");

const FILTERS = ["action", "actorId", "subjectType", "subjectId", "from", "to"] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireSecretariat(context, request, "audit.view");
  const params = new URL(request.url).searchParams;
  const filters: Filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!.slice(0, 100)]] : [])));
  const cursor = params.get("cursor") || undefined;
  const options = { actions: AUDIT_ACTIONS, subjectTypes: AUDIT_SUBJECT_TYPES };
  try {
    const page = await context.caller.audit.list({ ...filters, cursor, limit: 25 });
    return json({ page, filters, fieldErrors: {} as Record<string, string>, message: null, ...options });
  } catch (error) {
    // Filters are a GET form: a wrong one is answered on the page, next to its field.
    const { httpStatus, message, fieldErrors } = context.describeError(error);
    if (httpStatus !== 400) throw error;
    const page: Awaited<ReturnType<typeof context.caller.audit.list>> = { items: [], nextCursor: null };
    return json({ page, filters, fieldErrors, message, ...options }, { status: 400 });
  }
}

function FilterField({ name, label, error, children }: { name: string; label: string; error?: string; children: (props: object) => JSX.Element }) {
  const id = `audit-${name}`;
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
    </div>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { page, filters, fieldErrors, message, actions, subjectTypes } = useLoaderData<typeof loader>();
  const href = (extra: Record<string, string>) => `/moderacion/auditoria?${new URLSearchParams({ ...filters, ...extra }).toString()}`;
  const actorName = filters.actorId ? page.items.find((e) => e.actor?.id === filters.actorId)?.actor?.name : undefined;
  const otherErrors = Object.entries(fieldErrors).filter(([field]) => !(FILTERS as readonly string[]).includes(field));
  return (
    <section className="page" aria-labelledby="audit-title">
      <p>
        <Link to="/moderacion">← {t("moderation.idea.back")}</Link>
      </p>
      <h1 id="audit-title">{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      <Form method="get" className="filters" aria-label={t("audit.filters")}>
        {filters.actorId ? <input type="hidden" name="actorId" value={filters.actorId} /> : null}
        <FilterField name="action" label={t("audit.action")} error={fieldErrors.action}>
          {(props) => (
            <select {...props} defaultValue={filters.action ?? ""}>
              <option value="">{t("audit.allActions")}</option>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {t(`audit.action.${action}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField name="subjectType" label={t("audit.subjectType")} error={fieldErrors.subjectType}>
          {(props) => (
            <select {...props} defaultValue={filters.subjectType ?? ""}>
              <option value="">{t("audit.allSubjects")}</option>
              {subjectTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`audit.subject.${type}`)}
                </option>
              ))}
            </select>
          )}
        </FilterField>
        <FilterField name="subjectId" label={t("audit.subjectId")} error={fieldErrors.subjectId}>
          {(props) => <input {...props} type="text" defaultValue={filters.subjectId ?? ""} maxLength={64} />}
        </FilterField>
        <FilterField name="from" label={t("audit.from")} error={fieldErrors.from}>
          {(props) => <input {...props} type="date" defaultValue={filters.from ?? ""} />}
        </FilterField>
        <FilterField name="to" label={t("audit.to")} error={fieldErrors.to}>
          {(props) => <input {...props} type="date" defaultValue={filters.to ?? ""} />}
        </FilterField>
        <button type="submit" className="secondary">
          {t("audit.apply")}
        </button>
        {Object.keys(filters).length > 0 ? <Link to="/moderacion/auditoria">{t("audit.clear")}</Link> : null}
      </Form>
      {filters.actorId ? (
        <p className="notice">
          {actorName ? t("audit.actorOnly", { name: actorName }) : null} {fieldErrors.actorId ?? null}
        </p>
      ) : null}
      {/* What no filter field shows (a broken "older entries" link). */}
      {message && (otherErrors.length > 0 || Object.keys(fieldErrors).length === 0) ? (
        <p className="error" role="alert">
          {message}
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <p role="status">{t("audit.empty")}</p>
      ) : (
        <ScrollTable captionId="audit-caption" caption={t("audit.caption")} columns={[t("audit.col.when"), t("audit.col.who"), t("audit.col.action"), t("audit.col.subject"), t("audit.col.reason"), t("audit.col.changes")]}>
          {page.items.map((entry) => (
            <AuditEntry key={entry.id} entry={entry} filterHref={href} />
          ))}
        </ScrollTable>
      )}
      {page.nextCursor ? (
        <p className="pager">
          <Link to={href({ cursor: page.nextCursor })}>{t("audit.more")}</Link>
        </p>
      ) : null}
    </section>
  );
}
