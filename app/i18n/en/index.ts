/** UI copy, English: the same domains as es/index.ts, each type-checked against its Spanish file. Server only, like es. */
import type { UiKey } from "../es";
import type { NoExtraKeys } from "../types";
import { auth } from "./auth";
import { callParticipants } from "./call-participants";
import { calls } from "./calls";
import { community } from "./community";
import { errors } from "./errors";
import { evaluation } from "./evaluation";
import { home } from "./home";
import { ideaLifecycle } from "./idea-lifecycle";
import { ideas } from "./ideas";
import { layout } from "./layout";
import { meta } from "./meta";
import { moderation } from "./moderation";
import { notifications } from "./notifications";
import { organizationAdmin } from "./organization-admin";
import { organizations } from "./organizations";
import { spaces } from "./spaces";
import { spaceAdmin } from "./space-admin";
import { alliances } from "./alliances";
import { matches } from "./matches";
import { live } from "./live";
import { indicators } from "./indicators";
import { openData } from "./open-data";

export const en = {
  ...layout,
  ...meta,
  ...errors,
  ...home,
  ...auth,
  ...ideas,
  ...ideaLifecycle,
  ...moderation,
  ...organizations,
  ...organizationAdmin,
  ...community,
  ...notifications,
  ...callParticipants,
  ...calls,
  ...evaluation,
  ...spaces,
  ...spaceAdmin,
  ...alliances,
  ...matches,
  ...live,
  ...indicators,
  ...openData,
} satisfies Record<UiKey, string>;

// `satisfies` finds a Spanish key English lacks (a domain left out); this, an English key Spanish lacks.
type EnglishOnlyKeys = NoExtraKeys<Exclude<keyof typeof en, UiKey>>;
