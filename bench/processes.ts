/**
 * The two servers under test, each in its own process so neither shares an event loop with
 * autocannon: the real app in production mode, and the raw baseline compiled to plain JavaScript.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";

export const ROOT = path.resolve(import.meta.dirname, "..");
/** The compiled server, once the project ships one; until then the app runs through tsx. */
const COMPILED_SERVER = path.join(ROOT, "build", "server", "index.js");

export interface ServerProcess {
  label: string;
  baseUrl: string;
  pid: number;
  /** How it was started, for the report. */
  command: string;
  output(): string;
  /** Resident memory (VmRSS) in MiB, read from /proc. */
  rssMiB(): Promise<number | null>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function readRssMiB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Math.round((Number(kb) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function startProcess(label: string, args: string[], env: NodeJS.ProcessEnv, cleanup?: () => Promise<void>) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);

  const server: ServerProcess = {
    label,
    baseUrl,
    pid: child.pid ?? -1,
    command: `node ${args.map((a) => (path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(" ")}`,
    output: () => output,
    rssMiB: () => readRssMiB(child.pid ?? -1),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited(child);
        clearTimeout(killer);
      }
      await cleanup?.();
    },
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await cleanup?.();
      throw new Error(`${label} exited before answering /healthz:\n${output.trim() || "(no output)"}`);
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${label} did not answer /healthz within 90 s:\n${output.trim()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Production mode, no demo data, quiet logs, its own data folder: what an operator would run.
 * `fromSource` runs server/index.ts through tsx even when a compiled server exists (tests, which
 * must not depend on how fresh build/server is).
 */
export async function startApp(databaseUrl: string, options: { fromSource?: boolean } = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cocrea-bench-"));
  const args =
    existsSync(COMPILED_SERVER) && !options.fromSource
      ? [COMPILED_SERVER]
      : ["--import", "tsx", path.join(ROOT, "server", "index.ts")];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    UPLOADTHING_TOKEN: "",
    PUBLIC_URL: "",
    TRUST_PROXY: "false",
  };
  return startProcess("app", args, env, () => rm(dataDir, { recursive: true, force: true }));
}

/** Compiles bench/raw-server.ts to one .mjs beside node_modules (so `pg` resolves) and runs it. */
export async function startRawServer(databaseUrl: string, poolSize = 20): Promise<ServerProcess> {
  const outDir = path.join(ROOT, "node_modules", ".cache", "cocrea-bench");
  await mkdir(outDir, { recursive: true });
  const outfile = path.join(outDir, "raw-server.mjs");
  await build({
    entryPoints: [path.join(ROOT, "bench", "raw-server.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return startProcess("raw", [outfile], { ...process.env, DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) });
}
