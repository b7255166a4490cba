/**
 * Open data over tRPC (`data.*`) and, through their OpenAPI metadata, the read-only REST surface
 * /api/v1/... (server/http/open-data.ts). Public: everything here is published data.
 */
import type { OpenApiMeta } from "trpc-to-openapi";
import { publicProcedure, router } from "../trpc/init";
import { z } from "../validation";
import { decodeDataCursor, encodeDataCursor } from "./cursor";
import { DATASETS, findDataset } from "./datasets";
import { datasetPaths } from "./schema";
import { AppError } from "../trpc/errors";

export const MAX_DATA_PAGE_ROWS = 1000;

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const columnSchema = z.object({
  name: z.string(),
  type: z.enum(["string", "integer", "number", "boolean", "datetime", "date", "yearmonth"]),
  meaning: z.string(),
  suppressed: z.boolean(),
});
const catalogueSchema = z.array(
  z.object({
    key: z.string(),
    title: z.string(),
    description: z.string(),
    rowCount: z.number().int(),
    columns: z.array(columnSchema),
    links: z.object({ csv: z.string(), json: z.string(), schema: z.string() }),
  }),
);
const datasetKey = z.string().min(1).max(60);

const meta = (path: `/${string}`, summary: string): OpenApiMeta => ({ openapi: { method: "GET", path, summary, tags: ["datos"], protect: false } });

export const dataRouter = router({
  datasets: publicProcedure
    .meta(meta("/v1/datasets", "Catalogue of open datasets with their schemas and row counts"))
    .input(z.object({}).optional())
    .output(catalogueSchema)
    .query(async ({ ctx }) =>
      Promise.all(
        DATASETS.map(async (dataset) => ({
          key: dataset.key,
          title: dataset.title[ctx.locale],
          description: dataset.description[ctx.locale],
          rowCount: await dataset.count(ctx.db),
          columns: dataset.columns.map((column) => ({
            name: column.name,
            type: column.type,
            meaning: column.meaning[ctx.locale],
            suppressed: column.suppressed ?? false,
          })),
          links: datasetPaths(dataset.key),
        })),
      ),
    ),
  rows: publicProcedure
    .meta(meta("/v1/datasets/{dataset}/rows", "One page of a dataset's rows, in its stable order"))
    .input(
      z.object({
        dataset: datasetKey,
        cursor: z.string().max(300).optional(),
        limit: z.coerce.number().int().min(1).max(MAX_DATA_PAGE_ROWS).default(100),
      }),
    )
    .output(z.object({ dataset: z.string(), items: z.array(z.record(z.string(), cellSchema)), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const dataset = findDataset(input.dataset);
      if (!dataset) throw new AppError("NOT_FOUND", "data.unknownDataset");
      const after = input.cursor ? decodeDataCursor(dataset, input.cursor) : null;
      const page = await dataset.page(ctx.db, after, input.limit);
      return { dataset: dataset.key, items: page.rows, nextCursor: page.last ? encodeDataCursor(page.last) : null };
    }),
});
