import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../server/data/datasets";
import { callerAs, useTestServices } from "../support/callers";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { seedOpenDataWorld } from "./fixtures";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  await seedOpenDataWorld(suite.db);
  app = await startInProcessApp(suite.services, { remix: false });
});
afterAll(() => app?.close());

const getJson = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${app.base}${path}`, init);
  return { res, body: (await res.json()) as Record<string, unknown> & unknown[] };
};

describe("the REST surface and its OpenAPI document", () => {
  it("documents the data procedures as GET operations under /api", async () => {
    const { res, body } = await getJson("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    const paths = body.paths as unknown as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    expect(paths["/v1/datasets"]?.get).toBeDefined();
    const rows = paths["/v1/datasets/{dataset}/rows"]?.get;
    expect(rows?.parameters?.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["path:dataset", "query:cursor", "query:limit"]);
    // Only read operations: the REST surface publishes, it never changes anything.
    for (const operations of Object.values(paths)) expect(Object.keys(operations)).toEqual(["get"]);
    expect((body.servers as unknown as { url: string }[])[0]?.url).toMatch(/\/api$/);
    // Public: no operation asks for credentials.
    for (const operations of Object.values(paths)) expect((operations.get as { security?: unknown }).security).toBeUndefined();
    // The indicators' procedures are on the same surface.
    expect(Object.keys(paths).sort()).toEqual(["/v1/datasets", "/v1/datasets/{dataset}/rows", "/v1/indicators", "/v1/indicators/definitions"]);
  });

  it("answers the indicators as stats.indicators does", async () => {
    const { caller } = await callerAs(suite.services, null);
    const viaTrpc = await caller.stats.indicators({ period: "custom", from: "2026-05-01", to: "2026-05-31" });
    const { res, body } = await getJson("/api/v1/indicators?period=custom&from=2026-05-01&to=2026-05-31");
    expect(res.status).toBe(200);
    expect({ ...body, generatedAt: null }).toEqual({ ...JSON.parse(JSON.stringify(viaTrpc)), generatedAt: null });
    const bookings = (body.indicators as unknown as { key: string; value: number }[]).find((i) => i.key === "spaces.bookings");
    expect(bookings?.value).toBe(10);
    const definitions = await getJson("/api/v1/indicators/definitions");
    expect((definitions.body as unknown as { key: string }[]).map((d) => d.key)).toEqual((await caller.stats.definitions()).map((d) => d.key));
    expect((await getJson("/api/v1/indicators?period=custom")).res.status).toBe(400);
  });

  it("answers the catalogue and pages of rows as tRPC does, without a session", async () => {
    const { res, body } = await getJson("/api/v1/datasets", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    const catalogue = body as unknown as { key: string; title: string; rowCount: number; links: { csv: string } }[];
    expect(catalogue.map((d) => d.key)).toEqual(DATASETS.map((d) => d.key));
    expect(catalogue.find((d) => d.key === "ideas")).toMatchObject({ title: "Published ideas", rowCount: 3, links: { csv: "/datos/ideas.csv" } });

    const first = await getJson("/api/v1/datasets/ideas/rows?limit=2");
    expect(first.res.status).toBe(200);
    const page = first.body as unknown as { items: { title: string }[]; nextCursor: string };
    expect(page.items.map((r) => r.title)).toEqual(["Idea publicada", "Idea apoyada"]);
    const second = (await getJson(`/api/v1/datasets/ideas/rows?limit=2&cursor=${page.nextCursor}`)).body as unknown as { items: { title: string }[]; nextCursor: null };
    expect(second.items.map((r) => r.title)).toEqual(["Idea archivada"]);
    expect(second.nextCursor).toBeNull();
  });

  it("refuses what is not a page: an unknown dataset, a bad limit, a forged cursor", async () => {
    expect((await getJson("/api/v1/datasets/usuarios/rows")).res.status).toBe(404);
    expect((await getJson("/api/v1/datasets/ideas/rows?limit=100000")).res.status).toBe(400);
    expect((await getJson("/api/v1/datasets/ideas/rows?cursor=abc")).res.status).toBe(400);
    const tooMany = await fetch(`${app.base}/api/v1/datasets`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(tooMany.status).toBeGreaterThanOrEqual(400);
  });

  it("leaves /api/trpc to its own handler", async () => {
    const { res, body } = await getJson("/api/trpc/data.datasets");
    expect(res.status).toBe(200);
    expect((body as unknown as { result: { data: unknown[] } }).result.data).toHaveLength(DATASETS.length);
  });
});
