import { authRouter } from "./auth/router";
import { fileRouter } from "./files/router";
import { ideaRouter } from "./idea/router";
import { membershipRouter, organizationRouter } from "./organization/router";
import { createCallerFactory, router } from "./trpc/init";

/** Every domain operation of Cocrea; one sub-router per folder of server/. */
export const appRouter = router({
  auth: authRouter,
  idea: ideaRouter,
  file: fileRouter,
  organization: organizationRouter,
  membership: membershipRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;
