import { Sector } from "../../server/db/generated/enums";
import { PUBLIC_STATES } from "../../server/idea/lifecycle";

const SECTORS = Object.values(Sector);
export const IDEA_SORTS = ["newest", "relevance", "supports"] as const;
/** The orders' values in the address (`?orden=apoyos`): the API's names, except where Spanish reads better. */
export const SORT_PARAMS: Record<(typeof IDEA_SORTS)[number], string> = { newest: "newest", relevance: "relevance", supports: "apoyos" };

/**
 * The filters of /ideas from its URL. An unknown sector, state or order in a hand-edited URL
 * means "any", not an error page. (A `.server` module: the lifecycle module, which brings the
 * error classes with it, stays out of the browser bundle.)
 */
export function ideaListFilters(params: URLSearchParams) {
  return {
    q: params.get("q")?.trim().slice(0, 100) || undefined,
    sector: SECTORS.find((s) => s === params.get("sector")),
    status: PUBLIC_STATES.find((s) => s === params.get("estado")),
    sort: IDEA_SORTS.find((s) => SORT_PARAMS[s] === params.get("orden")) ?? "newest",
  };
}

/** The states the list may be filtered by, for its select. */
export const LIST_STATES = PUBLIC_STATES;
