import { allianceRouter, commitmentRouter, milestoneRouter } from "./alliance/router";
import { auditRouter } from "./audit/router";
import { authRouter } from "./auth/router";
import { callParticipationRouter } from "./call-participation/router";
import { callRouter } from "./call/router";
import { availabilityRouter, bookingRouter, centerRouter, spaceRouter } from "./booking/router";
import { coauthorRouter } from "./coauthor/router";
import { commentRouter } from "./comment/router";
import { dataRouter } from "./data/router";
import { fileRouter } from "./files/router";
import { ideaRouter } from "./idea/router";
import { matchRouter } from "./match/router";
import { moderationRouter } from "./moderation/router";
import { membershipRouter, organizationRouter } from "./organization/router";
import { followRouter, notificationRouter, preferencesRouter } from "./notification/router";
import { reportRouter } from "./report/router";
import { statsRouter } from "./stats/router";
import { evaluationRouter } from "./evaluation/router";
import { submissionRouter } from "./submission/router";
import { supportRouter } from "./support/router";
import { createCallerFactory, router } from "./trpc/init";

/** Every domain operation of Cocrea; one sub-router per folder of server/. */
export const appRouter = router({
  auth: authRouter,
  idea: ideaRouter,
  coauthor: coauthorRouter,
  file: fileRouter,
  organization: organizationRouter,
  membership: membershipRouter,
  report: reportRouter,
  moderation: moderationRouter,
  audit: auditRouter,
  support: supportRouter,
  comment: commentRouter,
  follow: followRouter,
  notification: notificationRouter,
  preferences: preferencesRouter,
  /** `call` is a word tRPC reserves (Function.prototype.call): the calls' router is `calls`. */
  calls: callRouter,
  callParticipation: callParticipationRouter,
  submission: submissionRouter,
  evaluation: evaluationRouter,
  center: centerRouter,
  space: spaceRouter,
  availability: availabilityRouter,
  booking: bookingRouter,
  alliance: allianceRouter,
  commitment: commitmentRouter,
  milestone: milestoneRouter,
  match: matchRouter,
  stats: statsRouter,
  data: dataRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;
