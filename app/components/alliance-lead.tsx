import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CheckboxGroup, ErrorSummary, Field } from "~/components/form";
import { fieldIds, limits, sentValue } from "~/lib/alliance-format";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { intentFailure, type IntentFailure } from "~/lib/intent-failure";

export interface InvitableOrganization {
  id: string;
  name: string;
  sector: string;
}

/** Whom to invite: organizations (each with the sector it stands for) and entrepreneurs by email, one per line. */
export function InviteFields({
  organizations,
  errors,
  values,
  emailsId = "field-emails",
}: {
  organizations: InvitableOrganization[];
  errors: Record<string, string>;
  values: Record<string, unknown>;
  emailsId?: string;
}) {
  const { t } = useTranslation();
  const chosen = values.organizationIds;
  const emails = values.emails;
  return (
    <>
      {organizations.length > 0 ? (
        <CheckboxGroup
          name="organizationIds"
          legend={t("alliances.orgs")}
          error={errors.organizationIds}
          options={organizations.map((o) => ({ value: o.id, label: `${o.name} (${t(`allianceSector.${o.sector}`)})` }))}
          checked={Array.isArray(chosen) ? chosen.filter((v): v is string => typeof v === "string") : typeof chosen === "string" ? [chosen] : []}
        />
      ) : null}
      <Field
        name="emails"
        id={emailsId}
        label={t("alliances.emails")}
        hint={t("alliances.emailsHint")}
        error={errors.emails}
        constraints={{ maxLength: 2600 }}
        defaultValue={typeof emails === "string" ? emails : undefined}
      >
        {(control) => <textarea {...control} rows={3} autoComplete="off" spellCheck={false} />}
      </Field>
    </>
  );
}

function InviteMore({ organizations, failure }: { organizations: InvitableOrganization[]; failure: IntentFailure | null }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("alliances.invite")}</h2>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="invite" />
        {failure ? (
          <ErrorSummary title={t("form.errorSummary")} message={failure.general} fieldErrors={failure.errors} labels={{ organizationIds: t("alliances.orgs"), emails: t("alliances.emails") }} />
        ) : null}
        <InviteFields organizations={organizations} errors={failure?.errors ?? {}} values={failure?.values ?? {}} emailsId={fieldIds(failure, "invite")("emails")} />
        <button type="submit">{t("alliances.invite")}</button>
      </Form>
    </section>
  );
}

/** Closing: completed with an optional note, or withdrawn with a reason the parties and the public read. */
function Close({ intent, title, label, required, failure, constraint }: { intent: "complete" | "withdraw"; title: string; label: string; required: boolean; failure: IntentFailure | null; constraint: FormConstraint }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={`${intent}-title`}>
      <h2 id={`${intent}-title`}>{title}</h2>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value={intent} />
        {failure ? <ErrorSummary title={t("form.errorSummary")} message={failure.general} fieldErrors={failure.errors} labels={{ reason: label }} /> : null}
        <Field
          name="reason"
          id={fieldIds(failure, intent)("reason")}
          label={label}
          error={failure?.errors.reason}
          required={required}
          constraints={limits(constraint.reason)}
          defaultValue={sentValue(failure, "reason")}
        >
          {(control) => <textarea {...control} rows={3} />}
        </Field>
        <button type="submit" className={intent === "withdraw" ? "secondary" : undefined}>
          {title}
        </button>
      </Form>
    </section>
  );
}

/** What whoever leads the alliance (its proposer, the Secretariat) may do while it is open. */
export function LeadActions({
  status,
  organizations,
  result,
  constraint,
}: {
  status: string;
  organizations: InvitableOrganization[];
  result: FormFailure | undefined;
  constraint: FormConstraint;
}) {
  const { t } = useTranslation();
  return (
    <>
      <InviteMore organizations={organizations} failure={intentFailure(result, "invite")} />
      {status === "ACTIVE" ? (
        <Close
          intent="complete"
          title={t("alliances.complete")}
          label={t("callResults.col.note")}
          required={false}
          failure={intentFailure(result, "complete")}
          constraint={{ reason: { maxLength: 2000 } }}
        />
      ) : null}
      <Close intent="withdraw" title={t("alliances.withdraw")} label={t("ideaHistory.reason")} required failure={intentFailure(result, "withdraw")} constraint={constraint} />
    </>
  );
}
