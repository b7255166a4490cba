import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";

/**
 * Where the organization stands with the Secretariat: unverified (with the button to ask), waiting,
 * verified, or rejected with the Secretariat's reason (and the button to ask again once fixed).
 */
export function OrganizationVerification(props: { verification: string; reason: string | null; result: FormFailure | undefined }) {
  const { verification, reason, result } = props;
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const failure = intentFailure(result, "requestVerification");
  const mayRequest = verification === "UNVERIFIED" || verification === "REJECTED";
  return (
    <section className="panel" aria-labelledby="org-verification-title">
      <h2 id="org-verification-title">{t("orgAdmin.verification.title")}</h2>
      <p>
        <span className="tag status">{t(`orgAdmin.verification.${verification}` as never)}</span>
      </p>
      <p>{t(`orgAdmin.verification.explain.${verification}` as never)}</p>
      {verification === "REJECTED" && reason ? (
        <div className="notice">
          <p>
            <strong>{t("orgAdmin.verification.reason")}</strong>
          </p>
          <p className="prose">{reason}</p>
        </div>
      ) : null}
      {failure?.general ? (
        <p className="error" role="alert">
          {failure.general}
        </p>
      ) : null}
      {mayRequest ? (
        <Form method="post">
          <button type="submit" name="intent" value="requestVerification" disabled={busy}>
            {t("orgAdmin.verification.request")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
