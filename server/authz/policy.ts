import type { CoauthorStatus, IdeaStatus, Role } from "../db/generated/enums";
import { isListedState, isPublicState } from "../idea/lifecycle";
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
const coauthorStatus = (actor: Actor | null, idea: IdeaRecord) =>
  actor === null ? undefined : idea.coauthors.find((c) => c.id === actor.id)?.status;
/** The author or an accepted co-author: who writes the idea. */
const isContributor = (actor: Actor | null, idea: IdeaRecord) => isAuthor(actor, idea) || coauthorStatus(actor, idea) === "ACCEPTED";

export interface IdeaRecord {
  status: IdeaStatus;
  authorId: string;
  coauthors: readonly { id: string; status: CoauthorStatus }[];
}

export interface CommentRecord {
  authorId: string;
}

/** An organization as rules see it: the actor's role in it comes from the session's memberships. */
export interface OrganizationRecord {
  id: string;
}
const roleIn = (actor: Actor | null, organization: OrganizationRecord) => actor?.memberships.get(organization.id);

/** A space as booking rules see it: the roles allowed to book it (empty: every role). */
export interface SpaceRecord {
  allowedRoles: readonly Role[];
}

/** A booking as rules see it: who made it. */
export interface BookingRecord {
  userId: string;
}
const isBooker = (actor: Actor | null, booking: BookingRecord) => actor !== null && actor.id === booking.userId;

export interface FileRecord {
  uploadedById: string;
  /** An organization's logo is public like the organization's page. */
  isLogo?: boolean;
  idea: IdeaRecord | null;
}

const policies = {
  /** Entrepreneurs, academia and companies post ideas; the Secretariat moderates them and does not. */
  "idea.create": (actor: Actor | null, _resource: null) => hasRole(actor, "ENTREPRENEUR", "ACADEMIA", "COMPANY"),
  /**
   * Public states for everyone; any other state for its authors, people invited to co-author it
   * (they decide after reading it) and the Secretariat.
   */
  "idea.view": (actor: Actor | null, idea: IdeaRecord) =>
    isPublicState(idea.status) || isContributor(actor, idea) || coauthorStatus(actor, idea) === "INVITED" || isSecretariat(actor),
  /** Editing and submitting (in the states the lifecycle allows): the author and accepted co-authors. */
  "idea.edit": (actor: Actor | null, idea: IdeaRecord) => isContributor(actor, idea),
  /** The history (edits, decisions and their reasons): the idea's authors and the Secretariat. */
  "idea.history": (actor: Actor | null, idea: IdeaRecord) => isContributor(actor, idea) || isSecretariat(actor),
  /** Inviting and removing co-authors: the author only. */
  "idea.manageCoauthors": (actor: Actor | null, idea: IdeaRecord) => isAuthor(actor, idea),
  /** Reporting: anyone signed in but the idea's own authors (and the Secretariat, who moderates directly). */
  "idea.report": (actor: Actor | null, idea: IdeaRecord) =>
    actor !== null && !isSecretariat(actor) && !isContributor(actor, idea) && coauthorStatus(actor, idea) !== "INVITED",
  /**
   * Supporting an idea: anyone signed in but its authors (and people invited to co-author it) and
   * the Secretariat, which stays neutral among the ideas it moderates. The state is checked by the service.
   */
  "idea.support": (actor: Actor | null, idea: IdeaRecord) =>
    actor !== null && !isSecretariat(actor) && !isContributor(actor, idea) && coauthorStatus(actor, idea) !== "INVITED",
  /** Commenting: anyone signed in who sees an idea that is listed (published, in development, incubated). */
  "comment.create": (actor: Actor | null, idea: IdeaRecord) => actor !== null && can(actor, "idea.view", idea) && isListedState(idea.status),
  /** Editing a comment (within its time window, checked by the database): its author. */
  "comment.edit": (actor: Actor | null, comment: CommentRecord) => actor !== null && actor.id === comment.authorId,
  /** Removing a comment: its author, or the Secretariat (audited). */
  "comment.remove": (actor: Actor | null, comment: CommentRecord) => (actor !== null && actor.id === comment.authorId) || isSecretariat(actor),
  /** Reporting a comment: anyone signed in but its author and the Secretariat (who removes directly). */
  "comment.report": (actor: Actor | null, comment: CommentRecord) => actor !== null && !isSecretariat(actor) && actor.id !== comment.authorId,
  /** Moderation decisions, the queues and the audit log: the Secretariat only. */
  "moderation.act": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  "audit.view": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** Academia and companies create organizations of any kind; entrepreneurs, startups. The kind is checked by the service. */
  "organization.create": (actor: Actor | null, _resource: null) => hasRole(actor, "ACADEMIA", "COMPANY", "ENTREPRENEUR"),
  /** Profile, offers, logo, members, verification requests: the organization's owners. */
  "organization.manage": (actor: Actor | null, organization: OrganizationRecord) => roleIn(actor, organization) === "OWNER",
  /** Acting for the organization (posting ideas on its behalf, leaving it): its members. */
  "organization.member": (actor: Actor | null, organization: OrganizationRecord) => roleIn(actor, organization) !== undefined,
  /** Asking to join: anyone signed in who is not a member yet (the Secretariat does not join organizations). */
  "organization.join": (actor: Actor | null, organization: OrganizationRecord) =>
    actor !== null && !isSecretariat(actor) && roleIn(actor, organization) === undefined,
  /** Verifying organizations: the Secretariat. */
  "organization.verify": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** Any signed-in person may upload; attaching to an idea is where the idea's rules apply. */
  "file.upload": (actor: Actor | null, _resource: null) => actor !== null,
  /** A file is visible to whoever may see its idea, and always to the person who uploaded it. */
  "file.view": (actor: Actor | null, file: FileRecord) =>
    file.isLogo === true ||
    (actor !== null && actor.id === file.uploadedById) || (file.idea !== null && can(actor, "idea.view", file.idea)) ||
    isSecretariat(actor),
  /** Centers, their hours and closures, and spaces with their rules: the Secretariat. */
  "center.manage": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** Booking a space: anyone signed in whose role the space allows (empty list: every role). */
  "space.book": (actor: Actor | null, space: SpaceRecord) =>
    actor !== null && (space.allowedRoles.length === 0 || space.allowedRoles.includes(actor.role)),
  /** A booking, its check-in pass and calendar file: the person who made it and the Secretariat. */
  "booking.view": (actor: Actor | null, booking: BookingRecord) => isBooker(actor, booking) || isSecretariat(actor),
  /** Cancelling: the booker (until it starts), or the Secretariat with a reason (audited). */
  "booking.cancel": (actor: Actor | null, booking: BookingRecord) => isBooker(actor, booking) || isSecretariat(actor),
  /** Checking in with the code: the booker, or the Secretariat's staff at the center. */
  "booking.checkIn": (actor: Actor | null, booking: BookingRecord) => isBooker(actor, booking) || isSecretariat(actor),
  /** Approving or rejecting pending bookings, and seeing them all: the Secretariat. */
  "booking.decide": (actor: Actor | null, _resource: null) => isSecretariat(actor),
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
