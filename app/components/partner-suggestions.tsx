import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import { VerifiedBadge } from "~/components/verified-badge";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import type { PartnerSuggestion } from "../../server/match/service";

/** The value of the "Una alianza nueva" radio (app/lib/partner-suggestions.server.ts reads it). */
const NEW_ALLIANCE = "nueva";

type Serialized<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

export interface PartnerSuggestionsProps {
  subject: { kind: "idea" | "call"; title: string; back: string };
  suggestions: readonly PartnerSuggestion[];
  /** Open alliances of the subject the viewer leads: they can take the invitations too. */
  alliances: readonly Serialized<{ id: string; title: string; status: string }>[];
  constraint: FormConstraint;
  result: FormFailure | undefined;
}

/**
 * The ranked organizations with their reasons, each with an "Invitar a …" checkbox, and one step
 * that says to which alliance: a new one (with its title, purpose and expected outcome) or one the
 * viewer leads. Everything is one form, so it works without JavaScript and keeps what was typed.
 */
export function PartnerSuggestions({ subject, suggestions, alliances, constraint, result }: PartnerSuggestionsProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { field, formProps, summary } = useSchemaForm({ id: "partners-form", constraint, result });
  const values = (result?.values ?? {}) as { organizationIds?: unknown; target?: unknown };
  const checked = Array.isArray(values.organizationIds) ? values.organizationIds : typeof values.organizationIds === "string" ? [values.organizationIds] : [];
  const target = typeof values.target === "string" ? values.target : NEW_ALLIANCE;
  const title = fieldProps(field("title"));
  const purpose = fieldProps(field("purpose"));
  const outcome = fieldProps(field("expectedOutcome"));
  const invitesError = summary.fieldErrors.organizationIds;
  const firstInvitable = suggestions.find((s) => s.alreadyIn.length === 0)?.organization.id;
  const labels = {
    organizationIds: t("matches.organizationIds"),
    title: t("matches.field.title"),
    purpose: t("matches.field.purpose"),
    expectedOutcome: t("matches.field.expectedOutcome"),
  };
  return (
    <article className="page narrow" aria-labelledby="partners-title">
      <p>
        <Link to={subject.back}>← {t(subject.kind === "idea" ? "matches.backToIdea" : "matches.backToCall")}</Link>
      </p>
      <h1 id="partners-title">{t("matches.title")}</h1>
      <p className="lead">{t(subject.kind === "idea" ? "matches.leadIdea" : "matches.leadCall", { subject: subject.title })}</p>
      {suggestions.length === 0 ? (
        <p className="notice">{t("matches.empty")}</p>
      ) : (
        <Form method="post" className="stack" {...formProps}>
          <ErrorSummary title={t("form.errorSummary")} {...summary} labels={labels} />
          <fieldset className={invitesError ? "field has-error" : "field"} aria-describedby={invitesError ? "field-organizationIds-error" : undefined}>
            <legend>{t("matches.organizationIds")}</legend>
            {invitesError ? (
              <p className="error" id="field-organizationIds-error">
                {invitesError}
              </p>
            ) : null}
            <ol className="queue">
              {suggestions.map((suggestion, index) => (
                <SuggestionItem
                  key={suggestion.organization.id}
                  suggestion={suggestion}
                  rank={index + 1}
                  checked={checked.includes(suggestion.organization.id)}
                  controlId={suggestion.organization.id === firstInvitable ? "field-organizationIds" : undefined}
                />
              ))}
            </ol>
          </fieldset>
          <fieldset className="field">
            <legend>{t("matches.target")}</legend>
            <label className="choice">
              <input type="radio" name="target" value={NEW_ALLIANCE} defaultChecked={target === NEW_ALLIANCE} /> {t("matches.target.new")}
            </label>
            <div className="stack">
              <p className="hint">{t("matches.target.newHint")}</p>
              <Field
                {...title}
                required={false}
                label={labels.title}
                defaultValue={title.defaultValue ?? t("matches.field.titleDefault", { subject: subject.title }).slice(0, 160)}
              >
                {(p) => <input {...p} type="text" />}
              </Field>
              <Field {...purpose} required={false} label={labels.purpose} hint={t("matches.field.purposeHint")}>
                {(p) => <textarea {...p} rows={4} />}
              </Field>
              <Field {...outcome} required={false} label={labels.expectedOutcome} hint={t("matches.field.expectedOutcomeHint")}>
                {(p) => <textarea {...p} rows={3} />}
              </Field>
            </div>
            {alliances.map((alliance) => (
              <label key={alliance.id} className="choice">
                <input type="radio" name="target" value={alliance.id} defaultChecked={target === alliance.id} />{" "}
                {t("matches.target.existing", { title: alliance.title, status: t(`allianceStatus.${alliance.status}` as never) })}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t("matches.sending") : t("matches.submit")}
            </button>
          </div>
        </Form>
      )}
    </article>
  );
}

function SuggestionItem({ suggestion, rank, checked, controlId }: { suggestion: PartnerSuggestion; rank: number; checked: boolean; controlId?: string }) {
  const { t } = useTranslation();
  const { organization, reasons, alreadyIn } = suggestion;
  const headingId = `suggestion-${organization.id}`;
  const alreadyId = `suggestion-${organization.id}-already`;
  return (
    <li className="card">
      <h2 id={headingId} className="card-title">
        <span className="visually-hidden">{t("matches.rank", { rank })}: </span>
        <Link to={`/organizaciones/${organization.slug}`}>{organization.name}</Link>
      </h2>
      <p className="tags">
        <span className="tag">{t(`orgKind.${organization.kind}` as never)}</span>
        {organization.verification === "VERIFIED" ? <> <VerifiedBadge /></> : null}
      </p>
      {reasons.length > 0 ? (
        <>
          <p className="meta" id={`${headingId}-reasons`}>
            {t("matches.reasons")}
          </p>
          <ul aria-labelledby={`${headingId}-reasons`}>
            {reasons.map((reason) => (
              <li key={reason.kind + reason.text}>{reason.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <label className="choice">
        <input
          type="checkbox"
          name="organizationIds"
          value={organization.id}
          id={controlId}
          defaultChecked={checked}
          disabled={alreadyIn.length > 0}
          aria-describedby={alreadyIn.length > 0 ? alreadyId : undefined}
        />{" "}
        {t("matches.invite", { name: organization.name })}
      </label>
      {alreadyIn.length > 0 ? (
        <p className="hint" id={alreadyId}>
          {alreadyIn.map((a) => t("matches.alreadyIn", { title: a.title })).join(" · ")}
        </p>
      ) : null}
    </li>
  );
}
