import type { AlliancePartyStatus, AllianceStatus, CallParticipationStatus, CallStatus, CoauthorStatus, IdeaStatus, Role } from "../db/generated/enums";
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

/** A call as rules see it: its stored state and the organization that proposed it (null: created by the Secretariat). */
export interface CallRecord {
  status: CallStatus;
  proposingOrganizationId: string | null;
}
/** States in which a call is public: approved (scheduled, open, in evaluation), finished, or cancelled after approval. */
export const PUBLIC_CALL_STATES: readonly CallStatus[] = ["APPROVED", "RESULTS_PUBLISHED", "CLOSED", "CANCELLED"];
const ownsCallProposer = (actor: Actor | null, call: CallRecord) =>
  call.proposingOrganizationId !== null && actor?.memberships.get(call.proposingOrganizationId) === "OWNER";

/** An organization's request or invitation to take part in a call. */
export interface CallParticipationRecord {
  organizationId: string;
  status: CallParticipationStatus;
}

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
  /** The terms of a call that is public: public like the call's page. */
  isPublicCallTerms?: boolean;
  /** A photo of a center or a space: public like the space's page. */
  isPlacePhoto?: boolean;
  idea: IdeaRecord | null;
}

/**
 * A call as the rules of submissions and evaluation see it (server/submission, server/evaluation):
 * who may submit, who proposed it and who judges it.
 */
export interface EvaluatedCallRecord {
  status: CallStatus;
  eligibleRoles: readonly Role[];
  proposingOrganizationId: string | null;
  /** The users with a CallJuror row for this call. */
  jurorIds: readonly string[];
}
/** A submission to a call: its submitter (the idea's author) and its call. */
export interface SubmissionRecord {
  submitterId: string;
  call: EvaluatedCallRecord;
}
/** Calls anyone may see: approved (scheduled, open, in evaluation), with results, closed. */
const isPublicCallStatus = (status: CallStatus) => status === "APPROVED" || status === "RESULTS_PUBLISHED" || status === "CLOSED";
const ownsProposingOrganization = (actor: Actor | null, call: EvaluatedCallRecord) =>
  call.proposingOrganizationId !== null && actor?.memberships.get(call.proposingOrganizationId) === "OWNER";
const isJurorOf = (actor: Actor | null, call: EvaluatedCallRecord) => actor !== null && call.jurorIds.includes(actor.id);

/** A party of an alliance: an organization (its owners speak for it, its members belong to it) or a person. */
export interface AlliancePartyRecord {
  organizationId: string | null;
  userId: string | null;
  status: AlliancePartyStatus;
  isProposer: boolean;
}
/** An alliance as rules see it, with its parties (loaded with it: no rule runs a query). */
export interface AllianceRecord {
  status: AllianceStatus;
  activatedAt: Date | null;
  proposedById: string;
  parties: readonly AlliancePartyRecord[];
}
const speaksFor = (actor: Actor | null, party: AlliancePartyRecord) =>
  actor !== null && (party.userId === actor.id || (party.organizationId !== null && roleIn(actor, { id: party.organizationId }) === "OWNER"));
const belongsTo = (actor: Actor | null, party: AlliancePartyRecord) =>
  actor !== null && (party.userId === actor.id || (party.organizationId !== null && roleIn(actor, { id: party.organizationId }) !== undefined));
/** Who proposed it: the person, or the owners of the organization it was proposed for. */
const leads = (actor: Actor | null, alliance: AllianceRecord) =>
  actor !== null && (actor.id === alliance.proposedById || alliance.parties.some((p) => p.isProposer && speaksFor(actor, p)));

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
  /** Creating a call directly (approved at once): the Secretariat. */
  "call.create": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** Proposing a call on behalf of an organization: its owners (the service requires it to be verified). */
  "call.propose": (actor: Actor | null, organization: OrganizationRecord) => roleIn(actor, organization) === "OWNER",
  /** Approved calls and later are public; proposals only for the proposing organization's owners and the Secretariat. */
  "call.view": (actor: Actor | null, call: CallRecord) =>
    PUBLIC_CALL_STATES.includes(call.status) || isSecretariat(actor) || ownsCallProposer(actor, call),
  /** Editing: the proposer's owners while it is a proposal; the Secretariat until it opens (the service checks the dates). */
  "call.edit": (actor: Actor | null, call: CallRecord) =>
    isSecretariat(actor) || (ownsCallProposer(actor, call) && (call.status === "PROPOSED" || call.status === "CHANGES_REQUESTED")),
  /** Sending a proposal back after the Secretariat asked for changes: the proposing organization's owners. */
  "call.resubmit": (actor: Actor | null, call: CallRecord) => ownsCallProposer(actor, call),
  /** Deciding proposals, cancelling, extending deadlines, inviting organizations, assigning jurors: the Secretariat. */
  "call.administer": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** Asking to take part in a call, or withdrawing from it, on behalf of an organization: its owners. */
  "callParticipation.act": (actor: Actor | null, organization: OrganizationRecord) => roleIn(actor, organization) === "OWNER",
  /** Answering an invitation: the invited organization's owners; deciding on a request: the Secretariat. */
  "callParticipation.decide": (actor: Actor | null, participation: CallParticipationRecord) =>
    participation.status === "INVITED" ? roleIn(actor, { id: participation.organizationId }) === "OWNER" : isSecretariat(actor),
  /** Any signed-in person may upload; attaching to an idea is where the idea's rules apply. */
  "file.upload": (actor: Actor | null, _resource: null) => actor !== null,
  /** A file is visible to whoever may see its idea, and always to the person who uploaded it. */
  "file.view": (actor: Actor | null, file: FileRecord) =>
    file.isLogo === true ||
    file.isPublicCallTerms === true ||
    file.isPlacePhoto === true ||
    (actor !== null && actor.id === file.uploadedById) || (file.idea !== null && can(actor, "idea.view", file.idea)) ||
    isSecretariat(actor),
  /**
   * Submitting an idea to a call: the roles the call names (none named: every role but the
   * Secretariat, which runs calls and never competes). Dates, the idea and the organization are
   * checked by the service, in the statement that inserts the submission.
   */
  "submission.create": (actor: Actor | null, call: EvaluatedCallRecord) =>
    actor !== null && !isSecretariat(actor) && (call.eligibleRoles.length === 0 || call.eligibleRoles.includes(actor.role)),
  /** Withdrawing (before the deadline, checked by the database): the submitter only. */
  "submission.withdraw": (actor: Actor | null, submission: SubmissionRecord) => actor !== null && actor.id === submission.submitterId,
  /** A call's submissions: the Secretariat sees them all; owners of the proposing organization see how many there are. */
  "submission.listForCall": (actor: Actor | null, call: EvaluatedCallRecord) => isSecretariat(actor) || ownsProposingOrganization(actor, call),
  /** Rubrics, scoring progress, ranking, winners, publishing and closing results: the Secretariat. */
  "evaluation.manage": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** A call's rubric: public with the call; before that, the Secretariat, the proposing organization's owners and jurors. */
  "evaluation.rubric": (actor: Actor | null, call: EvaluatedCallRecord) =>
    isPublicCallStatus(call.status) || isSecretariat(actor) || ownsProposingOrganization(actor, call) || isJurorOf(actor, call),
  /** Scoring a submission: the call's jurors (conflicts of interest and the evaluation window: in SQL, by the service). */
  "evaluation.score": (actor: Actor | null, submission: SubmissionRecord) => isJurorOf(actor, submission.call),
  /** The jurors' scores and comments of a submission, once results are published: its submitter. */
  "evaluation.myScores": (actor: Actor | null, submission: SubmissionRecord) => actor !== null && actor.id === submission.submitterId,
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
  /** Opening an alliance around an idea: its authors and the Secretariat (organizations' owners propose through `alliance.proposeFor`). */
  "alliance.proposeForIdea": (actor: Actor | null, idea: IdeaRecord) => isContributor(actor, idea) || isSecretariat(actor),
  /** Opening an alliance on behalf of an organization, around any public idea or call: its owners. */
  "alliance.proposeFor": (actor: Actor | null, organization: OrganizationRecord) => roleIn(actor, organization) === "OWNER",
  /** Opening an alliance around a call with no idea: the Secretariat (organizations' owners through `alliance.proposeFor`). */
  "alliance.proposeForCall": (actor: Actor | null, _resource: null) => isSecretariat(actor),
  /** Public from its activation on; before that, its parties (invited ones too) and the Secretariat. */
  "alliance.view": (actor: Actor | null, alliance: AllianceRecord) =>
    alliance.activatedAt !== null || isSecretariat(actor) || alliance.parties.some((p) => belongsTo(actor, p)),
  /** Inviting parties, adding milestones, completing or withdrawing: whoever proposed it, and the Secretariat. */
  "alliance.lead": (actor: Actor | null, alliance: AllianceRecord) => leads(actor, alliance) || isSecretariat(actor),
  /** Answering an invitation, and the party's commitments: the invited person, or the organization's owners. */
  "alliance.speakFor": (actor: Actor | null, party: AlliancePartyRecord) => speaksFor(actor, party),
  /** Reporting progress on milestones: anyone belonging to an accepted party (an organization's members too). */
  "alliance.contribute": (actor: Actor | null, alliance: AllianceRecord) =>
    alliance.parties.some((p) => p.status === "ACCEPTED" && belongsTo(actor, p)),
  /** Partner suggestions for an idea: its authors and the Secretariat. */
  "match.idea": (actor: Actor | null, idea: IdeaRecord) => isContributor(actor, idea) || isSecretariat(actor),
  /** Partner suggestions for a call: the Secretariat and the owners of the organization that proposed it. */
  "match.call": (actor: Actor | null, call: CallRecord) => isSecretariat(actor) || ownsCallProposer(actor, call),
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
