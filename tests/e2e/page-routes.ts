/**
 * Every page of the app, derived from the file names in app/routes (Remix flat routes), so a new
 * page is checked by the accessibility tests without anyone remembering to list it. Resource
 * routes (no default export: downloads, redirects) are not pages and are left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SAMPLE_ORGANIZATION } from "../support/organizations";

const ROUTES = path.resolve(import.meta.dirname, "..", "..", "app", "routes");

export interface PageRoute {
  file: string;
  path: string;
}

/**
 * Samples every page test can count on (`$token`: an unsubscribe link that is not valid, whose page
 * says so): `$slug` is the seeded demo university, which exists once
 * the test ran tests/support/organizations.ts `seedOrganizations` (otherwise its pages are 404s).
 */
export const DEFAULT_SAMPLES: Record<string, string> = {
  slug: SAMPLE_ORGANIZATION.slug,
  token: "enlace-de-ejemplo",
  // A call no one judges (/jurado/:callId answers its 404 page) unless a test passes a real one.
  callId: "00000000-0000-4000-8000-000000000000",
};

/**
 * `samples` gives a value for each dynamic segment (`$id` → samples.id). A route whose parameter
 * has no sample is an error, so that a new dynamic page cannot be skipped silently.
 */
export function pageRoutes(samples: Record<string, string>): PageRoute[] {
  samples = { ...DEFAULT_SAMPLES, ...samples };
  return readdirSync(ROUTES)
    .filter((file) => /\.(tsx|jsx)$/.test(file) && /^export default /m.test(readFileSync(path.join(ROUTES, file), "utf8")))
    .sort()
    .map((file) => ({ file, path: routePath(file, samples) }));
}

function routePath(file: string, samples: Record<string, string>): string {
  const segments = file
    .replace(/\.(tsx|jsx)$/, "")
    .split(".")
    .flatMap((segment) => {
      // `_index` and pathless layouts (`_auth`) add nothing to the URL; a trailing `_` only opts out of nesting.
      if (segment === "_index" || segment.startsWith("_")) return [];
      const name = segment.replace(/_$/, "");
      if (name === "$") return ["pagina-que-no-existe"];
      // An optional parameter: its sample when there is one, otherwise the page without it.
      if (name.startsWith("($")) {
        const sample = samples[name.slice(2, -1)];
        return sample ? [encodeURIComponent(sample)] : [];
      }
      if (name.startsWith("$")) {
        const sample = samples[name.slice(1)];
        if (!sample) throw new Error(`${file}: no sample value for the parameter "${name.slice(1)}"`);
        return [encodeURIComponent(sample)];
      }
      return [name.replace(/^\((.*)\)$/, "$1")];
    });
  return `/${segments.join("/")}`;
}
