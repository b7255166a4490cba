/**
 * Real Chromium for browser tests. `npx playwright install` cannot download browsers here, so
 * playwright-core drives the system's Chromium (Debian's `chromium` package) by path.
 */
import { accessSync, constants } from "node:fs";
import type { Browser, LaunchOptions } from "playwright-core";

/** Where Chromium is looked for, in order, after CHROMIUM_PATH. */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"] as const;

/** Flags that work in containers, as root, without network access (see /work/shared/ENVIRONMENT.md). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export const CHROMIUM_INSTALL_HELP =
  "Chromium was not found. Install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
  "(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable. " +
  `Looked in: CHROMIUM_PATH, ${CHROMIUM_CANDIDATES.join(", ")}.`;

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium executable, or null. A CHROMIUM_PATH that does not exist is an error, not a fallback. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (!isExecutable(configured)) {
      throw new Error(`CHROMIUM_PATH=${configured} is not an executable file. ${CHROMIUM_INSTALL_HELP}`);
    }
    return configured;
  }
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

export function requireChromium(): string {
  const found = findChromium();
  if (!found) throw new Error(CHROMIUM_INSTALL_HELP);
  return found;
}

/** Launches headless Chromium; Playwright gives it a fresh temporary user-data-dir. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = requireChromium();
  // Loaded lazily so that ensure-chromium.ts can use findChromium() without loading Playwright.
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
