/**
 * The whole HTTP app (tRPC, Remix pages over build/, static files) in the test's own process,
 * on a loopback port: faster than tests/support/server.ts's child process, and the test can
 * hand it its own services (a database that is down) or logger.
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createHttpApp, type HttpAppOptions } from "../../server/http/app";
import type { Services } from "../../server/trpc/context";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export async function loadRemixBuild(): Promise<ServerBuild> {
  const file = path.join(ROOT, "build", "index.js");
  if (!existsSync(file)) throw new Error("build/index.js is missing: run `npx remix build` first (`npm test` does).");
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

export interface InProcessApp {
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

export async function startInProcessApp(services: Services, options: HttpAppOptions & { remix?: boolean } = {}): Promise<InProcessApp> {
  const remixBuild = options.remix === false ? undefined : (options.remixBuild ?? (await loadRemixBuild()));
  const app = createHttpApp(services, { ...options, remixBuild, publicDir: path.join(ROOT, "public") });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
