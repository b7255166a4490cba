import type { openData as es } from "../es/open-data";
import type { Translation } from "../types";

/** /datos: the open data catalogue (the datasets' own titles and column meanings come from server/data/datasets.ts). */
export const openData: Translation<typeof es> = {
  "nav.openData": "Open data",
  "openData.title": "Open data",
  "openData.lead": "Download Cocrea's public data as CSV or JSON, at stable addresses you can use in your spreadsheets, dashboards or research.",
  "openData.license": "{{license}} licence: you may use and redistribute them, crediting “{{attribution}}”.",
  "openData.privacy":
    "We never publish personal data: no emails, no private fields, no ideas, calls or alliances that are not public. People appear only by the name they publish with. Counts of people from 1 to 4 read “<5” so that no one can be singled out.",
  "openData.csvNote": "The CSV files follow RFC 4180, in UTF-8 with a BOM so spreadsheets show accents right. An empty cell is a missing value.",
  "openData.apiTitle": "Read-only API",
  "openData.apiText": "The same data as paged JSON (stable cursors), described by an OpenAPI document.",
  "openData.openapi": "OpenAPI document",
  "openData.catalogue": "Catalogue as JSON (API)",
  "openData.datapackage": "Every schema (Data Package)",
  "openData.rows": "{{count}} rows",
  "openData.downloads": "Downloads of {{title}}",
  "openData.csv": "CSV",
  "openData.json": "JSON",
  "openData.schema": "Schema (Table Schema)",
  "openData.columnsOf": "Columns of “{{title}}”",
  "openData.column": "Column",
  "openData.type": "Type",
  "openData.meaning": "Meaning",
  "openData.suppressed": "“<5” when 1 to 4.",
};
