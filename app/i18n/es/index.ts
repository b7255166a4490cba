/**
 * UI copy, Spanish (Colombia): the default and the source of the keys. One file per domain, one
 * line per domain here; en/index.ts lists the same domains.
 *
 * Server only: import values from here only in app/i18n/messages.server.ts (`import type` is
 * fine anywhere). The root loader sends the browser the active language's copy, so a value import
 * from a component would put every word of this dictionary in the browser bundle.
 */
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

export const es = {
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
};

export type UiKey = keyof typeof es;
