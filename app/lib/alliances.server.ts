/**
 * /alianzas (the public list, and the signed-in person's alliances and invitations) and
 * /alianzas/nueva (opening one around an idea or a call). Every rule is the procedures'
 * (server/alliance/router.ts); these read the address and the form and say where to go next.
 */
import type { AppLoadContext } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { AllianceSector } from "../../server/db/generated/enums";
import { SECTOR_WORDS, STATUS_WORDS } from "./alliance-format";
import { SECTOR_OF_KIND } from "../../server/alliance/sectors";
import { can } from "../../server/authz/policy";
import { findCallById } from "../../server/call/queries";
import { translate } from "../../server/i18n/messages";
import { actionFailure } from "./actions";
import { createForm } from "./alliance-forms.server";
import { readForm } from "./form-request.server";
import { parseSubmission, schemaConstraint } from "./forms.server";
import { requireSignIn } from "./organization-form.server";

type StatusWord = keyof typeof STATUS_WORDS;
type SectorWord = keyof typeof SECTOR_WORDS;

const wordOf = <Words extends Record<string, string>>(words: Words, value: string | null) =>
  value !== null && Object.hasOwn(words, value) ? (value as keyof Words & string) : undefined;

/** An unknown value in a hand-edited address means "any". */
function listFilters(params: URLSearchParams) {
  return {
    estado: wordOf(STATUS_WORDS, params.get("estado")) as StatusWord | undefined,
    sector: wordOf(SECTOR_WORDS, params.get("sector")) as SectorWord | undefined,
    triple: params.get("triple") === "si",
  };
}

/** 404 for an unknown, malformed or hidden record; anything else is the error it is. */
export function notFoundFor(context: AppLoadContext, error: unknown): never {
  const { httpStatus } = context.describeError(error);
  if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
  throw error;
}

export async function allianceListPage(context: AppLoadContext, request: Request) {
  const params = new URL(request.url).searchParams;
  const filters = listFilters(params);
  const signedIn = context.ctx.user !== null;
  try {
    const [page, mine] = await Promise.all([
      context.caller.alliance.list({
        status: filters.estado ? STATUS_WORDS[filters.estado] : undefined,
        sector: filters.sector ? SECTOR_WORDS[filters.sector] : undefined,
        tripleHelix: filters.triple ? true : undefined,
        cursor: params.get("cursor") || undefined,
        limit: 12,
      }),
      signedIn ? context.caller.alliance.mine() : Promise.resolve(null),
    ]);
    return { ...page, filters, mine };
  } catch (error) {
    // A hand-edited or truncated "more" link: the error page says what is wrong with it.
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

/** Every organization, by name, with the sector it would stand for (the procedure gives 50 a page). */
export async function invitableOrganizations(context: AppLoadContext, leaveOut: ReadonlySet<string> = new Set()) {
  const organizations: { id: string; name: string; sector: AllianceSector }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 4; page += 1) {
    const { items, nextCursor } = await context.caller.organization.list({ limit: 50, cursor });
    for (const o of items) if (!leaveOut.has(o.id)) organizations.push({ id: o.id, name: o.name, sector: SECTOR_OF_KIND[o.kind] });
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return organizations;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The call of ?convocatoria= (its id, or its slug), as its page shows it. */
async function callOf(context: AppLoadContext, reference: string) {
  let slug = reference;
  if (UUID.test(reference)) {
    const record = await findCallById(context.ctx.db, reference);
    if (!record || !can(context.ctx.actor, "call.view", record)) throw json(null, { status: 404 });
    slug = record.slug;
  }
  return context.caller.calls.bySlug({ slug }).catch((error: unknown) => notFoundFor(context, error));
}

/** The idea or call of the address; null when there is none (the page says where alliances start). */
async function subjectOf(context: AppLoadContext, params: URLSearchParams) {
  const ideaId = params.get("idea");
  if (ideaId) {
    const idea = await context.caller.idea.byId({ id: ideaId }).catch((error: unknown) => notFoundFor(context, error));
    return { kind: "idea" as const, id: idea.id, title: idea.title, href: `/ideas/${idea.id}`, mayProposeSelf: can(context.ctx.actor, "alliance.proposeForIdea", idea) };
  }
  const callRef = params.get("convocatoria");
  if (callRef) {
    const call = await callOf(context, callRef.slice(0, 120));
    return { kind: "call" as const, id: call.id, title: call.title, href: `/convocatorias/${call.slug}`, mayProposeSelf: can(context.ctx.actor, "alliance.proposeForCall", null) };
  }
  return null;
}

export async function newAlliancePage(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const subject = await subjectOf(context, new URL(request.url).searchParams);
  if (!subject) return { subject: null, mayProposeSelf: false, owned: [], organizations: [], forbidden: null, constraint: {} as ReturnType<typeof schemaConstraint> };
  const { actor } = context.ctx;
  const [mine, organizations] = await Promise.all([
    actor && actor.memberships.size > 0 ? context.caller.organization.mine() : Promise.resolve([]),
    invitableOrganizations(context),
  ]);
  const owned = mine.filter((o) => o.role === "OWNER").map(({ id, name }) => ({ id, name }));
  const { mayProposeSelf, ...about } = subject;
  return {
    subject: about,
    mayProposeSelf,
    owned,
    organizations,
    // Nobody to propose as: the server's own sentence says who may.
    forbidden: !mayProposeSelf && owned.length === 0 ? translate(context.ctx.locale, "alliance.proposeForbidden") : null,
    constraint: schemaConstraint(createForm),
  };
}

export async function newAllianceAction(context: AppLoadContext, request: Request) {
  requireSignIn(context, request);
  const form = await readForm({ request, context });
  const submission = parseSubmission(context, form, createForm);
  if (!submission.ok) return submission.reply;
  try {
    const { id } = await context.caller.alliance.create(submission.value);
    return redirect(`/alianzas/${id}?hecho=creada`);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
}
