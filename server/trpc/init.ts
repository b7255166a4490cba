import { initTRPC } from "@trpc/server";
import "../validation";
import { DEFAULT_LOCALE } from "../i18n/locale";
import type { SessionUser } from "../auth/session";
import type { Context } from "./context";
import { AppError } from "./errors";
import { describeError } from "./error-shape";

const t = initTRPC.context<Context>().create({
  isDev: process.env.NODE_ENV === "development",
  errorFormatter({ shape, error, ctx }) {
    const { message, fieldErrors } = describeError(error, ctx?.locale ?? DEFAULT_LOCALE);
    // Stack traces help only a developer at their own machine; nowhere else do they leave the server.
    const { stack, ...data } = shape.data;
    const showStack = ctx?.env.NODE_ENV === "development";
    return { ...shape, message, data: { ...data, ...(showStack ? { stack } : {}), fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** The one authentication check: a valid session, or UNAUTHORIZED. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) throw new AppError("UNAUTHORIZED", "auth.required");
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

/** The one authorization check by role. */
export function roleProcedure(...roles: SessionUser["role"][]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) throw new AppError("FORBIDDEN", "auth.forbidden");
    return next();
  });
}

