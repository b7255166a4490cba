import type { RemixLoadContext } from "../server/http/app";

// Type-only: the values are built per request by server/http/app.ts (createRemixLoadContext).
declare module "@remix-run/node" {
  interface AppLoadContext extends RemixLoadContext {}
}

export type { RemixLoadContext };
