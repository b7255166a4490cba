import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate, type Locale } from "~/i18n";

interface Decision {
  status: string;
  reason: string;
  at: string;
}

/**
 * The Secretariat's reason for the idea's state, shown to its authors before anything else on
 * the page: they have to act on it (changes requested) or at least know why (rejected, hidden).
 */
export function IdeaDecision({ decision }: { decision: Decision }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t(`ideaDecision.${decision.status}` as never)}</h2>
      <blockquote className="reason">
        <p className="prose">{decision.reason}</p>
      </blockquote>
      <p className="meta">
        <time dateTime={decision.at}>{formatDate(decision.at, i18n.language as Locale)}</time>
      </p>
    </section>
  );
}

interface PanelProps {
  ideaId: string;
  status: string;
  canEdit: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  busy: boolean;
}

/** For the idea's authors: what to do next in its state, and the buttons that do it. */
export function IdeaAuthorPanel({ ideaId, status, canEdit, canSubmit, canWithdraw, busy }: PanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="author-panel-title">
      <h2 id="author-panel-title">{t("ideaPanel.title")}</h2>
      <p>{t(`ideaNextStep.${status}` as never)}</p>
      {canEdit || canSubmit || canWithdraw ? (
        <div className="actions">
          {canEdit ? (
            <Link className="button secondary" to={`/ideas/${ideaId}/editar`}>
              {t("ideaPanel.edit")}
            </Link>
          ) : null}
          {canSubmit ? (
            <Form method="post">
              <button type="submit" name="intent" value="submit" disabled={busy}>
                {t("ideaPanel.submit")}
              </button>
            </Form>
          ) : null}
          {canWithdraw ? (
            <Form method="post">
              <button type="submit" name="intent" value="withdraw" className="secondary" disabled={busy}>
                {t("ideaPanel.withdraw")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** For a person invited to co-author the idea: accept or decline. */
export function IdeaInvitation({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="invitation-title">
      <h2 id="invitation-title">{t("invitation.title")}</h2>
      <p>{t("invitation.lead")}</p>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="accept" disabled={busy}>
          {t("invitation.accept")}
        </button>
        <button type="submit" name="intent" value="decline" className="secondary" disabled={busy}>
          {t("invitation.decline")}
        </button>
      </Form>
    </section>
  );
}
