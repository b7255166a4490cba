/**
 * Starts the real app (`server/index.ts` over the Remix build) as a child process for end-to-end
 * tests: its own loopback port, its own temporary DATA_DIR, the test's own database, production
 * mode. Resolves once /healthz answers 200.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BUILD = path.join(ROOT, "build", "index.js");
const COMPILED_SERVER = path.join(ROOT, "build", "server", "index.js");

export interface StartAppServerOptions {
  /** The test's own database (createTestDatabase().url). */
  databaseUrl: string;
  /** Extra or overriding environment variables for the server. */
  env?: Record<string, string | undefined>;
  /** How long to wait for /healthz (default 60 s). */
  startTimeoutMs?: number;
}

export interface AppServer {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  baseUrl: string;
  /** Everything the server printed so far (stdout and stderr, interleaved). */
  output(): string;
  /** SIGTERM, then waits for the process to exit (SIGKILL after 15 s). Removes its DATA_DIR. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("Could not get a free port"))));
    });
  });
}

/** Keeps the last `limit` characters of the child's output for error messages. */
function outputBuffer(limit = 20_000) {
  let text = "";
  return {
    append(chunk: Buffer | string) {
      text += chunk.toString();
      if (text.length > limit) text = text.slice(text.length - limit);
    },
    toString() {
      return text;
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startAppServer(options: StartAppServerOptions): Promise<AppServer> {
  if (!existsSync(BUILD)) {
    throw new Error(
      `build/index.js is missing: run \`npm run build\` (or \`npx remix build\`) before the end-to-end tests. ` +
        "`npm test` builds first.",
    );
  }
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "cocrea-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  const timeoutMs = options.startTimeoutMs ?? 60_000;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Anything the developer's shell or Vitest set that would change how the server behaves.
    UPLOADTHING_TOKEN: "",
    PUBLIC_URL: "",
    TRUST_PROXY: "false",
    // The server's own settings.
    PORT: String(port),
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl,
    ...options.env,
  };
  for (const name of Object.keys(env)) {
    if (env[name] === undefined) delete env[name];
  }

  const output = outputBuffer();
  // The compiled server (what production runs) when `npm run build` made it; the sources otherwise.
  const entry = existsSync(COMPILED_SERVER) ? [COMPILED_SERVER] : ["--import", "tsx", "server/index.ts"];
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const echo = process.env.E2E_SERVER_LOG === "1";
  child.stdout!.on("data", (chunk: Buffer) => {
    output.append(chunk);
    if (echo) process.stdout.write(`[server] ${chunk}`);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output.append(chunk);
    if (echo) process.stderr.write(`[server] ${chunk}`);
  });
  const spawned: { error: Error | null } = { error: null };
  child.once("error", (error) => {
    spawned.error = error;
  });

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(killer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  const fail = async (reason: string): Promise<never> => {
    await stop();
    const printed = output.toString().trim();
    throw new Error(`The app server did not start: ${reason}\n--- server output ---\n${printed || "(nothing)"}\n---`);
  };

  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  for (;;) {
    if (spawned.error) return fail(`could not spawn node: ${spawned.error.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`it exited early (${child.signalCode ?? `exit code ${child.exitCode}`})`);
    }
    if (Date.now() > deadline) return fail(`/healthz did not answer 200 within ${timeoutMs / 1000} s (last: ${lastProblem})`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200) break;
      lastProblem = `HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return { baseUrl, output: () => output.toString(), stop };
}
