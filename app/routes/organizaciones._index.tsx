import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterSelect, SectorFilter } from "~/components/filters";
import { VerifiedBadge } from "~/components/verified-badge";
import { titledPage } from "~/lib/meta";
import { can } from "../../server/authz/policy";
import { OrganizationKind, Sector } from "../../server/db/generated/enums";

export const meta = titledPage("nav.organizations");

const KINDS = Object.values(OrganizationKind);
const SECTORS = Object.values(Sector);

/** The directory's filters from its URL: an unknown kind or sector in a hand-edited link means "any", not an error. */
function listFilters(params: URLSearchParams) {
  return {
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    kind: KINDS.find((k) => k === params.get("tipo")),
    sector: SECTORS.find((s) => s === params.get("sector")),
    // The checkbox narrows to verified ones; unchecked means every organization, not the unverified only.
    verified: params.get("verificadas") === "1" ? true : undefined,
  };
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = listFilters(params);
  const cursor = params.get("cursor") || undefined;
  try {
    const page = await context.caller.organization.list({ ...filters, cursor, limit: 20 });
    return json({ ...page, filters, canRegister: can(context.ctx.actor, "organization.create", null) });
  } catch (error) {
    // A hand-edited or truncated "more" link: the error page says what is wrong with it.
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const { items, nextCursor, filters, canRegister } = useLoaderData<typeof loader>();
  const nextParams = new URLSearchParams();
  if (filters.q) nextParams.set("q", filters.q);
  if (filters.kind) nextParams.set("tipo", filters.kind);
  if (filters.sector) nextParams.set("sector", filters.sector);
  if (filters.verified) nextParams.set("verificadas", "1");
  if (nextCursor) nextParams.set("cursor", nextCursor);
  return (
    <section className="page" aria-labelledby="organizations-title">
      <div className="page-head">
        <div>
          <h1 id="organizations-title">{t("nav.organizations")}</h1>
          <p className="lead">{t("orgList.lead")}</p>
        </div>
        {canRegister ? (
          <Link className="button" to="/organizaciones/nueva">
            {t("orgList.register")}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("orgList.filters")}>
        <div className="field">
          <label htmlFor="q">{t("orgList.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("orgList.searchPlaceholder")} maxLength={100} />
        </div>
        <FilterSelect
          id="tipo"
          name="tipo"
          label={t("orgList.kind")}
          anyLabel={t("orgList.allKinds")}
          value={filters.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
        />
        <SectorFilter label={t("orgList.sector")} anyLabel={t("orgList.allSectors")} value={filters.sector} />
        <label className="choice filter-check">
          <input type="checkbox" name="verificadas" value="1" defaultChecked={filters.verified === true} /> {t("orgList.verifiedOnly")}
        </label>
        <button type="submit" className="secondary">
          {t("orgList.apply")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p role="status">{t("orgList.empty")}</p>
      ) : (
        <ul className="grid org-grid" aria-live="polite">
          {items.map((org) => (
            <li key={org.id} className="card org-card">
              {org.logoFileId ? (
                // Decorative: the organization's name is right beside it.
                <img className="org-logo" src={`/archivos/${org.logoFileId}`} alt="" width={56} height={56} loading="lazy" />
              ) : null}
              <div>
                <h2 className="card-title">
                  <Link to={`/organizaciones/${org.slug}`}>{org.name}</Link>
                </h2>
                <p className="tags">
                  <span className="tag">{t(`orgKind.${org.kind}`)}</span>
                  {org.verified ? <VerifiedBadge /> : null}
                </p>
                <p className="meta">
                  {org.city} · {t("orgList.members", { count: org.memberCount })}
                </p>
                <p className="meta">{org.sectors.map((s) => t(`sector.${s}`)).join(", ")}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="pager">
          <Link to={`/organizaciones?${nextParams.toString()}`}>{t("orgList.more")}</Link>
        </p>
      ) : null}
    </section>
  );
}
