import { Form, Link } from "@remix-run/react";
import { formatDate, type Locale } from "~/i18n";
import { useTranslation } from "~/i18n/react";

export interface NotificationView {
  id: string;
  kind: string;
  ideaId: string | null;
  ideaTitle: string | null;
  actorName: string | null;
  data: unknown;
  readAt: string | null;
  createdAt: string;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** One notification: what happened, when, a link to it, and (unread) a "mark as read" form. */
export function NotificationItem({ notification: n, busy }: { notification: NotificationView; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const data = (n.data ?? {}) as Record<string, unknown>;
  const key = n.kind === "REPORT_OUTCOME" ? `notification.REPORT_OUTCOME.${data.outcome === "uphold" ? "uphold" : "dismiss"}` : `notification.${n.kind}`;
  const actor = n.actorName ?? t(n.kind === "MODERATION_DECISION" ? "notifications.platform" : "notifications.someone");
  const sentence = t(key as never, { title: n.ideaTitle ?? "", actor, from: text(data.from), to: text(data.to) });
  const invitation = n.kind === "COAUTHOR_INVITATION";
  return (
    <li className={n.readAt ? "read" : "unread"}>
      <p>
        <strong>{n.readAt ? <span className="visually-hidden">{t("notifications.read")}: </span> : `${t("notifications.unread")}: `}</strong>
        {sentence}
      </p>
      {text(data.reason) ? <p>{t("notifications.reason", { reason: text(data.reason) })}</p> : null}
      {text(data.excerpt) ? <p className="prose">«{text(data.excerpt)}»</p> : null}
      <p className="meta">
        <time dateTime={n.createdAt}>{formatDate(n.createdAt, i18n.language as Locale)}</time>
        {n.ideaId ? (
          <>
            {" · "}
            <Link to={invitation ? "/mis-ideas" : `/ideas/${n.ideaId}`}>
              {t(invitation ? "notifications.openInvitations" : "notifications.open")}
              <span className="visually-hidden">: {n.ideaTitle}</span>
            </Link>
          </>
        ) : null}
      </p>
      {n.readAt ? null : (
        <Form method="post" className="actions">
          <input type="hidden" name="id" value={n.id} />
          <button type="submit" name="intent" value="read" className="small secondary" disabled={busy}>
            {t("notifications.markRead")}
            <span className="visually-hidden">: {sentence}</span>
          </button>
        </Form>
      )}
    </li>
  );
}
