import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import { formatDate, type Locale } from "~/i18n";
import type { FormFailure } from "~/lib/forms";
import { intentFailure, type IntentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { participantsAction, participantsPage } from "~/lib/call-participants.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? metaTranslator(matches)("callParticipants.pageTitle", { title: data.call.title }) : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await participantsPage(context, request, params.slug ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return participantsAction(context, request, params.slug ?? "");
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Participation = PageData["participations"][number];

const STATUSES = ["REQUESTED", "INVITED", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const;
const ROLES = ["ALLY", "MENTOR", "JURY"] as const;
/** Who opened a pending row: an owner's request or the Secretariat's invitation; answered rows say only who. */
const OPENED_BY: Partial<Record<string, "callParticipants.organizations.requestedBy" | "callParticipants.organizations.invitedBy">> = {
  REQUESTED: "callParticipants.organizations.requestedBy",
  INVITED: "callParticipants.organizations.invitedBy",
};

function General({ failure }: { failure: IntentFailure | null }) {
  return failure?.general ? (
    <p className="error" role="alert">
      {failure.general}
    </p>
  ) : null;
}

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

function ParticipationRow({ participation, result }: { participation: Participation; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const busy = useNavigation().state === "submitting";
  const { organization } = participation;
  const role = t(`callParticipants.role.${participation.role}` as never);
  const created = { name: participation.createdBy.name, date: formatDate(participation.createdAt, locale) };
  return (
    <li>
      <p>
        <Link to={`/organizaciones/${organization.slug}`}>{organization.name}</Link> <span className="tag">{role}</span>
        {organization.verification === "VERIFIED" ? null : <span className="meta"> · {t("callParticipants.organizations.unverified")}</span>}
        <br />
        <span className="meta">
          {t(OPENED_BY[participation.status] ?? "callParticipants.organizations.openedBy", created)}
          {participation.decidedBy && participation.decidedAt
            ? ` · ${t("callParticipants.organizations.decidedBy", { name: participation.decidedBy.name, date: formatDate(participation.decidedAt, locale) })}`
            : null}
        </span>
      </p>
      {participation.message ? (
        <p className="prose">
          <span className="meta">{t("callParticipants.organizations.message")}</span> {participation.message}
        </p>
      ) : null}
      {participation.status === "REQUESTED" ? (
        <>
          <General failure={intentFailure(result, "decide", { id: participation.id })} />
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="id" value={participation.id} />
            <button type="submit" name="answer" value="accept" className="small" disabled={busy}>
              {t("callParticipants.accept")}
              <span className="visually-hidden"> {t("callParticipants.requestOf", { name: organization.name, role })}</span>
            </button>
            <button type="submit" name="answer" value="decline" className="secondary small" disabled={busy}>
              {t("callParticipants.decline")}
              <span className="visually-hidden"> {t("callParticipants.requestOf", { name: organization.name, role })}</span>
            </button>
          </Form>
        </>
      ) : participation.status === "INVITED" ? (
        <p className="meta">{t("callParticipants.organizations.awaiting")}</p>
      ) : null}
    </li>
  );
}

function Participations({ participations, result }: { participations: PageData["participations"]; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="participations-title">
      <h2 id="participations-title">{t("callParticipants.organizations.title")}</h2>
      {participations.length === 0 ? <p>{t("callParticipants.organizations.empty")}</p> : null}
      {STATUSES.map((status) => {
        const rows = participations.filter((p) => p.status === status);
        if (rows.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`participations-${status}`}>
            <h3 id={`participations-${status}`}>
              {t(`callParticipants.status.${status}` as never)} ({rows.length})
            </h3>
            <ul className="rows">
              {rows.map((participation) => (
                <ParticipationRow key={participation.id} participation={participation} result={result} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function InviteForm({ organizations, constraint, result }: Pick<PageData, "organizations"> & { constraint: PageData["constraint"]["invite"]; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failure = intentFailure(result, "invite");
  const errors = failure?.errors ?? {};
  const labels = {
    organizationId: t("callParticipants.invite.organization"),
    role: t("callParticipants.invite.role"),
    message: t("callParticipants.invite.message"),
  };
  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("callParticipants.invite.title")}</h2>
      <Form method="get" className="actions" role="search" aria-label={t("callParticipants.invite.search")}>
        <label htmlFor="organization-search">{t("callParticipants.invite.search")}</label>
        <input id="organization-search" type="search" name="q" defaultValue={organizations.q} maxLength={100} />
        <button type="submit" className="secondary small">
          {t("callParticipants.invite.searchSubmit")}
        </button>
      </Form>
      {organizations.q ? <p className="meta">{t("callParticipants.invite.searchShowing", { q: organizations.q })}</p> : null}
      {organizations.more ? <p className="meta">{t("callParticipants.invite.searchMore")}</p> : null}
      {organizations.items.length === 0 ? (
        <p>{t("callParticipants.invite.noMatch")}</p>
      ) : (
        <Form method="post" className="stack" noValidate aria-labelledby="invite-title">
          <input type="hidden" name="intent" value="invite" />
          {failure ? (
            <ErrorSummary title={t("form.errorSummary")} message={failure.general} fieldErrors={failure.errors} labels={labels} />
          ) : null}
          <Field name="organizationId" label={labels.organizationId} error={errors.organizationId} required>
            {(p) => (
              <select {...p} defaultValue={text(failure?.values.organizationId) ?? ""}>
                <option value="">{t("callParticipants.invite.organizationPlaceholder")}</option>
                {organizations.items.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.verified ? `${o.name} (${t("callParticipants.invite.verified")})` : o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="role" label={labels.role} hint={t("callParticipants.invite.roleHint")} error={errors.role} required>
            {(p) => (
              <select {...p} defaultValue={text(failure?.values.role) ?? "ALLY"}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`callParticipants.role.${role}` as never)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            name="message"
            label={labels.message}
            hint={t("callParticipants.invite.messageHint")}
            error={errors.message}
            constraints={{ maxLength: constraint.message?.maxLength }}
            defaultValue={text(failure?.values.message)}
          >
            {(p) => <textarea {...p} rows={3} />}
          </Field>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t("callParticipants.invite.submit")}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function Jurors({ jurors, juryOrganizations, constraint, result }: Pick<PageData, "jurors" | "juryOrganizations"> & { constraint: PageData["constraint"]["assign"]; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const assign = intentFailure(result, "assignJuror");
  const labels = { email: t("callParticipants.assign.email"), organizationId: t("callParticipants.assign.organization") };
  return (
    <section className="panel" aria-labelledby="jurors-title">
      <h2 id="jurors-title">{t("callParticipants.jurors.title")}</h2>
      <p className="lead">{t("callParticipants.jurors.lead")}</p>
      {jurors.length === 0 ? (
        <p>{t("callParticipants.jurors.empty")}</p>
      ) : (
        <ul className="rows" aria-labelledby="jurors-title">
          {jurors.map((juror) => {
            const failure = intentFailure(result, "removeJuror", { userId: juror.userId });
            const confirmId = `confirm-remove-${juror.userId}`;
            const warningId = `remove-warning-${juror.userId}`;
            return (
              <li key={juror.userId}>
                <p>
                  <strong>{juror.name}</strong> <span className="meta">({juror.email})</span>
                  <br />
                  <span className="meta">
                    {juror.organization ? juror.organization.name : t("callParticipants.jurors.individual")} ·{" "}
                    {t("callParticipants.jurors.scores", { count: juror.scoreCount })}
                  </span>
                </p>
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="removeJuror" />
                  <input type="hidden" name="userId" value={juror.userId} />
                  <p className="hint" id={warningId}>
                    {t("callParticipants.jurors.removeWarning", { name: juror.name, count: juror.scoreCount })}
                  </p>
                  <div className={failure ? "field has-error" : "field"}>
                    {failure ? (
                      <p className="error" id={`${confirmId}-error`} role="alert">
                        {failure.errors.confirm ?? failure.general}
                      </p>
                    ) : null}
                    <label className="choice" htmlFor={confirmId}>
                      <input
                        type="checkbox"
                        id={confirmId}
                        name="confirm"
                        required
                        aria-invalid={failure ? true : undefined}
                        aria-describedby={[warningId, failure ? `${confirmId}-error` : null].filter(Boolean).join(" ")}
                      />{" "}
                      {t("callParticipants.jurors.confirm", { name: juror.name })}
                    </label>
                  </div>
                  <div className="actions">
                    <button type="submit" className="secondary small" disabled={busy}>
                      {t("callParticipants.jurors.remove")}
                      <span className="visually-hidden"> {juror.name}</span>
                    </button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <h3 id="assign-title">{t("callParticipants.assign.title")}</h3>
      <Form method="post" className="stack" noValidate aria-labelledby="assign-title">
        <input type="hidden" name="intent" value="assignJuror" />
        {assign ? <ErrorSummary title={t("form.errorSummary")} message={assign.general} fieldErrors={assign.errors} labels={labels} /> : null}
        <Field
          name="email"
          id="field-juror-email"
          label={labels.email}
          hint={t("callParticipants.assign.emailHint")}
          error={assign?.errors.email}
          required
          constraints={{ maxLength: constraint.email?.maxLength }}
          defaultValue={text(assign?.values.email)}
        >
          {(p) => <input {...p} type="email" autoComplete="off" />}
        </Field>
        <Field
          name="organizationId"
          id="field-juror-organization"
          label={labels.organizationId}
          hint={t("callParticipants.assign.organizationHint")}
          error={assign?.errors.organizationId}
        >
          {(p) => (
            <select {...p} defaultValue={text(assign?.values.organizationId) ?? ""}>
              <option value="">{t("callParticipants.assign.individual")}</option>
              {juryOrganizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("callParticipants.assign.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function CallParticipantsPage() {
  const { t } = useTranslation();
  const { call, participations, jurors, organizations, juryOrganizations, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="call-participants-title">
      <p>
        <Link to={`/convocatorias/${call.slug}`}>{t("callParticipants.back")}</Link>
      </p>
      <h1 id="call-participants-title">{t("callParticipants.pageTitle", { title: call.title })}</h1>
      <p className="lead">{t("callParticipants.lead")}</p>
      <DoneNotice prefix="callParticipants.done." />
      <Participations participations={participations} result={result} />
      <InviteForm organizations={organizations} constraint={constraint.invite} result={result} />
      <Jurors jurors={jurors} juryOrganizations={juryOrganizations} constraint={constraint.assign} result={result} />
    </section>
  );
}
