import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";
import { formatAge } from "~/lib/age";
import { BookingItem } from "~/components/booking-summary";

interface BookingRequest {
  id: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
  attendees: number;
  space: { id: string; name: string; center: { name: string } };
  user: { name: string };
  organization: { name: string } | null;
  waitingSince: string;
}

/** A booking request in /moderacion: who, what and when, approved or rejected (with a reason) in place. */
export function BookingQueueItem({ item, now, redirectTo }: { item: BookingRequest; now: string; redirectTo: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const reasonId = `reason-${item.id}`;
  return (
    <BookingItem booking={{ ...item, status: "PENDING", statusReason: null }}>
      <p className="meta">
        <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince, locale)}>
          {t("moderation.waiting.bookings", { age: formatAge(item.waitingSince, now, locale) })}
        </time>
      </p>
      <Form method="post" action={`/reservas/${item.id}`} className="stack">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="id" value={item.id} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor={reasonId}>{t("bookings.decide.reason")}</label>
          <p className="hint" id={`${reasonId}-hint`}>
            {t("bookings.decide.reasonHint")}
          </p>
          <textarea id={reasonId} name="reason" rows={2} maxLength={2000} aria-describedby={`${reasonId}-hint`} />
        </div>
        <p className="actions">
          <button type="submit" name="decision" value="approve">
            {t("bookings.decide.approve")}
            <span className="visually-hidden"> {item.space.name}</span>
          </button>
          <button type="submit" name="decision" value="reject" className="secondary">
            {t("bookings.decide.reject")}
            <span className="visually-hidden"> {item.space.name}</span>
          </button>
        </p>
      </Form>
    </BookingItem>
  );
}
