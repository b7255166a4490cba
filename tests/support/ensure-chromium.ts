/**
 * `npm pretest`: makes sure the browser tests have a Chromium to drive.
 * Present → exit 0 at once. Missing, as root with apt-get → installs Debian's `chromium`.
 * Missing otherwise → prints how to install it and exits 1.
 */
import { accessSync, constants } from "node:fs";
import { spawnSync } from "node:child_process";
import { CHROMIUM_INSTALL_HELP, findChromium } from "./chromium";

function log(message: string) {
  console.log(`[ensure-chromium] ${message}`);
}

function hasAptGet(): boolean {
  for (const file of ["/usr/bin/apt-get", "/bin/apt-get"]) {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      // try the next one
    }
  }
  return false;
}

function run(command: string, args: string[]) {
  log(`$ ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with ${result.signal ?? `exit code ${result.status}`}`);
  }
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function main(): number {
  let found: string | null;
  try {
    found = findChromium();
  } catch (error) {
    // CHROMIUM_PATH names something that is not there: installing a package would not fix that.
    console.error(`[ensure-chromium] ${(error as Error).message}`);
    return 1;
  }
  if (found) {
    log(`Chromium found: ${found}`);
    return 0;
  }

  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasAptGet()) {
    console.error(`[ensure-chromium] ${CHROMIUM_INSTALL_HELP}`);
    if (!isRoot) console.error("[ensure-chromium] (Not installing it automatically: this process is not root.)");
    else console.error("[ensure-chromium] (Not installing it automatically: apt-get is not available.)");
    return 1;
  }

  log("Chromium is missing; installing Debian's `chromium` package with apt-get (this takes a minute or two).");
  try {
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"]);
  } catch (error) {
    console.error(`[ensure-chromium] Installing Chromium failed: ${(error as Error).message}`);
    console.error(`[ensure-chromium] ${CHROMIUM_INSTALL_HELP}`);
    return 1;
  }
  const installed = findChromium();
  if (!installed) {
    console.error(`[ensure-chromium] apt-get finished but Chromium is still missing. ${CHROMIUM_INSTALL_HELP}`);
    return 1;
  }
  log(`Chromium installed: ${installed}`);
  return 0;
}

process.exitCode = main();
