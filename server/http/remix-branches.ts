import { createRequestHandler, type ServerBuild } from "@remix-run/node";
// The router's own matchRoutes (from @remix-run/router, re-exported by the package this project lists).
import { matchRoutes } from "@remix-run/react";

type RequestHandler = ReturnType<typeof createRequestHandler>;
type ServerRoute = ServerBuild["routes"][string];
interface RouteTreeNode extends ServerRoute {
  children: RouteTreeNode[];
}

/** The route tree as Remix builds it (server-runtime's createRoutes): children in manifest order. */
function routeTree(manifest: ServerBuild["routes"], parentId = "", byParent = groupByParent(manifest)): RouteTreeNode[] {
  return (byParent.get(parentId) ?? []).map((route) => ({ ...route, children: routeTree(manifest, route.id, byParent) }));
}

function groupByParent(manifest: ServerBuild["routes"]): Map<string, ServerRoute[]> {
  const byParent = new Map<string, ServerRoute[]>();
  for (const route of Object.values(manifest)) {
    const parentId = route.parentId ?? "";
    byParent.set(parentId, [...(byParent.get(parentId) ?? []), route]);
  }
  return byParent;
}

/** Distinct pathnames remembered with their branch (ideas' and bookings' ids make many). */
const MAX_PATHNAMES = 2000;

/**
 * Remix matches each request against the whole route tree, and its router flattens and ranks
 * every route and compiles their patterns again for each match, twice per page: with some sixty
 * routes that was a fifth of a page's CPU (ADR 009, fourth pass). This matches a pathname once,
 * with the same function on the same tree, remembers its branch, and hands the request to a Remix
 * handler whose matching tables hold that branch alone (one per distinct branch: at most one per
 * route), so its own matching sees the two to four routes that can match. A path no route matches,
 * and the route-discovery manifest, go to the handler of the whole build.
 */
export function createBranchRequestHandler(build: ServerBuild, mode: "production" | "development"): RequestHandler {
  const whole = createRequestHandler(build, mode);
  const tree = routeTree(build.routes);
  const branchOfPath = new Map<string, string | null>();
  const handlers = new Map<string, RequestHandler>();
  // Lazy route discovery asks this address for the routes of paths the client may visit next: the whole build answers.
  const manifestPath = `${build.basename ?? "/"}/__manifest`.replace(/\/+/g, "/");

  const branchOf = (pathname: string): string | null => {
    const known = branchOfPath.get(pathname);
    if (known !== undefined) return known;
    // Remix's own route objects (index routes carry an empty children list, which the router's type forbids).
    const matches = matchRoutes(tree as Parameters<typeof matchRoutes>[0], pathname, build.basename);
    const branch = matches ? matches.map((m) => m.route.id!).join("\n") : null;
    if (branchOfPath.size >= MAX_PATHNAMES) branchOfPath.delete(branchOfPath.keys().next().value!);
    branchOfPath.set(pathname, branch);
    return branch;
  };

  return (request, loadContext) => {
    const { pathname } = new URL(request.url);
    const branch = pathname === manifestPath ? null : branchOf(pathname);
    if (branch === null) return whole(request, loadContext);
    let handler = handlers.get(branch);
    if (handler) return handler(request, loadContext);
    const ids = new Set(branch.split("\n"));
    const routes = Object.fromEntries(Object.entries(build.routes).filter(([id]) => ids.has(id)));
    // Remix derives its matching tables from `routes` once, synchronously, at the handler's first
    // call; afterwards it reads `routes` for the page's route modules, which rendering needs whole
    // (the client's manifest, build.assets, names every route). tests/http/remix-branches.test.ts
    // checks every page answers exactly what the whole build's handler answers.
    let deriving = true;
    const branchBuild: ServerBuild = { ...build, get routes() { return deriving ? routes : build.routes; } };
    handler = createRequestHandler(branchBuild, mode);
    handlers.set(branch, handler);
    const response = handler(request, loadContext);
    deriving = false;
    return response;
  };
}
