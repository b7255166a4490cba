import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { titledPage } from "~/lib/meta";
import { openDataPage } from "~/lib/open-data.server";

export const handle = copyAreas("datos");
export const clientLoader = loadCopyAreas("datos");

export const meta = titledPage("openData.title");

export async function loader({ context }: LoaderFunctionArgs) {
  return json(await openDataPage(context));
}

export default function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const { datasets, license, attribution, links } = useLoaderData<typeof loader>();
  const count = new Intl.NumberFormat(i18n.language === "en" ? "en-US" : "es-CO");
  return (
    <section className="page" aria-labelledby="open-data-title">
      <h1 id="open-data-title">{t("openData.title")}</h1>
      <p className="lead">{t("openData.lead")}</p>
      <p>
        <a href={license.url} rel="license noopener">
          {t("openData.license", { license: license.name, attribution })}
        </a>
      </p>
      <p>{t("openData.privacy")}</p>
      <p className="hint">{t("openData.csvNote")}</p>
      <section className="card" aria-labelledby="open-data-api">
        <h2 id="open-data-api">{t("openData.apiTitle")}</h2>
        <p>{t("openData.apiText")}</p>
        <ul>
          <li>
            <a href={links.openapi}>{t("openData.openapi")}</a> (<code>{links.openapi}</code>)
          </li>
          <li>
            <a href={links.catalogue}>{t("openData.catalogue")}</a> (<code>{links.catalogue}</code>)
          </li>
          <li>
            <a href={links.datapackage}>{t("openData.datapackage")}</a> (<code>{links.datapackage}</code>)
          </li>
        </ul>
      </section>
      {datasets.map((dataset) => (
        <section key={dataset.key} id={dataset.key} aria-labelledby={`dataset-${dataset.key}`}>
          <h2 id={`dataset-${dataset.key}`}>{dataset.title}</h2>
          <p>{dataset.description}</p>
          <p className="hint">{t("openData.rows", { count: count.format(dataset.rowCount) })}</p>
          <ul className="tags" aria-label={t("openData.downloads", { title: dataset.title })}>
            <li>
              <a className="tag" href={dataset.links.csv} download>
                {t("openData.csv")}
              </a>
            </li>
            <li>
              <a className="tag" href={dataset.links.json} download>
                {t("openData.json")}
              </a>
            </li>
            <li>
              <a className="tag" href={dataset.links.schema}>
                {t("openData.schema")}
              </a>
            </li>
          </ul>
          <div className="table-scroll">
            <table className="audit">
              <caption>{t("openData.columnsOf", { title: dataset.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("openData.column")}</th>
                  <th scope="col">{t("openData.type")}</th>
                  <th scope="col">{t("openData.meaning")}</th>
                </tr>
              </thead>
              <tbody>
                {dataset.columns.map((column) => (
                  <tr key={column.name}>
                    <th scope="row">
                      <code>{column.name}</code>
                    </th>
                    <td>{column.type}</td>
                    <td>
                      {column.meaning}
                      {column.suppressed ? ` ${t("openData.suppressed")}` : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
