/**
 * Pages are rendered once per distinct loader data (app/lib/render-memo.server.ts) and link their
 * language's copy as a cached script (routes/copia.$name.ts): neither may show a reader stale data,
 * reuse a nonce or lose the page's words.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";
import { startInProcessApp, type InProcessApp } from "../support/http-app";
import { createSession, SESSION_COOKIE } from "../../server/auth/session";

const suite = useTestServices();
let app: InProcessApp;

beforeAll(async () => {
  app = await startInProcessApp(suite.services);
});
afterAll(() => app?.close());

async function page(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.base}${pathname}`, { headers });
  const html = await response.text();
  const policyNonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const pageNonces = new Set([...html.matchAll(/nonce="([^"]*)"/g)].map((match) => match[1]));
  const copyPath = /<script id="cocrea-copy" src="([^"]+)"/.exec(html)?.[1];
  const areaPaths = [...html.matchAll(/<script data-copy-area="([a-z]+)" src="([^"]+)"/g)].map((match) => ({ area: match[1], path: match[2] }));
  return { status: response.status, html, policyNonce, pageNonces, copyPath, areaPaths };
}

describe("rendered pages", () => {
  it("show a change at once: an idea published between two visits is on the second", async () => {
    const author = await createUser(suite.db, "ENTREPRENEUR");
    await createIdeaIn(suite.db, author.id, "PUBLISHED", { title: "Primera idea visible en la lista" });
    const before = await page("/ideas");
    expect(before.html).toContain("Primera idea visible en la lista");
    // The same data again: the same page, but for its own nonce.
    const again = await page("/ideas");
    expect(again.html.replaceAll(again.policyNonce!, "N")).toBe(before.html.replaceAll(before.policyNonce!, "N"));
    await createIdeaIn(suite.db, author.id, "PUBLISHED", { title: "Segunda idea, publicada después" });
    const after = await page("/ideas");
    expect(after.html).toContain("Segunda idea, publicada después");
    expect(after.html).toContain("Primera idea visible en la lista");
  });

  it("carry their own response's nonce on every inline script, never another response's", async () => {
    const first = await page("/");
    const second = await page("/");
    for (const visit of [first, second]) {
      expect(visit.policyNonce).toBeTruthy();
      expect([...visit.pageNonces]).toEqual([visit.policyNonce]);
    }
    expect(second.policyNonce).not.toBe(first.policyNonce);
  });
});

describe("the page's copy script", () => {
  it("is linked in the language of the page and kept by browsers for a year", async () => {
    const spanish = await page("/ideas");
    const english = await page("/ideas", { "accept-language": "en" });
    expect(spanish.copyPath).toMatch(/^\/copia\/es\.[0-9a-f]{12}\.js$/);
    expect(english.copyPath).toMatch(/^\/copia\/en\.[0-9a-f]{12}\.js$/);
    const response = await fetch(`${app.base}${english.copyPath}`);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const window = {} as { __cocreaCopy?: { locale: string; messages: Record<string, string> } };
    new Function("window", await response.text())(window);
    expect(window.__cocreaCopy?.locale).toBe("en");
    expect(window.__cocreaCopy?.messages["nav.ideas"]).toBe("Ideas");
    // The page's own words are in that language too.
    expect(english.html).toContain('lang="en"');
  });

  it("links the work tools' copy only on the pages that need it", async () => {
    const secretariat = await createUser(suite.db, "SECRETARIAT");
    const { token } = await createSession(suite.db, secretariat.id, {});
    const moderation = await page("/moderacion", { cookie: `${SESSION_COOKIE}=${token}` });
    expect(moderation.status).toBe(200);
    expect(moderation.areaPaths).toEqual([{ area: "gestion", path: expect.stringMatching(/^\/copia\/es\.gestion\.[0-9a-f]{12}\.js$/) }]);
    const area = await (await fetch(`${app.base}${moderation.areaPaths[0]!.path}`)).text();
    expect(area).toContain('"moderation.title"');
    // Its words are on the page the server rendered, not keys.
    expect(moderation.html).not.toContain(">moderation.");
    expect((await page("/ideas")).areaPaths).toEqual([]);
  });

  it("answers an outdated version with the current copy, not cached, and an unknown name with 404", async () => {
    const outdated = await fetch(`${app.base}/copia/es.000000000000.js`);
    expect(outdated.status).toBe(200);
    expect(outdated.headers.get("cache-control")).toBe("no-cache");
    expect(await outdated.text()).toContain('"locale":"es"');
    expect((await fetch(`${app.base}/copia/fr.000000000000.js`)).status).toBe(404);
    expect((await fetch(`${app.base}/copia/es.js`)).status).toBe(404);
  });
});
