/**
 * /datos: the catalogue as data.datasets gives it (titles and column meanings in the visitor's
 * language, row counts, download links), plus the licence the page states.
 */
import type { AppLoadContext } from "@remix-run/node";
import { DATA_ATTRIBUTION, DATA_LICENSE } from "../../server/data/schema";

export const OPEN_DATA_LINKS = {
  openapi: "/api/openapi.json",
  catalogue: "/api/v1/datasets",
  datapackage: "/datos/datapackage.json",
} as const;

export async function openDataPage(context: AppLoadContext) {
  const datasets = await context.caller.data.datasets();
  return {
    datasets,
    license: { name: DATA_LICENSE.title, url: DATA_LICENSE.path },
    attribution: DATA_ATTRIBUTION,
    links: OPEN_DATA_LINKS,
  };
}
