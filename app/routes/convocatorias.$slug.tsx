import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/i18n";
import { CallPhaseBadge } from "~/components/call-card";
import { CallResults, CriteriaTable, MyCallScores } from "~/components/call-results";
import { SubjectAlliances } from "~/components/subject-alliances";
import { ChoiceField, ErrorSummary, Field, RecordSelect } from "~/components/form";
import { formatCallDate, formatCop } from "~/lib/call-format";
import { callPageAction, loadCallPage } from "~/lib/call-page.server";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data?.call.title);

/** What `?aviso=` may announce (copy `callPage.notice.<key>`). */
const NOTICES = {
  postulada: "submitted",
  retirada: "withdrawn",
  participacion: "participation",
  creada: "created",
  propuesta: "proposed",
  guardada: "saved",
  reenviada: "resubmitted",
} as const;

export async function loader({ context, params }: LoaderFunctionArgs) {
  return json(await loadCallPage(context, params.slug));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return callPageAction(context, request, params.slug);
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Call = PageData["call"];

const TIMELINE = ["opensAt", "closesAt", "evaluationEndsAt", "resultsAt"] as const;
/** Which step of the timeline each phase is in (none for proposals and cancelled calls). */
const CURRENT_STEP: Record<string, number> = { APPROVED: -1, OPEN: 0, EVALUATION: 1, RESULTS_PUBLISHED: 3, CLOSED: 3 };

/** The four dates in order; the current one says so in words, not only in its style. */
function Timeline({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const step = CURRENT_STEP[call.phase];
  // Evaluation runs until its end date; after it, until results are published, the step is "results".
  const current = call.phase === "EVALUATION" && new Date(call.now) >= new Date(call.evaluationEndsAt) ? 2 : step;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("callPage.timeline")}</h2>
      <ol className="timeline">
        {TIMELINE.map((name, index) => {
          const isCurrent = current === index;
          const done = current !== undefined && index < current;
          return (
            <li key={name} aria-current={isCurrent ? "step" : undefined}>
              <p>
                {t(`callPage.timeline.${name}`)}
                {isCurrent ? ` ${t("callPage.timeline.current")}` : done ? ` ${t("callPage.timeline.done")}` : ""}
              </p>
              <p className="meta">
                <time dateTime={call[name]}>{formatCallDate(call[name], i18n)}</time>
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Eligibility({ call }: { call: Call }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t("callPage.eligibility")}</h2>
      <ul>
        <li>
          {call.eligibleRoles.length === 0
            ? t("callPage.eligibleRolesAny")
            : t("callPage.eligibleRoles", { roles: call.eligibleRoles.map((r) => t(`role.${r}` as never)).join(", ") })}
        </li>
        {call.eligibleOrgKinds.length > 0 ? (
          <li>{t("callPage.eligibleOrgKinds", { kinds: call.eligibleOrgKinds.map((k) => t(`orgKind.${k}` as never)).join(", ") })}</li>
        ) : null}
        <li>{call.requiresOrganization ? t("callPage.requiresOrganization") : t("callPage.ownNameAllowed")}</li>
        <li>{t("callPage.maxSubmissions", { count: call.maxSubmissionsPerParticipant })}</li>
      </ul>
    </section>
  );
}

function Participants({ call }: { call: Call }) {
  const { t } = useTranslation();
  const roles = (["ALLY", "MENTOR", "JURY"] as const).filter((role) => call.participants[role].length > 0);
  return (
    <section aria-labelledby="participants-title">
      <h2 id="participants-title">{t("callPage.participants")}</h2>
      {roles.length === 0 ? <p>{t("callPage.participantsEmpty")}</p> : null}
      {roles.map((role) => (
        <div key={role}>
          <h3>{t(`callPage.participantsRole.${role}`)}</h3>
          <ul>
            {call.participants[role].map((o) => (
              <li key={o.id}>
                <Link to={`/organizaciones/${o.slug}`}>{o.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Rubric({ call }: { call: Call }) {
  const { t } = useTranslation();
  if (call.criteria.length === 0) return null;
  return (
    <section aria-labelledby="rubric-title">
      <h2 id="rubric-title">{t("callPage.rubric")}</h2>
      <CriteriaTable criteria={call.criteria} labelledBy="rubric-title" />
    </section>
  );
}

interface SubmitFormProps {
  call: Call;
  ideas: PageData["ideas"];
  organizations: PageData["memberOf"];
  constraint: FormConstraint;
  result: FormFailure | undefined;
}

/** Submit one of my published ideas, answering the call's questions. */
function SubmitForm({ call, ideas, organizations, constraint, result }: SubmitFormProps) {
  const { t } = useTranslation();
  const busy = useNavigation().formData?.get("intent") === "submit";
  const failure = intentFailure(result, "submit");
  const { field, formProps, summary } = useSchemaForm({ id: "submit-form", constraint, result: failure ? result : undefined });
  const idea = fieldProps(field("ideaId"));
  const organization = fieldProps(field("organizationId"));
  const labels: Record<string, string> = {
    ideaId: t("callPage.submit.idea"),
    organizationId: t("callPage.submit.organization"),
    ...Object.fromEntries(call.questions.map((q) => [`answers.${q.id}`, q.prompt])),
  };
  return (
    <section className="panel" aria-labelledby="submit-title">
      <h2 id="submit-title">{t("callPage.submit.title")}</h2>
      <p>{t("callPage.submit.lead")}</p>
      {ideas.length === 0 ? <p className="notice">{t("callPage.submit.noIdeas")}</p> : null}
      <p>
        <Link to="/ideas/nueva" aria-describedby="new-idea-hint">
          {t("callPage.submit.newIdea")}
        </Link>
      </p>
      <p className="hint" id="new-idea-hint">
        {t("callPage.submit.newIdeaHint")}
      </p>
      {ideas.length > 0 ? (
        <>
          <ErrorSummary title={t("form.errorSummary")} {...summary} labels={labels} />
          <Form method="post" className="stack" {...formProps}>
            <input type="hidden" name="intent" value="submit" />
            <Field {...idea} required label={t("callPage.submit.idea")}>
              {(p) => (
                <select {...p} defaultValue={idea.defaultValue ?? ""}>
                  <option value="" disabled>
                    {t("callPage.submit.ideaPlaceholder")}
                  </option>
                  {ideas.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {organizations.length > 0 || call.requiresOrganization ? (
              <Field {...organization} required={call.requiresOrganization} label={t("callPage.submit.organization")}>
                {(p) => (
                  <RecordSelect
                    control={p}
                    records={organizations}
                    noneLabel={call.requiresOrganization ? undefined : t("callPage.submit.ownName")}
                    defaultValue={organization.defaultValue ?? ""}
                  />
                )}
              </Field>
            ) : null}
            {call.questions.length > 0 ? (
              <fieldset className="field">
                <legend>{t("callPage.submit.answers")}</legend>
                {call.questions.map((q) => {
                  const answer = fieldProps(field(`answers.${q.id}`));
                  return (
                    <Field key={q.id} {...answer} constraints={{ maxLength: 3000 }} required={q.required} label={q.prompt}>
                      {(p) => <textarea {...p} rows={4} />}
                    </Field>
                  );
                })}
              </fieldset>
            ) : null}
            <div className="actions">
              <button type="submit" disabled={busy}>
                {busy ? t("callPage.submit.sending") : t("callPage.submit.button")}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}

function MySubmissions({ submissions, result }: { submissions: PageData["submissions"]; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  if (submissions.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="my-submissions-title">
      <h2 id="my-submissions-title">{t("callPage.mine.title")}</h2>
      <ul className="rows">
        {submissions.map((s) => {
          const failure = intentFailure(result, "withdraw", { submissionId: s.id });
          return (
            <li key={s.id}>
              <h3>
                <Link to={`/ideas/${s.ideaId}`}>{s.ideaTitle}</Link>
              </h3>
              <p className="tags">
                <span className={s.status === "WITHDRAWN" ? "tag status attention" : "tag status"}>{t(`callPage.mine.status.${s.status}`)}</span>
                {s.isWinner ? <span className="tag verified">{t("callPage.mine.winner")}</span> : null}
              </p>
              <p className="meta">
                {t("callPage.mine.submittedAt", { date: formatCallDate(s.submittedAt, i18n) })}
                {s.organizationName ? ` · ${t("callPage.mine.onBehalf", { name: s.organizationName })}` : null}
              </p>
              {s.answers.length > 0 ? (
                <dl className="facts">
                  {s.answers.map((a) => (
                    <div key={a.questionId} style={{ display: "contents" }}>
                      <dt>{a.prompt}</dt>
                      <dd>{a.answer}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              {failure?.general ? (
                <p className="error" role="alert">
                  {failure.general}
                </p>
              ) : null}
              {s.canWithdraw ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="submissionId" value={s.id} />
                  <button type="submit" className="secondary">
                    {t("callPage.mine.withdraw")}
                    <span className="visually-hidden"> «{s.ideaTitle}»</span>
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ParticipateForm({ call, organizations, constraint, result }: { call: Call; organizations: PageData["ownerOf"]; constraint: FormConstraint; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "participate");
  const { field, formProps, summary } = useSchemaForm({ id: "participate-form", constraint, result: failure ? result : undefined });
  const organization = fieldProps(field("organizationId"));
  const role = fieldProps(field("role"));
  const message = fieldProps(field("message"));
  const mine = call.viewer.participations;
  return (
    <section className="panel" aria-labelledby="participate-title">
      <h2 id="participate-title">{t("callPage.participate.title")}</h2>
      <p>{t("callPage.participate.lead")}</p>
      {mine.length > 0 ? (
        <>
          <h3>{t("callPage.participate.mine")}</h3>
          <ul>
            {mine.map((p) => (
              <li key={p.id}>
                {t("callPage.participate.row", {
                  organization: p.organizationName,
                  role: t(`callRole.${p.role}`),
                  status: t(`callPage.participate.status.${p.status}`),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ErrorSummary
        title={t("form.errorSummary")}
        {...summary}
        labels={{
          organizationId: t("callPage.participate.organization"),
          role: t("callPage.participate.role"),
          message: t("callPage.participate.message"),
        }}
      />
      <Form method="post" className="stack" {...formProps}>
        <input type="hidden" name="intent" value="participate" />
        <Field {...organization} id="field-participate-organizationId" label={t("callPage.participate.organization")}>
          {(p) => (
            <select {...p} defaultValue={organization.defaultValue ?? organizations[0]?.id}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ChoiceField
          name="role"
          legend={t("callPage.participate.role")}
          error={role.error}
          required
          defaultValue={role.defaultValue}
          options={(["ALLY", "MENTOR", "JURY"] as const).map((r) => ({ value: r, label: t(`callRole.${r}`) }))}
        />
        <Field {...message} label={t("callPage.participate.message")} hint={t("callPage.participate.messageHint")}>
          {(p) => <textarea {...p} rows={3} />}
        </Field>
        <div className="actions">
          <button type="submit">{t("callPage.participate.button")}</button>
        </div>
      </Form>
    </section>
  );
}

export default function CallPage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { call, signedIn, eligible, ideas, memberOf, ownerOf, submissions, results, myScores, constraint, alliances, seeksPartners } = data;
  const isProposal = call.status === "PROPOSED" || call.status === "CHANGES_REQUESTED" || call.status === "REJECTED";
  const open = call.phase === "OPEN";
  const canParticipate = ownerOf.length > 0 && call.status === "APPROVED" && call.phase !== "EVALUATION";
  return (
    <article className="page narrow" aria-labelledby="call-title">
      <p>
        <Link to="/convocatorias">← {t("callPage.back")}</Link>
      </p>
      <DoneNotice prefix="callPage.notice." param="aviso" words={NOTICES} />
      <p className="tags">
        <CallPhaseBadge phase={call.phase} />
        {call.sectors.map((s) => (
          <span key={s} className="tag">
            {t(`sector.${s}` as never)}
          </span>
        ))}
      </p>
      <h1 id="call-title">{call.title}</h1>
      <p className="lead">{call.summary}</p>
      {isProposal ? (
        <div className={call.status === "PROPOSED" ? "panel" : "decision"}>
          <p>{t("callPage.status", { status: t(`callPhase.${call.status}`) })}</p>
          {call.statusReason ? <p className="prose">{t("callPage.statusReason", { reason: call.statusReason })}</p> : null}
          {call.viewer.canEdit && !call.viewer.canAdminister ? (
            <p>
              <Link className="button secondary" to={`/convocatorias/${call.slug}/editar`}>
                {t("callList.edit")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {call.status === "CANCELLED" ? (
        <div className="decision">
          <p>{t("callPage.cancelled")}</p>
          {call.statusReason ? <p className="prose">{t("callPage.statusReason", { reason: call.statusReason })}</p> : null}
        </div>
      ) : null}
      {call.viewer.canAdminister ? (
        <nav className="panel" aria-labelledby="admin-title">
          <h2 id="admin-title">{t("callPage.admin")}</h2>
          <p className="actions">
            <Link className="button secondary" to={`/convocatorias/${call.slug}/editar`}>
              {t("callPage.admin.edit")}
            </Link>
            <Link className="button secondary" to={`/convocatorias/${call.slug}/participantes`}>
              {t("callPage.admin.participants")}
            </Link>
            <Link className="button secondary" to={`/convocatorias/${call.slug}/evaluacion`}>
              {t("callPage.admin.evaluation")}
            </Link>
          </p>
        </nav>
      ) : null}
      <dl className="facts">
        {call.prizeAmountCop !== null ? (
          <>
            <dt>{t("callPage.prizes")}</dt>
            <dd>{t("callPage.prizeAmount", { amount: formatCop(call.prizeAmountCop, i18n.language as Locale) })}</dd>
          </>
        ) : null}
        <dt>{t("callPage.sponsors")}</dt>
        <dd>
          {call.sponsors.map((o, index) => (
            <span key={o.id}>
              {index > 0 ? ", " : null}
              <Link to={`/organizaciones/${o.slug}`}>{o.name}</Link>
            </span>
          ))}
          {call.sponsors.length === 0 ? "—" : null}
        </dd>
        {call.termsFile ? (
          <>
            <dt>{t("callPage.terms")}</dt>
            <dd>
              <a href={`/archivos/${call.termsFile.id}`}>{call.termsFile.name}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <Timeline call={call} />
      {results ? <CallResults results={results} /> : null}
      {myScores.map((scores) => (
        <MyCallScores key={scores.submissionId} scores={scores} />
      ))}
      <section aria-labelledby="problem-title">
        <h2 id="problem-title">{t("callPage.problem")}</h2>
        <p className="prose">{call.problem}</p>
      </section>
      <section aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t("callPage.objectives")}</h2>
        <p className="prose">{call.objectives}</p>
      </section>
      <section aria-labelledby="results-expected-title">
        <h2 id="results-expected-title">{t("callPage.expectedResults")}</h2>
        <p className="prose">{call.expectedResults}</p>
      </section>
      <section aria-labelledby="prizes-title">
        <h2 id="prizes-title">{t("callPage.prizes")}</h2>
        <p className="prose">{call.prizeText}</p>
      </section>
      <Eligibility call={call} />
      <Rubric call={call} />
      <Participants call={call} />
      <SubjectAlliances kind="call" alliances={alliances} findPartners={seeksPartners ? `/convocatorias/${call.slug}/aliados` : undefined} />
      <MySubmissions submissions={submissions} result={result} />
      {open && eligible ? (
        <SubmitForm call={call} ideas={ideas} organizations={memberOf} constraint={constraint.submit} result={result} />
      ) : null}
      {open && !signedIn ? (
        <p className="report-box">
          <Link to={`/ingresar?redirectTo=${encodeURIComponent(`/convocatorias/${call.slug}`)}`}>{t("callPage.submit.signIn")}</Link>
        </p>
      ) : null}
      {open && signedIn && !eligible && !call.viewer.canAdminister ? <p className="notice">{t("callPage.submit.notEligible")}</p> : null}
      {canParticipate ? <ParticipateForm call={call} organizations={ownerOf} constraint={constraint.participate} result={result} /> : null}
    </article>
  );
}
