import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/i18n";
import { clockLabel, dayLabel, timeLabel } from "~/lib/booking-format";

type Closed = { kind: "HOLIDAY"; name: string } | { kind: "CLOSURE"; reason: string } | { kind: "CLOSED" } | null;

export interface WeekDay {
  date: string;
  closed: Closed;
  hours: string[];
  slots: { startsAt: string; endsAt: string }[];
}

type Cell = { state: "free"; startsAt: string; endsAt: string } | { state: "booked" | "unavailable" | "closed" };

export interface WeekView {
  days: WeekDay[];
  rows: { minute: number; cells: Cell[] }[];
}

function ClosedReason({ closed }: { closed: NonNullable<Closed> }) {
  const { t } = useTranslation();
  if (closed.kind === "HOLIDAY") return <>{t("spaces.week.holiday", { name: closed.name })}</>;
  if (closed.kind === "CLOSURE") return <>{t("spaces.week.closure", { reason: closed.reason })}</>;
  return <>{t("spaces.week.closedDay")}</>;
}

/**
 * The week as a table: a column per day, a row per time. Free cells are links (keyboard: Tab
 * moves through them in reading order) that open the booking form; every cell says its state in
 * words, not only in colour.
 */
export function WeekGrid({ week, slotHref, caption }: { week: WeekView; slotHref: (startsAt: string) => string; caption: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <div className="week-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="week">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("spaces.week.time")}</th>
            {week.days.map((day) => (
              <th scope="col" key={day.date}>
                {dayLabel(day.date, locale)}
                {day.closed ? (
                  <span className="week-closed">
                    <ClosedReason closed={day.closed} />
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {week.rows.map((row) => (
            <tr key={row.minute}>
              <th scope="row">{clockLabel(row.minute)}</th>
              {row.cells.map((cell, index) => {
                const day = week.days[index]!;
                if (cell.state === "free") {
                  return (
                    <td key={day.date} className="slot free">
                      <Link to={slotHref(cell.startsAt)} preventScrollReset>
                        {t("spaces.week.free")}
                        <span className="visually-hidden">
                          {" "}
                          {t("spaces.week.bookSlot", { day: dayLabel(day.date, locale), from: timeLabel(cell.startsAt, locale), to: timeLabel(cell.endsAt, locale) })}
                        </span>
                      </Link>
                    </td>
                  );
                }
                return (
                  <td key={day.date} className={`slot ${cell.state}`}>
                    {t(`spaces.week.${cell.state}`)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same week as lists of free times per day: the alternative to the table. */
export function WeekList({ week, slotHref }: { week: WeekView; slotHref: (startsAt: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <ol className="week-list">
      {week.days.map((day) => (
        <li key={day.date} id={`dia-${day.date}`}>
          <h3>{dayLabel(day.date, locale)}</h3>
          {day.closed ? (
            <p>
              <ClosedReason closed={day.closed} />
            </p>
          ) : day.slots.length === 0 ? (
            <p>{t("spaces.week.noSlots", { hours: day.hours.join(", ") })}</p>
          ) : (
            <>
              <p className="meta">{t("spaces.week.hours", { hours: day.hours.join(", ") })}</p>
              <ul className="slot-list">
                {day.slots.map((slot) => (
                  <li key={slot.startsAt}>
                    <Link to={slotHref(slot.startsAt)} preventScrollReset>
                      {timeLabel(slot.startsAt, locale)}–{timeLabel(slot.endsAt, locale)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
