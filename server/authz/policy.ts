import type { IdeaStatus, Role } from "../db/generated/enums";
import { AppError } from "../trpc/errors";
import type { MessageKey } from "../i18n/messages";
import type { Actor } from "./actor";

/**
 * Every authorization rule of Cocrea, role rules and record rules alike. Procedures, pages and
 * the file download route ask `can`; nothing re-implements a rule inline.
 */

// Relations: the vocabulary record rules are written in.
const isSecretariat = (actor: Actor | null) => actor?.role === "SECRETARIAT";
const hasRole = (actor: Actor | null, ...roles: Role[]) => actor !== null && roles.includes(actor.role);
const isAuthor = (actor: Actor | null, idea: IdeaRecord) => actor !== null && actor.id === idea.authorId;

export interface IdeaRecord {
  status: IdeaStatus;
  authorId: string;
}

export interface FileRecord {
  uploadedById: string;
  idea: IdeaRecord | null;
}

const policies = {
  /** Posting ideas: entrepreneurs (academia and companies join with the ideas lifecycle). */
  "idea.create": (actor: Actor | null, _resource: null) => hasRole(actor, "ENTREPRENEUR"),
  /** A published idea is public; any other state only for its author and the Secretariat. */
  "idea.view": (actor: Actor | null, idea: IdeaRecord) =>
    idea.status === "PUBLISHED" || isAuthor(actor, idea) || isSecretariat(actor),
  /** Any signed-in person may upload; attaching to an idea is where the idea's rules apply. */
  "file.upload": (actor: Actor | null, _resource: null) => actor !== null,
  /** A file is visible to whoever may see its idea, and always to the person who uploaded it. */
  "file.view": (actor: Actor | null, file: FileRecord) =>
    (actor !== null && actor.id === file.uploadedById) || (file.idea !== null && can(actor, "idea.view", file.idea)) ||
    isSecretariat(actor),
} as const;

export type Action = keyof typeof policies;
export type ResourceOf<A extends Action> = Parameters<(typeof policies)[A]>[1];

export function can<A extends Action>(actor: Actor | null, action: A, resource: ResourceOf<A>): boolean {
  return (policies[action] as (actor: Actor | null, resource: ResourceOf<A>) => boolean)(actor, resource);
}

/**
 * Throws when `can` says no: UNAUTHORIZED for anonymous callers of a rule that needs an account,
 * otherwise FORBIDDEN, or NOT_FOUND with `hideAs` when the record's existence is itself private.
 */
export function authorize<A extends Action>(
  actor: Actor | null,
  action: A,
  resource: ResourceOf<A>,
  options: { hideAs?: MessageKey } = {},
): void {
  if (can(actor, action, resource)) return;
  if (options.hideAs) throw new AppError("NOT_FOUND", options.hideAs);
  if (!actor) throw new AppError("UNAUTHORIZED", "auth.required");
  throw new AppError("FORBIDDEN", "auth.forbidden");
}
