import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate, type Locale } from "~/i18n";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";

export interface CallInvitationRow {
  id: string;
  role: string;
  message: string | null;
  createdAt: string;
  call: { slug: string; title: string };
}

/** The Secretariat's invitations to take part in calls: an owner accepts or declines each. */
export function OrganizationCallInvitations({ invitations, result }: { invitations: readonly CallInvitationRow[]; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const busy = useNavigation().state === "submitting";
  return (
    <section className="panel" aria-labelledby="org-call-invitations-title">
      <h2 id="org-call-invitations-title">{t("orgAdmin.callInvitations.title")}</h2>
      {invitations.length === 0 ? (
        <p>{t("orgAdmin.callInvitations.empty")}</p>
      ) : (
        <ul className="rows">
          {invitations.map((invitation) => {
            const failure = intentFailure(result, "answerCall", { participationId: invitation.id });
            const which = t("orgAdmin.callInvitations.invitationTo", { title: invitation.call.title });
            return (
              <li key={invitation.id}>
                <p>
                  <Link to={`/convocatorias/${invitation.call.slug}`}>{invitation.call.title}</Link>{" "}
                  <span className="tag">
                    {t("orgAdmin.callInvitations.as", { role: t(`callParticipants.role.${invitation.role}` as never) })}
                  </span>
                  <br />
                  <span className="meta">{t("orgAdmin.callInvitations.invitedOn", { date: formatDate(invitation.createdAt, locale) })}</span>
                </p>
                {invitation.message ? <p className="prose">{invitation.message}</p> : null}
                {failure?.general ? (
                  <p className="error" role="alert">
                    {failure.general}
                  </p>
                ) : null}
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="answerCall" />
                  <input type="hidden" name="participationId" value={invitation.id} />
                  <button type="submit" name="answer" value="accept" className="small" disabled={busy}>
                    {t("orgAdmin.callInvitations.accept")}
                    <span className="visually-hidden"> {which}</span>
                  </button>
                  <button type="submit" name="answer" value="decline" className="secondary small" disabled={busy}>
                    {t("orgAdmin.callInvitations.decline")}
                    <span className="visually-hidden"> {which}</span>
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
