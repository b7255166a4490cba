import { initTRPC } from "@trpc/server";
import "../validation";
import { DEFAULT_LOCALE } from "../i18n/locale";
import { authorize, type Action, type ResourceOf } from "../authz/policy";
import type { MessageKey } from "../i18n/messages";
import type { z } from "../validation";
import type { Context } from "./context";
import { AppError } from "./errors";
import { describeError } from "./error-shape";

type ActionWithoutRecord = { [A in Action]: ResourceOf<A> extends null ? A : never }[Action];

const t = initTRPC.context<Context>().create({
  isDev: process.env.NODE_ENV === "development",
  errorFormatter({ shape, error, ctx }) {
    const { message, fieldErrors, code, httpStatus } = describeError(error, ctx?.locale ?? DEFAULT_LOCALE);
    // Stack traces help only a developer at their own machine; nowhere else do they leave the server.
    const { stack, ...data } = shape.data;
    const showStack = ctx?.env.NODE_ENV === "development";
    // describeError may reclassify (a database that is down is a 503); tRPC takes the status from here.
    return { ...shape, message, data: { ...data, code, httpStatus, ...(showStack ? { stack } : {}), fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/**
 * Every procedure's base: a mutation that succeeded tells the live feed, which on the embedded
 * database is the only way other viewers hear of it (server/live/changes.ts; with real
 * PostgreSQL the tables' triggers announce the commit and afterWrite does nothing).
 */
const procedure = t.procedure.use(async ({ ctx, type, path, next }) => {
  const result = await next();
  if (type === "mutation" && result.ok) ctx.changes.afterWrite(path);
  return result;
});

export const publicProcedure = procedure;

/** The one authentication check: a valid session, or UNAUTHORIZED. */
export const protectedProcedure = procedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session || !ctx.actor) throw new AppError("UNAUTHORIZED", "auth.required");
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session, actor: ctx.actor } });
});

/**
 * A signed-in procedure whose rule needs no record (e.g. "idea.create"): authentication first
 * (401), then the policy module decides (403), before the handler runs.
 */
export function policyProcedure(action: ActionWithoutRecord) {
  return protectedProcedure.use(({ ctx, next }) => {
    authorize(ctx.actor, action, null);
    return next();
  });
}

/**
 * A procedure about one record: it parses the input, loads the record the input names, asks the
 * policy about that very record, and hands it to the handler as `ctx.record`, so the check can be
 * neither forgotten nor made on a different record than the one used. A missing record is a 404;
 * with `hideAs`, so is a record the caller may not see (its existence is private too).
 */
export function recordProcedure<Schema extends z.ZodType, A extends Action, Record extends ResourceOf<A>>(config: {
  input: Schema;
  load: (ctx: Context, input: z.output<Schema>) => Promise<Record | null>;
  action: A;
  notFound: MessageKey;
  hideAs?: MessageKey;
}) {
  return procedure.input(config.input).use(async ({ ctx, input, next }) => {
    const record = await config.load(ctx, input as z.output<Schema>);
    if (!record) throw new AppError("NOT_FOUND", config.notFound);
    authorize(ctx.actor, config.action, record, { hideAs: config.hideAs });
    return next({ ctx: { ...ctx, record } });
  });
}
