import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/form";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { intentFailure, type IntentFailure } from "~/lib/intent-failure";
import { MembershipRole } from "../../server/db/generated/enums";

const ROLES = Object.values(MembershipRole);

export interface MemberRow {
  userId: string;
  name: string;
  role: string;
  listed: boolean;
}

function General({ failure }: { failure: IntentFailure | null }) {
  return failure?.general ? (
    <p className="error" role="alert">
      {failure.general}
    </p>
  ) : null;
}

/**
 * The members with their role (owners change it or remove people; the organization always
 * keeps an owner, which the procedures enforce), and the invitation by email.
 */
export function OrganizationMembers(props: { members: readonly MemberRow[]; viewerId: string; constraint: FormConstraint; result: FormFailure | undefined }) {
  const { members, viewerId, constraint, result } = props;
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const invited = intentFailure(result, "invite");
  return (
    <section className="panel" aria-labelledby="org-members-title">
      <h2 id="org-members-title">{t("orgAdmin.members.title")}</h2>
      <ul className="rows">
        {members.map((member) => {
          const roleFailure = intentFailure(result, "setRole", { userId: member.userId });
          const removeFailure = intentFailure(result, "removeMember", { userId: member.userId });
          const selectId = `member-role-${member.userId}`;
          return (
            <li key={member.userId}>
              <p>
                <strong>{member.name}</strong>
                {member.userId === viewerId ? ` (${t("orgAdmin.members.you")})` : null} · {t(`org.role.${member.role}` as never)}
                {member.listed ? null : <span className="meta"> · {t("orgAdmin.members.unlisted")}</span>}
              </p>
              <General failure={roleFailure ?? removeFailure} />
              <div className="actions">
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="setRole" />
                  <input type="hidden" name="userId" value={member.userId} />
                  <label htmlFor={selectId} className="visually-hidden">
                    {t("orgAdmin.members.roleOf", { name: member.name })}
                  </label>
                  <select id={selectId} name="role" defaultValue={member.role}>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`org.role.${role}` as never)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="secondary small" disabled={busy}>
                    {t("orgAdmin.members.changeRole")}
                    <span className="visually-hidden"> {t("orgAdmin.members.of", { name: member.name })}</span>
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="userId" value={member.userId} />
                  <button type="submit" name="intent" value="removeMember" className="secondary small" disabled={busy}>
                    {t("orgAdmin.members.remove")}
                    <span className="visually-hidden"> {member.name}</span>
                  </button>
                </Form>
              </div>
            </li>
          );
        })}
      </ul>
      <h3 id="org-invite-title">{t("orgAdmin.invite.title")}</h3>
      <Form method="post" className="stack" noValidate aria-labelledby="org-invite-title">
        <input type="hidden" name="intent" value="invite" />
        <General failure={invited} />
        <Field
          name="email"
          id="field-invite-email"
          label={t("orgAdmin.invite.email")}
          hint={t("orgAdmin.invite.hint")}
          error={invited?.errors.email}
          required
          constraints={{ maxLength: constraint.email?.maxLength }}
          defaultValue={typeof invited?.values.email === "string" ? invited.values.email : undefined}
        >
          {(p) => <input {...p} type="email" autoComplete="off" />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("orgAdmin.invite.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export interface JoinRequestRow {
  id: string;
  email: string;
  message: string | null;
  createdBy: { name: string };
}

/** People who asked to join: an owner accepts or declines each. */
export function OrganizationJoinRequests({ requests, result }: { requests: readonly JoinRequestRow[]; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="panel" aria-labelledby="org-requests-title">
      <h2 id="org-requests-title">{t("orgAdmin.requests.title")}</h2>
      {requests.length === 0 ? (
        <p>{t("orgAdmin.requests.empty")}</p>
      ) : (
        <ul className="rows">
          {requests.map((request) => (
            <li key={request.id}>
              <p>
                <strong>{request.createdBy.name}</strong> <span className="meta">({request.email})</span>
              </p>
              {request.message ? <p className="prose">{request.message}</p> : null}
              <General failure={intentFailure(result, "respond", { requestId: request.id })} />
              <Form method="post" className="actions">
                <input type="hidden" name="intent" value="respond" />
                <input type="hidden" name="requestId" value={request.id} />
                <button type="submit" name="answer" value="accept" className="small" disabled={busy}>
                  {t("orgAdmin.requests.accept")}
                  <span className="visually-hidden"> {request.createdBy.name}</span>
                </button>
                <button type="submit" name="answer" value="decline" className="secondary small" disabled={busy}>
                  {t("orgAdmin.requests.decline")}
                  <span className="visually-hidden"> {request.createdBy.name}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
