import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";
import { formatAge } from "~/lib/age";

export interface OrganizationQueueRow {
  id: string;
  slug: string;
  name: string;
  organizationKind: string;
  nit: string | null;
  waitingSince: string;
}

/** One organization of the verification queue of /moderacion; the decision is taken on its own page. */
export function OrganizationQueueItem({ item, now }: { item: OrganizationQueueRow; now: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <li className="card">
      <p className="tags">
        <span className="tag">{t(`orgKind.${item.organizationKind}` as never)}</span>
      </p>
      <h3 className="card-title">
        <Link to={`/organizaciones/${item.slug}`}>{item.name}</Link>
      </h3>
      <p className="meta">
        {item.nit ? `${t("orgAdmin.field.nit")}: ${item.nit} · ` : null}
        <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince, locale)}>
          {t("orgVerify.waiting", { age: formatAge(item.waitingSince, now, locale) })}
        </time>
      </p>
      <p>
        <Link to={`/moderacion/organizaciones/${item.id}`}>
          {t("orgVerify.review")}
          <span className="visually-hidden"> «{item.name}»</span>
        </Link>
      </p>
    </li>
  );
}
