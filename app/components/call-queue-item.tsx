import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate, formatDateTime, type Locale } from "~/i18n";
import { formatAge } from "~/lib/age";

export interface CallQueueRow {
  id: string;
  slug: string;
  title: string;
  organization: { id: string; slug: string; name: string } | null;
  proposer: { id: string; name: string };
  opensAt: string;
  closesAt: string;
  waitingSince: string;
}

/** One call proposal of /moderacion; the Secretariat reviews and decides on the call's editor page. */
export function CallQueueItem({ item, now }: { item: CallQueueRow; now: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to={`/convocatorias/${item.slug}`}>{item.title}</Link>
      </h3>
      <p className="meta">
        {t("moderation.call.proposedBy", { name: item.proposer.name, organization: item.organization?.name ?? "—" })} ·{" "}
        <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince, locale)}>
          {t("moderation.waiting.calls", { age: formatAge(item.waitingSince, now, locale) })}
        </time>
      </p>
      <p className="meta">{t("moderation.call.dates", { opens: formatDate(item.opensAt, locale), closes: formatDate(item.closesAt, locale) })}</p>
      <p>
        <Link to={`/convocatorias/${item.slug}/editar`}>
          {t("moderation.call.review")}
          <span className="visually-hidden"> «{item.title}»</span>
        </Link>
      </p>
    </li>
  );
}

export interface CallParticipationQueueRow {
  id: string;
  role: string;
  message: string | null;
  call: { id: string; slug: string; title: string };
  organization: { id: string; slug: string; name: string; verification: string };
  waitingSince: string;
}

/** An organization's request to take part in a call; answered on the call's page. */
export function CallParticipationQueueItem({ item, now }: { item: CallParticipationQueueRow; now: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <li className="card">
      {item.organization.verification === "VERIFIED" ? null : (
        <p className="tags">
          <span className="tag">{t("moderation.callParticipation.unverified")}</span>
        </p>
      )}
      <h3 className="card-title">
        <Link to={`/convocatorias/${item.call.slug}`}>{item.call.title}</Link>
      </h3>
      <p>
        {t("moderation.callParticipation.asks", {
          organization: item.organization.name,
          role: t(`moderation.callParticipation.role.${item.role}` as never),
        })}
      </p>
      {item.message ? <p className="prose">«{item.message}»</p> : null}
      <p className="meta">
        <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince, locale)}>
          {t("moderation.waiting.callParticipations", { age: formatAge(item.waitingSince, now, locale) })}
        </time>
      </p>
    </li>
  );
}
