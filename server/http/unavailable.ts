import { json } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { RETRY_AFTER_SECONDS } from "../db/availability";
import type { ErrorDescription } from "../trpc/error-shape";

/**
 * Every 503 this server sends (tRPC, pages, downloads, the error handler, /healthz) tells the
 * client when to try again. Set at the last moment, when the status is known, so no handler
 * has to remember it.
 */
export function retryAfterOn503(seconds = RETRY_AFTER_SECONDS) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
      if (statusCode === 503 && !this.headersSent && !this.hasHeader("retry-after")) this.setHeader("Retry-After", String(seconds));
      return (writeHead as (...args: unknown[]) => Response).call(this, statusCode, ...rest);
    } as typeof res.writeHead;
    next();
  };
}

/**
 * The tRPC caller Remix loaders and actions use, except that a call failing because the
 * database is unavailable throws a 503 response instead: Remix renders it with the error page
 * and its message, whatever the loader does with other errors, so no route needs its own check.
 */
export function withUnavailableAsResponse<T extends object>(caller: T, describe: (error: unknown) => ErrorDescription): T {
  const rethrow = (error: unknown): never => {
    const description = describe(error);
    if (description.httpStatus !== 503) throw error;
    throw json({ message: description.message }, { status: 503 });
  };
  const wrap = (target: unknown): unknown => {
    if (typeof target !== "function" && (typeof target !== "object" || target === null)) return target;
    return new Proxy(target as object, {
      get: (object, key) => wrap(Reflect.get(object, key)),
      apply: (fn, thisArg, args) => {
        const result: unknown = Reflect.apply(fn as (...a: unknown[]) => unknown, thisArg, args);
        return result instanceof Promise ? result.catch(rethrow) : result;
      },
    });
  };
  return wrap(caller) as T;
}
