import http from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../server/http/app";
import { useTestServices } from "../support/callers";

const suite = useTestServices();
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = createHttpApp(suite.services).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server?.close(resolve)));

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** `total` GETs over `connections` keep-alive sockets; resolves with the statuses seen. */
async function hammer(path: string, total: number, connections: number): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map<number, number>();
  let sent = 0;
  const worker = async () => {
    while (sent < total) {
      sent += 1;
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path, agent }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          })
          .on("error", reject);
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return statuses;
}

describe("per-request memory", () => {
  it("keeps the heap flat over 20,000 API requests on a few keep-alive connections, without listener warnings", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      await hammer("/api/trpc/auth.me", 2_000, 4);
      const before = heapAfterGc();
      const statuses = await hammer("/api/trpc/auth.me", 20_000, 4);
      const after = heapAfterGc();
      expect(statuses).toEqual(new Map([[200, 20_000]]));
      // The leak this guards against kept ~1 KB per request on the socket (about 20 MB here).
      expect(after - before).toBeLessThan(5 * 1024 * 1024);
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  }, 120_000);
});
