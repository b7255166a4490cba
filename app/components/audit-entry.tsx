import { Link } from "@remix-run/react";
import type { Translator } from "~/i18n";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";

export interface AuditEntryRow {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  before?: unknown;
  after?: unknown;
  createdAt: string;
  actor: { id: string; name: string | null } | null;
}

type Snapshot = Record<string, unknown>;

const asSnapshot = (value: unknown): Snapshot => (value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : {});

/** A recorded value in words: states and reasons by their names, anything else as it was stored. */
function valueText(t: Translator["t"], field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return t("audit.emptyValue");
  const named = (prefix: string) => t(`${prefix}.${String(value)}`, { defaultValue: String(value) });
  if (field === "status" || field === "hiddenFromStatus") return named("ideaStatus");
  if (field === "reports") return named("reportStatus");
  if (field === "verification") return named("audit.verification");
  if (field === "commentState") return named("audit.commentState");
  if (field === "reasons" && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([reason, count]) => t("moderation.reasonCount", { reason: t(`reportReason.${reason}`, { defaultValue: reason }), count }))
      .join(", ");
  }
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Before and after, field by field: "Estado: En revisión → Publicada". */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const was = asSnapshot(before);
  const is = asSnapshot(after);
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])];
  if (fields.length === 0) return <>{t("audit.none")}</>;
  return (
    <ul className="changes">
      {fields.map((field) => {
        const label = t(`audit.field.${field}`, { defaultValue: field });
        const text =
          field in was && field in is && JSON.stringify(was[field]) !== JSON.stringify(is[field])
            ? t("audit.change", { field: label, before: valueText(t, field, was[field]), after: valueText(t, field, is[field]) })
            : t("audit.value", { field: label, value: valueText(t, field, field in is ? is[field] : was[field]) });
        return <li key={field}>{text}</li>;
      })}
    </ul>
  );
}

/** One row of the log. `filterHref` builds this page's address with one more filter. */
export function AuditEntry({ entry, filterHref }: { entry: AuditEntryRow; filterHref: (filter: Record<string, string>) => string }) {
  const { t, i18n } = useTranslation();
  const shortId = entry.subjectId.slice(0, 8);
  return (
    <tr>
      <td>
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, i18n.language as Locale)}</time>
      </td>
      <td>
        {entry.actor === null ? (
          t("audit.platform")
        ) : (
          <Link to={filterHref({ actorId: entry.actor.id })}>
            {entry.actor.name ?? t("audit.deletedAccount")}
            <span className="visually-hidden"> ({t("audit.actorLink")})</span>
          </Link>
        )}
      </td>
      <td>{t(`audit.action.${entry.action}`, { defaultValue: entry.action })}</td>
      <td>
        <Link to={filterHref({ subjectType: entry.subjectType, subjectId: entry.subjectId })}>
          {t(`audit.subject.${entry.subjectType}`, { defaultValue: entry.subjectType })} <code>{shortId}</code>
        </Link>
        {entry.subjectType === "Idea" ? (
          <>
            {" · "}
            <Link to={`/moderacion/ideas/${entry.subjectId}`}>
              {t("audit.openIdea")}
              <span className="visually-hidden"> {shortId}</span>
            </Link>
          </>
        ) : null}
      </td>
      <td className="prose">{entry.reason ?? t("audit.none")}</td>
      <td>
        <AuditChanges before={entry.before} after={entry.after} />
      </td>
    </tr>
  );
}
