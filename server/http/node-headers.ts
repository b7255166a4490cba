import type { IncomingMessage } from "node:http";

/** What the request context reads of a request's headers; a fetch `Headers` is one. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Node's parsed headers read as a HeaderReader, without building a fetch `Headers` (which
 * validates and copies every header: measurable on every API request). Names are lowercase
 * in both; repeated headers come joined, as Headers.get joins them.
 */
export function nodeHeaders(req: IncomingMessage): HeaderReader & { has(name: string): boolean } {
  const raw = req.headers;
  return {
    get(name) {
      const value = raw[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
    has(name) {
      return raw[name.toLowerCase()] !== undefined;
    },
  };
}
