/**
 * A single query by GET (`/api/trpc/idea.list?input={…}`), the most common API call, answered
 * without tRPC's resolveResponse: that builds a fetch Response, abort signals and a batch
 * machinery a single query does not need, and cost more CPU than the query itself
 * (docs/decisions/009-performance.md). The procedure runs through tRPC's own callProcedure
 * (same middlewares, input parsing, authorization) and errors take the router's own error
 * formatter, so the answer is the one resolveResponse gives, byte for byte (tested).
 * Anything else (batches, mutations, unknown paths, unreadable input) goes to resolveResponse.
 */
import { TRPCError } from "@trpc/server";
import {
  callProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import { appRouter } from "../router";
import type { Context } from "../trpc/context";

export interface SingleQuery {
  path: string;
  input: unknown;
}

// Flat at run time: "idea.list" → its procedure.
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>;

/** The query a GET URL asks for, when it is one query with readable (or no) input; null otherwise. */
export function singleQuery(method: string | undefined, path: string, search: string): SingleQuery | null {
  if (method !== "GET" || procedures[path]?._def.type !== "query") return null;
  const params = new URLSearchParams(search);
  let size = 0;
  for (const name of params.keys()) if (name !== "input" || ++size > 1) return null;
  const raw = params.get("input");
  if (raw === null) return { path, input: undefined };
  try {
    return { path, input: JSON.parse(raw) as unknown };
  } catch {
    return null;
  }
}

export interface QueryAnswer {
  status: number;
  json: string;
  error: TRPCError | null;
}

export async function answerQuery(query: SingleQuery, createContext: () => Promise<Context>): Promise<QueryAnswer> {
  const config = appRouter._def._config;
  let ctx: Context | undefined;
  try {
    ctx = await createContext();
    const data = await callProcedure({
      router: appRouter,
      path: query.path,
      getRawInput: async () => query.input,
      ctx,
      type: "query",
      signal: undefined,
      batchIndex: 0,
    });
    return { status: 200, json: JSON.stringify(transformTRPCResponse(config, { result: { data } })), error: null };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    const shape = getErrorShape({ config, error, type: "query", path: query.path, input: query.input, ctx });
    const body = transformTRPCResponse(config, { error: shape });
    // The status the formatter settled on (it may reclassify, as a database that is down is a 503).
    return { status: getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]), json: JSON.stringify(body), error };
  }
}
