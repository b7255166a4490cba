import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/form";

export interface CoauthorEntry {
  id: string;
  name: string;
  status: string;
}

interface Props {
  coauthors: readonly CoauthorEntry[];
  /** The author: invites, removes, withdraws invitations. */
  canManage: boolean;
  /** An accepted co-author (not the author): may leave. */
  canLeave: boolean;
  /** Authors see pending invitations; everyone else only who accepted. */
  showPending: boolean;
  /** Busy: a form of this page is being sent. */
  busy: boolean;
  /** The invite form's error and what was typed, after a refused invitation. */
  inviteError?: string;
  inviteEmail?: string;
}

/** The idea's co-authors, and for its author the invitations: invite by email, remove, withdraw. */
export function IdeaCoauthors({ coauthors, canManage, canLeave, showPending, busy, inviteError, inviteEmail }: Props) {
  const { t } = useTranslation();
  // A successful invitation changes the list and starts the invite form empty; a refused one keeps what was typed.
  const formKey = coauthors.map((c) => c.id).join(" ");
  const shown = coauthors.filter((c) => showPending || c.status === "ACCEPTED");
  if (shown.length === 0 && !canManage) return null;
  return (
    <section aria-labelledby="coauthors-title" className="panel">
      <h2 id="coauthors-title">{t("coauthors.title")}</h2>
      {shown.length === 0 ? (
        <p>{t("coauthors.none")}</p>
      ) : (
        <ul className="people">
          {shown.map((person) => (
            <li key={person.id}>
              <span>
                {person.name}
                {person.status === "INVITED" ? <span className="meta"> · {t("coauthors.pending")}</span> : null}
              </span>
              {canManage ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={person.id} />
                  <button type="submit" name="intent" value="remove" className="secondary small" disabled={busy}>
                    {person.status === "INVITED" ? t("coauthors.withdrawInvitation") : t("coauthors.remove")}
                    <span className="visually-hidden"> {t("coauthors.whom", { name: person.name })}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <Form key={formKey} method="post" className="stack" aria-labelledby="invite-title">
          <h3 id="invite-title">{t("coauthors.inviteTitle")}</h3>
          <Field
            name="email"
            label={t("coauthors.email")}
            hint={t("coauthors.emailHint")}
            error={inviteError}
            required
            constraints={{ maxLength: 254 }}
            defaultValue={inviteEmail}
          >
            {(p) => <input {...p} type="email" autoComplete="off" />}
          </Field>
          <button type="submit" name="intent" value="invite" disabled={busy}>
            {t("coauthors.invite")}
          </button>
        </Form>
      ) : null}
      {canLeave ? (
        <Form method="post">
          <button type="submit" name="intent" value="leave" className="secondary" disabled={busy}>
            {t("coauthors.leave")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
