import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { ErrorSummary, Field } from "./form";

/**
 * "Ask to join" on an organization's page, for signed-in people who are not members: an optional
 * message and the button, posting to the page's own action (works without JavaScript). A refusal
 * (a request already pending) comes back as the action's answer and shows above the form.
 */
export function OrganizationJoin({ constraint }: { constraint: FormConstraint }) {
  const { t } = useTranslation();
  const result = useActionData<FormFailure>();
  const busy = useNavigation().state === "submitting";
  const values = (result?.values ?? {}) as Record<string, unknown>;
  const messageError = result?.fieldErrors.message;
  return (
    <section className="panel" aria-labelledby="join-title" id="unirme">
      <h2 id="join-title">{t("orgPage.join.title")}</h2>
      {result ? (
        // Only the form's own field gets a link; any other refusal is said in one sentence.
        <ErrorSummary
          title={t("form.errorSummary")}
          message={result.message}
          fieldErrors={messageError ? { message: messageError } : {}}
          labels={{ message: t("orgPage.join.message") }}
        />
      ) : null}
      <p>{t("orgPage.join.lead")}</p>
      <Form method="post" className="stack" noValidate>
        <Field
          name="message"
          label={t("orgPage.join.message")}
          hint={t("orgPage.join.messageHint")}
          error={messageError}
          constraints={{ maxLength: constraint.message?.maxLength }}
          defaultValue={typeof values.message === "string" ? values.message : undefined}
        >
          {(control) => <textarea {...control} rows={3} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t("orgPage.join.submit")}
        </button>
      </Form>
    </section>
  );
}
