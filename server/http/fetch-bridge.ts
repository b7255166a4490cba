import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

/**
 * Express request → fetch Request, for handlers written against the fetch API (Remix, UploadThing).
 * A request with a body gets a signal that aborts when the client goes away before the response is
 * complete, so an abandoned upload stops. It listens on the response, which lives as long as this
 * one request: a listener on the socket would stay until a keep-alive connection closes, one more
 * per request. Bodyless requests (pages) do without: they finish in milliseconds either way.
 */
export function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const url = `${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`;
  const headers = toFetchHeaders(req);
  if (req.method === "GET" || req.method === "HEAD") return new Request(url, { method: req.method, headers });
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    body: Readable.toWeb(req) as ReadableStream,
    duplex: "half",
  } as RequestInit);
}

export function toFetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/** Pages and JSON are sent in one write with their length; files and other bodies stream. */
const BUFFERED_TYPES = /^(text\/html|application\/json)\b/;

export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, key) => {
    if (key === "set-cookie") return;
    res.setHeader(key, value);
  });
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
  if (!response.body) {
    res.end();
    return;
  }
  if (BUFFERED_TYPES.test(response.headers.get("content-type") ?? "")) {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader("Content-Length", body.length);
    res.end(body);
    return;
  }
  const body = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream);
  body.on("error", () => res.destroy());
  body.pipe(res);
}
