import type { LoaderFunctionArgs } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { managementPage } from "~/lib/center-admin.server";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("spaceAdmin.title");

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await managementPage(context, request));
}

/** /espacios/gestion: the Secretariat's centers, each with all its spaces, and the links to manage them. */
export default function SpaceManagementPage() {
  const { t } = useTranslation();
  const { centers } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="space-admin-title">
      <div className="page-head">
        <div>
          <h1 id="space-admin-title">{t("spaceAdmin.title")}</h1>
          <p className="lead">{t("spaceAdmin.lead")}</p>
        </div>
        <Link className="button" to="/espacios/gestion/centros/nuevo">
          {t("spaceAdmin.newCenter")}
        </Link>
      </div>
      <DoneNotice prefix="spaceAdmin.done." />
      {centers.length === 0 ? <p>{t("spaceAdmin.empty")}</p> : null}
      {centers.map((center) => (
        <section key={center.id} className="panel" aria-labelledby={`center-${center.id}`}>
          <h2 id={`center-${center.id}`}>{center.name}</h2>
          <p className="meta">{center.address}</p>
          <p>
            <Link to={`/espacios/gestion/centros/${center.id}`}>{t("spaceAdmin.editCenter", { name: center.name })}</Link>
          </p>
          {center.spaces.length === 0 ? (
            <p>{t("spaceAdmin.noSpaces")}</p>
          ) : (
            <ul className="rows" aria-label={t("spaceAdmin.spacesOf", { name: center.name })}>
              {center.spaces.map((space) => (
                <li key={space.id}>
                  <p>
                    <Link to={`/espacios/gestion/espacios/${space.id}`}>{t("spaceAdmin.editSpace", { name: space.name })}</Link>
                  </p>
                  <p className="meta">
                    {t("spaceAdmin.spaceSummary", { kind: t(`spaceAdmin.kind.${space.kind}`), capacity: String(space.capacity) })}
                  </p>
                  {space.requiresApproval || !space.active ? (
                    <p className="tags">
                      {space.requiresApproval ? <span className="tag">{t("spaceAdmin.needsApproval")}</span> : null}{" "}
                      {!space.active ? <span className="tag">{t("spaceAdmin.inactive")}</span> : null}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/espacios/gestion/espacios/nuevo?centro=${center.id}`}>{t("spaceAdmin.addSpace", { name: center.name })}</Link>
          </p>
        </section>
      ))}
    </section>
  );
}
