/**
 * A page renders with the base copy and the areas its route declares (app/i18n/areas.ts), on the
 * server and in the browser alike; a key from an undeclared area would show as the key. This reads
 * every route and the app modules it imports, and checks each declares the areas of the keys
 * they name (whole keys, and prefixes of keys built at run time such as `jury.${phase}`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { copyAreaOfKey, type CopyArea } from "../../app/i18n/areas";
import { es } from "../../app/i18n/es";

const APP = resolve(import.meta.dirname, "../../app");
const ROUTES = join(APP, "routes");

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/") ? join(APP, specifier.slice(2)) : resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (candidate.startsWith(APP) && existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The dictionaries, and the module that assigns keys to areas by prefix. */
const NOT_COPY_USERS = [join(APP, "i18n", "es"), join(APP, "i18n", "en"), join(APP, "i18n", "areas.ts")];

/** The route's module and every app module it imports, directly or not (see NOT_COPY_USERS). */
function modulesOf(route: string): string[] {
  const seen = new Set<string>();
  const pending = [route];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file) || NOT_COPY_USERS.some((skipped) => file.startsWith(skipped))) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/from\s+"((?:\.{1,2}|~)\/[^"]+)"/g)) {
      const target = resolveImport(file, specifier!);
      if (target) pending.push(target);
    }
  }
  return [...seen];
}

const KEYS = Object.keys(es);

/** A key of the copy, or the start of keys built at run time (`audit.action.${action}`); not a policy's name nor a server message's key. */
function namesCopy(literal: string): boolean {
  if (literal.endsWith(".")) return KEYS.some((key) => key.startsWith(literal));
  return KEYS.includes(literal) || KEYS.includes(`${literal}_other`);
}

function areasNamed(file: string): Set<CopyArea> {
  const areas = new Set<CopyArea>();
  for (const [, literal] of readFileSync(file, "utf8").matchAll(/["'`]([a-zA-Z]+\.[\w.]*)/g)) {
    if (!namesCopy(literal!)) continue;
    const area = copyAreaOfKey(literal!);
    if (area) areas.add(area);
  }
  return areas;
}

function declaredAreas(route: string): CopyArea[] {
  const declaration = /export const handle = copyAreas\(([^)]*)\)/.exec(readFileSync(route, "utf8"));
  return declaration ? [...declaration[1]!.matchAll(/"([a-z]+)"/g)].map((match) => match[1] as CopyArea) : [];
}

const routes = readdirSync(ROUTES)
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => join(ROUTES, name));

describe("copy areas", () => {
  it.each(routes.map((route) => [route.slice(ROUTES.length + 1), route]))("%s declares the areas of the keys it uses", (_name, route) => {
    const users = modulesOf(route).flatMap((file) => [...areasNamed(file)].map((area) => ({ area, file: file.slice(APP.length + 1) })));
    const needed = new Set(users.map((user) => user.area));
    const declared = declaredAreas(route);
    expect(users.filter((user) => !declared.includes(user.area)), "keys of undeclared areas, named in").toEqual([]);
    expect(declared.filter((area) => !needed.has(area)), "declared but not used").toEqual([]);
    if (declared.length > 0) expect(readFileSync(route, "utf8")).toContain(`export const clientLoader = loadCopyAreas(${declared.map((a) => `"${a}"`).join(", ")})`);
  });
});
