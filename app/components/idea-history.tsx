import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";

export interface IdeaHistoryEvent {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  createdAt: string;
  actor: { name: string; role: string } | null;
}

/** Who did what to the idea and when (creation, edits, changes of state with their reasons), oldest first. */
export function IdeaHistory({ events }: { events: readonly IdeaHistoryEvent[] }) {
  const { t, i18n } = useTranslation();
  const status = (s: string | null) => (s ? t(`ideaStatus.${s}` as never) : "");
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t("ideaHistory.title")}</h2>
      <p className="hint">{t("ideaHistory.privacy")}</p>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <p className="meta">
              <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, i18n.language as Locale)}</time> ·{" "}
              {event.actor
                ? event.actor.role === "SECRETARIAT"
                  ? t("ideaHistory.bySecretariat", { name: event.actor.name })
                  : event.actor.name
                : t("ideaHistory.byPlatform")}
            </p>
            <p>
              {event.kind === "CREATED"
                ? t("ideaHistory.created")
                : event.kind === "EDITED"
                  ? t("ideaHistory.edited")
                  : t("ideaHistory.moved", { from: status(event.fromStatus), to: status(event.toStatus) })}
            </p>
            {event.reason ? (
              <blockquote className="reason">
                <p className="prose">
                  <span className="visually-hidden">{t("ideaHistory.reason")}: </span>
                  {event.reason}
                </p>
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
