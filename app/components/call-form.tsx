import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { CheckboxGroup, ErrorSummary, Field, RecordSelect } from "~/components/form";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { OrganizationKind, Sector } from "../../server/db/generated/enums";

const SECTORS = Object.values(Sector);
const KINDS = Object.values(OrganizationKind);
/** Roles that may be named as eligible (the Secretariat runs calls and never competes). */
const ROLES = ["ENTREPRENEUR", "ACADEMIA", "COMPANY"] as const;
/** Question rows shown (app/lib/call-form.server.ts FORM_QUESTIONS). */
const QUESTION_ROWS = 8;

const TEXTS = [
  { name: "title", rows: 0, hint: false, label: "callForm.title" },
  { name: "summary", rows: 3, hint: true, label: "callForm.summary" },
  { name: "problem", rows: 6, hint: false, label: "callForm.problem" },
  { name: "objectives", rows: 4, hint: false, label: "callPage.objectives" },
  { name: "expectedResults", rows: 4, hint: false, label: "callPage.expectedResults" },
] as const;
const DATES = ["opensAt", "closesAt", "evaluationEndsAt", "resultsAt"] as const;

/** The call as saved (editor page), as the form shows it. */
export interface CallFormSaved {
  title: string;
  summary: string;
  problem: string;
  objectives: string;
  expectedResults: string;
  sectors: string[];
  prizeText: string;
  prizeAmountCop: string;
  eligibleRoles: string[];
  eligibleOrgKinds: string[];
  requiresOrganization: boolean;
  maxSubmissionsPerParticipant: string;
  sponsorOrganizationIds: string[];
  questions: { prompt: string; required: boolean }[];
  opensAt: string;
  closesAt: string;
  evaluationEndsAt: string;
  resultsAt: string;
}

export interface CallFormProps {
  id: string;
  constraint: FormConstraint;
  /** The last failed submission of this form (other forms' answers are left out by the page). */
  result: FormFailure | undefined;
  saved?: CallFormSaved;
  /** Proposals: the owner's verified organizations, one of which proposes the call. */
  organizations?: readonly { id: string; name: string }[];
  /** The Secretariat: organizations it may name as sponsors. */
  sponsors?: readonly { id: string; name: string }[];
  /** Sent with the form (`save` on the editor page). */
  intent?: string;
  submitLabel: string;
  /** Shown above the buttons (the terms document kept, on the editor page). */
  note?: ReactNode;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);

/**
 * The call form of /convocatorias/nueva and /convocatorias/:slug/editar, a plain post that works
 * without JavaScript. Dates are `datetime-local` inputs in Bogotá's time; the server reads them so.
 */
export function CallForm({ id, constraint, result, saved, organizations = [], sponsors = [], intent, submitLabel, note }: CallFormProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { field, errors, formProps, summary } = useSchemaForm({ id, constraint, result });
  // After a refusal the form shows what was sent (an unchecked box included), else what is saved.
  const sent = result ? ((result.values ?? {}) as Record<string, unknown>) : null;
  const text = (name: string, savedValue: string | undefined) => {
    const props = fieldProps(field(name));
    return { ...props, defaultValue: sent ? props.defaultValue : savedValue };
  };
  const list = (name: keyof CallFormSaved) => (sent ? asList(sent[name]) : ((saved?.[name] as string[] | undefined) ?? []));
  const sentQuestions = sent && Array.isArray(sent.questions) ? (sent.questions as { prompt?: string; required?: string }[]) : null;
  const labels: Record<string, string> = {
    ...Object.fromEntries(TEXTS.map(({ name, label }) => [name, t(label)])),
    ...Object.fromEntries(DATES.map((name) => [name, t(`callPage.timeline.${name}`)])),
    ...Object.fromEntries(Array.from({ length: QUESTION_ROWS }, (_, i) => [`questions[${i}].prompt`, t("callForm.question", { number: i + 1 })])),
    organizationId: t("callForm.organization"),
    sectors: t("callForm.sectors"),
    sponsorOrganizationIds: t("callPage.sponsors"),
    prizeText: t("callForm.prizeText"),
    prizeAmountCop: t("callForm.prizeAmountCop"),
    eligibleRoles: t("callForm.eligibleRoles"),
    eligibleOrgKinds: t("callForm.eligibleOrgKinds"),
    maxSubmissionsPerParticipant: t("callForm.maxSubmissions"),
    termsFileId: t("callEdit.terms.title"),
  };
  const organization = text("organizationId", undefined);
  const requiresOrganization = sent ? sent.requiresOrganization === "on" || sent.requiresOrganization === true : (saved?.requiresOrganization ?? false);
  return (
    <>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={labels} />
      <Form method="post" className="stack" {...formProps}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {organizations.length > 0 ? (
          <Field {...organization} required label={t("callForm.organization")} hint={t("callForm.organizationHint")}>
            {(p) => <RecordSelect control={p} records={organizations} defaultValue={organization.defaultValue} />}
          </Field>
        ) : null}
        <fieldset className="stack">
          <legend>{t("callForm.text")}</legend>
          {TEXTS.map(({ name, rows, hint, label }) => (
            <Field key={name} {...text(name, saved?.[name])} label={t(label)} hint={hint ? t("callForm.summaryHint") : undefined}>
              {(p) => (rows ? <textarea {...p} rows={rows} /> : <input {...p} type="text" />)}
            </Field>
          ))}
        </fieldset>
        <CheckboxGroup
          name="sectors"
          legend={t("callForm.sectors")}
          hint={t("callForm.sectorsHint")}
          error={errors.sectors}
          required
          options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}` as never) }))}
          checked={list("sectors")}
        />
        {sponsors.length > 0 ? (
          <CheckboxGroup
            name="sponsorOrganizationIds"
            legend={t("callPage.sponsors")}
            error={errors.sponsorOrganizationIds}
            options={sponsors.map((o) => ({ value: o.id, label: o.name }))}
            checked={list("sponsorOrganizationIds")}
          />
        ) : null}
        <fieldset className="stack">
          <legend>{t("callPage.prizes")}</legend>
          <Field {...text("prizeText", saved?.prizeText)} label={t("callForm.prizeText")}>
            {(p) => <textarea {...p} rows={3} />}
          </Field>
          <Field {...text("prizeAmountCop", saved?.prizeAmountCop)} label={t("callForm.prizeAmountCop")}>
            {(p) => <input {...p} min={undefined} max={undefined} type="text" inputMode="numeric" autoComplete="off" />}
          </Field>
        </fieldset>
        <fieldset className="stack">
          <legend>{t("callPage.eligibility")}</legend>
          <CheckboxGroup
            name="eligibleRoles"
            legend={t("callForm.eligibleRoles")}
            hint={t("callForm.eligibleRolesHint")}
            error={errors.eligibleRoles}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            checked={list("eligibleRoles")}
          />
          <CheckboxGroup
            name="eligibleOrgKinds"
            legend={t("callForm.eligibleOrgKinds")}
            hint={t("callForm.eligibleRolesHint")}
            error={errors.eligibleOrgKinds}
            options={KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}` as never) }))}
            checked={list("eligibleOrgKinds")}
          />
          <label className="choice">
            <input type="checkbox" name="requiresOrganization" value="on" defaultChecked={requiresOrganization} /> {t("callForm.requiresOrganization")}
          </label>
          <Field {...text("maxSubmissionsPerParticipant", saved?.maxSubmissionsPerParticipant ?? "1")} label={t("callForm.maxSubmissions")}>
            {(p) => <input {...p} type="number" inputMode="numeric" />}
          </Field>
        </fieldset>
        <fieldset className="stack">
          <legend>{t("callForm.questions")}</legend>
          <p className="hint">{t("callForm.questionsHint", { count: QUESTION_ROWS })}</p>
          {Array.from({ length: QUESTION_ROWS }, (_, i) => {
            const savedRow = saved?.questions[i];
            const sentRow = sentQuestions?.[i];
            const prompt = text(`questions[${i}].prompt`, savedRow?.prompt);
            const required = sent ? sentRow?.required === "on" || (sentRow?.required as unknown) === true : (savedRow?.required ?? true);
            return (
              <div key={i} className="question-row">
                <Field {...prompt} required={false} label={t("callForm.question", { number: i + 1 })}>
                  {(p) => <input {...p} type="text" />}
                </Field>
                <label className="choice">
                  <input type="checkbox" name={`questions[${i}].required`} value="on" defaultChecked={required} />{" "}
                  {t("callForm.questionRequired", { number: i + 1 })}
                </label>
              </div>
            );
          })}
        </fieldset>
        <fieldset className="stack">
          <legend>{t("callForm.timeline")}</legend>
          <p className="hint">{t("callForm.timelineHint")}</p>
          {DATES.map((name) => (
            <Field key={name} {...text(name, saved?.[name])} required label={t(`callPage.timeline.${name}`)}>
              {(p) => <input {...p} type="datetime-local" />}
            </Field>
          ))}
        </fieldset>
        {note}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t("callForm.saving") : submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
