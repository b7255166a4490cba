/**
 * Pages go through a Remix handler built for their route branch (server/http/remix-branches.ts):
 * every page, a 404, a resource route and a client navigation's data request must answer exactly
 * what the handler of the whole build answers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { createBranchRequestHandler } from "../../server/http/remix-branches";
import { createCaller } from "../../server/router";
import { seedDemoData } from "../../server/seed/demo";
import { createContext } from "../../server/trpc/context";
import { describeError } from "../../server/trpc/error-shape";
import { pageRoutes } from "../e2e/page-routes";
import { loadRemixBuild } from "../support/http-app";
import { useTestServices } from "../support/callers";

const suite = useTestServices();
let build: ServerBuild;
let paths: string[];
let allianceId: string;

beforeAll(async () => {
  await seedDemoData(suite.db);
  build = await loadRemixBuild();
  const idea = await suite.db.idea.findFirstOrThrow({ where: { status: "PUBLISHED" }, select: { id: true } });
  allianceId = (await suite.db.alliance.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } })).id;
  paths = [
    ...pageRoutes({ id: idea.id, code: "ABC123" }).map((route) => route.path),
    `/alianzas/${allianceId}`,
    "/no-existe/en/ninguna/parte",
    "/ideas?sector=ENERGY_OIL",
    `/ideas/${idea.id}?_data=routes/ideas.$id`,
    // Lazy route discovery: the client asks which routes serve the paths its links lead to.
    `/__manifest?version=${build.assets.version}&p=%2Fideas%2Fnueva&p=%2Falianzas%2F${allianceId}`,
  ];
});

async function answer(handler: ReturnType<typeof createRequestHandler>, path: string) {
  const ctx = await createContext(suite.services, { headers: new Headers({ "accept-language": "es" }), ip: "203.0.113.40", setCookie: () => {} });
  const loadContext = { ctx, caller: createCaller(ctx), describeError: (error: unknown) => describeError(error, ctx.locale), cspNonce: "nonce-de-prueba" };
  const response = await handler(new Request(`http://localhost${path}`), loadContext as never);
  // A page may say when its figures were computed (/indicadores): two renders differ only there.
  const body = (await response.text()).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, "<instant>");
  return { status: response.status, location: response.headers.get("location"), body };
}

describe("branch request handlers", () => {
  it("answer every page exactly as the whole build's handler does", async () => {
    const whole = createRequestHandler(build, "production");
    const branches = createBranchRequestHandler(build, "production");
    expect(paths.length).toBeGreaterThan(40);
    for (const path of paths) {
      // The branch's handler first: pages remember their render by data (app/lib/render-memo.server.ts),
      // so a page the branch's handler broke is not hidden behind the whole handler's good render.
      const first = await answer(branches, path);
      expect(first, path).toEqual(await answer(whole, path));
      // Again, from the remembered branch.
      expect(await answer(branches, path), path).toEqual(first);
    }
    // Real pages among them, not only error pages that agree.
    expect((await answer(branches, "/ideas")).status).toBe(200);
    expect((await answer(branches, `/alianzas/${allianceId}`)).status).toBe(200);
  });
});
