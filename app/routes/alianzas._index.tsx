import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { AllianceCard } from "~/components/alliance-card";
import { FilterSelect } from "~/components/filters";
import { titledPage } from "~/lib/meta";
import { SECTOR_WORDS, STATUS_WORDS } from "~/lib/alliance-format";
import { allianceListPage } from "~/lib/alliances.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const handle = copyAreas("alianzas");
export const clientLoader = loadCopyAreas("alianzas");

export const meta = titledPage("nav.alliances");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await allianceListPage(context, request));
}

export default function AlliancesPage() {
  const { t } = useTranslation();
  const { items, nextCursor, filters, mine } = useLoaderData<typeof loader>();
  const more = () => {
    const params = new URLSearchParams();
    if (filters.estado) params.set("estado", filters.estado);
    if (filters.triple) params.set("triple", "si");
    if (filters.sector) params.set("sector", filters.sector);
    params.set("cursor", nextCursor ?? "");
    return `/alianzas?${params.toString()}`;
  };
  return (
    <section className="page" aria-labelledby="alliances-title">
      <h1 id="alliances-title">{t("nav.alliances")}</h1>
      <p className="lead">{t("alliances.lead")}</p>
      {mine && mine.invitations.length > 0 ? (
        <section className="panel" aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t("alliances.invitations")}</h2>
          <ul>
            {mine.invitations.map((invitation) => (
              <li key={invitation.partyId}>
                <Link to={`/alianzas/${invitation.allianceId}`}>{invitation.title}</Link>
                {invitation.organization ? ` · ${t("alliances.for", { name: invitation.organization })}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label={t("alliances.filters")}>
        <FilterSelect
          id="estado"
          name="estado"
          label={t("ideas.state")}
          anyLabel={t("alliances.any")}
          value={filters.estado}
          options={Object.entries(STATUS_WORDS).map(([word, status]) => ({ value: word, label: t(`allianceStatus.${status}`) }))}
        />
        <FilterSelect
          id="sector"
          name="sector"
          label={t("alliances.sector")}
          anyLabel={t("alliances.any")}
          value={filters.sector}
          options={Object.entries(SECTOR_WORDS).map(([word, sector]) => ({ value: word, label: t(`allianceSector.${sector}`) }))}
        />
        <div className="field filter-check">
          <label className="choice">
            <input type="checkbox" name="triple" value="si" defaultChecked={filters.triple} /> {t("alliances.tripleOnly")}
          </label>
        </div>
        <button type="submit" className="secondary">
          {t("callList.apply")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p role="status">{t("alliances.empty")}</p>
      ) : (
        <ul className="grid">
          {items.map((alliance) => (
            <AllianceCard key={alliance.id} alliance={alliance} />
          ))}
        </ul>
      )}
      {nextCursor ? (
        <p className="pager">
          <Link to={more()}>{t("alliances.more")}</Link>
        </p>
      ) : null}
      {mine && mine.alliances.length > 0 ? (
        <section aria-labelledby="my-alliances-title">
          <h2 id="my-alliances-title">{t("alliances.mine")}</h2>
          <ul className="grid">
            {mine.alliances.map((alliance) => (
              <AllianceCard key={alliance.id} alliance={alliance} headingLevel={3} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
