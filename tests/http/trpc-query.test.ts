/**
 * The GET fast path (server/http/trpc-query.ts) must answer exactly as tRPC's resolveResponse:
 * same status, same bytes, for successes and for every kind of failure.
 */
import { resolveResponse } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { answerQuery, singleQuery } from "../../server/http/trpc-query";
import { appRouter } from "../../server/router";
import { createContext } from "../../server/trpc/context";
import { callerAs, useTestServices } from "../support/callers";
import { createIdeaIn } from "../support/ideas";

const suite = useTestServices();

async function bothWays(url: string, cookie?: string, locale: "es" | "en" = "es") {
  const headers = new Headers({ "accept-language": locale });
  if (cookie) headers.set("cookie", cookie);
  const context = () => createContext(suite.services, { headers, ip: "203.0.113.9", setCookie: () => {} });
  const [pathPart = "", search = ""] = url.split("?", 2);
  const query = singleQuery("GET", pathPart, search);
  expect(query, `${url} takes the fast path`).not.toBeNull();
  const fast = await answerQuery(query!, context);
  const reference = await resolveResponse({
    router: appRouter,
    req: new Request(`http://localhost/api/trpc/${url}`, { headers }),
    path: pathPart,
    error: null,
    createContext: context,
  });
  return { fast, reference: { status: reference.status, json: await reference.text() } };
}

const input = (value: unknown) => `input=${encodeURIComponent(JSON.stringify(value))}`;

describe("a single GET query answered without resolveResponse", () => {
  it("gives the same status and bytes as resolveResponse for a result, a bad input, a missing record and a refusal", async () => {
    const { user } = await callerAs(suite.services, "ENTREPRENEUR");
    const idea = await createIdeaIn(suite.db, user!.id, "PUBLISHED");
    const secretariat = await callerAs(suite.services, "SECRETARIAT");
    const cases: [string, string | undefined, "es" | "en"][] = [
      [`idea.list?${input({ limit: 3 })}`, undefined, "es"],
      [`idea.byId?${input({ id: idea.id })}`, undefined, "en"],
      [`idea.list?${input({ limit: 1000 })}`, undefined, "en"],
      [`idea.byId?${input({ id: "00000000-0000-4000-8000-000000000000" })}`, undefined, "es"],
      [`idea.mine?${input({})}`, undefined, "es"],
      [`audit.list?${input({})}`, secretariat.cookie, "es"],
    ];
    for (const [url, cookie, locale] of cases) {
      const { fast, reference } = await bothWays(url, cookie, locale);
      expect({ url, status: fast.status, json: fast.json }).toEqual({ url, ...reference });
    }
  });

  it("leaves batches, mutations, unknown procedures, extra parameters and unreadable input to resolveResponse", () => {
    expect(singleQuery("GET", "idea.list,idea.list", "batch=1&input={}")).toBeNull();
    expect(singleQuery("POST", "idea.list", "")).toBeNull();
    expect(singleQuery("GET", "idea.create", input({}))).toBeNull();
    expect(singleQuery("GET", "idea.nothing", "")).toBeNull();
    expect(singleQuery("GET", "idea.list", `${input({})}&batch=1`)).toBeNull();
    expect(singleQuery("GET", "idea.list", "input=%7B")).toBeNull();
    expect(singleQuery("GET", "idea.list", "")).toEqual({ path: "idea.list", input: undefined });
  });
});
