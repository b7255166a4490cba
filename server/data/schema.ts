/**
 * The machine-readable description of the datasets: one Table Schema resource per dataset
 * (/datos/<key>.schema.json) and a Data Package listing them all (/datos/datapackage.json),
 * after frictionlessdata.io's specifications, so tools can type the CSV columns.
 */
import type { Locale } from "../i18n/locale";
import { SUPPRESSED, type Dataset } from "./types";

export const DATA_LICENSE = {
  name: "CC-BY-4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
  title: "Creative Commons Attribution 4.0",
} as const;

export const DATA_ATTRIBUTION = "Cocrea, Distrito de Barrancabermeja";

export const datasetPaths = (key: string) => ({
  csv: `/datos/${key}.csv`,
  json: `/datos/${key}.json`,
  schema: `/datos/${key}.schema.json`,
});

export function tableSchemaResource(dataset: Dataset, locale: Locale) {
  return {
    name: dataset.key,
    title: dataset.title[locale],
    description: dataset.description[locale],
    path: datasetPaths(dataset.key).csv,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8-sig",
    profile: "tabular-data-resource",
    licenses: [DATA_LICENSE],
    sources: [{ title: DATA_ATTRIBUTION }],
    schema: {
      fields: dataset.columns.map((column) => ({
        name: column.name,
        type: column.type,
        description: column.meaning[locale],
        ...(column.suppressed ? { "x-suppressed": `1-4 → "${SUPPRESSED}"` } : {}),
      })),
      // An empty cell is a null; "<5" stands for a count of people from 1 to 4, withheld.
      missingValues: ["", SUPPRESSED],
    },
  };
}

export function dataPackage(datasets: readonly Dataset[], locale: Locale) {
  return {
    name: "cocrea-datos-abiertos",
    title: locale === "es" ? "Datos abiertos de Cocrea" : "Cocrea open data",
    licenses: [DATA_LICENSE],
    sources: [{ title: DATA_ATTRIBUTION }],
    resources: datasets.map((dataset) => tableSchemaResource(dataset, locale)),
  };
}
