import { Form, Link } from "@remix-run/react";
import { formatDate, formatDateTime, type Locale } from "~/i18n";
import { useTranslation } from "~/i18n/react";

export interface NotificationView {
  id: string;
  kind: string;
  ideaId: string | null;
  ideaTitle: string | null;
  /** For CALL_* kinds (the call's page is /convocatorias/<slug>). */
  callTitle?: string | null;
  callSlug?: string | null;
  /** For BOOKING_* kinds (the booking's page is /reservas/<id>; `data` has spaceName, startsAt, endsAt). */
  bookingId?: string | null;
  /** For ALLIANCE_* kinds (the alliance's page is /alianzas/<id>; `data.alliance` has its title). */
  allianceId?: string | null;
  actorName: string | null;
  data: unknown;
  readAt: string | null;
  createdAt: string;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** Kinds whose sentence depends on what happened (as in server/notification/email/render.ts). */
const VARIANTS: Record<string, { field: string; values: readonly string[] }> = {
  REPORT_OUTCOME: { field: "outcome", values: ["dismiss", "uphold"] },
  CALL_PROPOSAL_DECISION: { field: "decision", values: ["approve", "requestChanges", "reject"] },
  CALL_PARTICIPATION_DECISION: { field: "status", values: ["INVITED", "ACCEPTED", "DECLINED"] },
  CALL_DEADLINE_EXTENDED: { field: "change", values: ["extended", "cancelled"] },
  BOOKING_DECISION: { field: "decision", values: ["approve", "reject", "expired"] },
  ALLIANCE_INVITATION: { field: "as", values: ["person", "organization"] },
  ALLIANCE_STATUS_CHANGED: { field: "status", values: ["ACTIVE", "COMPLETED", "WITHDRAWN"] },
};

/** One notification: what happened, when, a link to it, and (unread) a "mark as read" form. */
export function NotificationItem({ notification: n, busy }: { notification: NotificationView; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const data = (n.data ?? {}) as Record<string, unknown>;
  const variant = VARIANTS[n.kind];
  const key = variant
    ? `notification.${n.kind}.${variant.values.includes(text(data[variant.field])) ? text(data[variant.field]) : variant.values[0]}`
    : `notification.${n.kind}`;
  const actor = n.actorName ?? t(n.kind === "MODERATION_DECISION" ? "notifications.platform" : "notifications.someone");
  const dateTime = (value: unknown) => (text(value) ? formatDateTime(text(value), i18n.language as Locale) : "");
  const sentence = t(key as never, {
    title: n.ideaTitle ?? n.callTitle ?? "",
    actor,
    from: text(data.from),
    to: text(data.to),
    role: text(data.role),
    organization: text(data.organization),
    closesAt: dateTime(data.closesAt),
    space: text(data.spaceName),
    startsAt: dateTime(data.startsAt),
    alliance: text(data.alliance),
  });
  const invitation = n.kind === "COAUTHOR_INVITATION";
  const call = n.kind.startsWith("CALL_") && n.callSlug;
  const booking = n.kind.startsWith("BOOKING_") && n.bookingId;
  const alliance = n.kind.startsWith("ALLIANCE_") && n.allianceId;
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
        {alliance ? (
          <>
            {" · "}
            <Link to={`/alianzas/${n.allianceId}`}>
              {t("notifications.openAlliance")}
              <span className="visually-hidden">: {text(data.alliance)}</span>
            </Link>
          </>
        ) : booking ? (
          <>
            {" · "}
            <Link to={`/reservas/${n.bookingId}`}>
              {t("notifications.openBooking")}
              <span className="visually-hidden">: {text(data.spaceName)}</span>
            </Link>
          </>
        ) : call ? (
          <>
            {" · "}
            <Link to={`/convocatorias/${n.callSlug}`}>
              {t("notifications.openCall")}
              <span className="visually-hidden">: {n.callTitle}</span>
            </Link>
          </>
        ) : n.ideaId ? (
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
