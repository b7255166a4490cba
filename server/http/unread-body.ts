import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";

/**
 * A handler may answer before reading the whole body: a refusal (no session, a file over its
 * limit) decided from the headers or the first bytes. The rest must then be read and dropped.
 * Left unread, the client waits to finish sending and the connection stalls; destroying the
 * socket instead makes browsers report a connection reset rather than our answer. Bodies are
 * bounded by limitRequestBodies, so this costs bandwidth, never memory: whatever was consuming
 * the stream (the fetch Request adapters of Remix and tRPC) is detached first, since it would
 * otherwise keep queueing chunks that nobody reads. Node does the same on its own (`_dump`)
 * only when nobody ever touched the body.
 */
export function discardUnreadBody(req: IncomingMessage, res: ServerResponse) {
  res.once("finish", () => {
    if (req.complete || req.destroyed) return;
    req.removeAllListeners("data");
    req.on("data", () => {});
    req.resume();
  });
}

export function discardUnreadBodies() {
  return (req: Request, res: Response, next: NextFunction) => {
    discardUnreadBody(req, res);
    next();
  };
}
