import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/i18n";
import { whenLabel } from "~/lib/booking-format";

export interface BookingSummaryData {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
  purpose: string;
  attendees: number;
  statusReason: string | null;
  space: { id: string; name: string; center: { name: string } };
  user?: { name: string };
  organization: { name: string } | null;
}

/** "9 de diciembre de 2026, 10:00–11:00", Bogotá. */
export function BookingWhen({ booking }: { booking: Pick<BookingSummaryData, "startsAt" | "endsAt"> }) {
  const { i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return <>{whenLabel(booking.startsAt, booking.endsAt, locale)}</>;
}

/** A booking's state in words (never only a colour), with the reason when it has one. */
export function BookingStatus({ booking }: { booking: Pick<BookingSummaryData, "status" | "statusReason"> }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={booking.status === "PENDING" || booking.status === "REJECTED" || booking.status === "NO_SHOW" ? "tag status attention" : "tag status"}>
        <span className="visually-hidden">{t("bookings.statusLabel")} </span>
        {t(`bookingStatus.${booking.status}`)}
      </span>
      {booking.statusReason ? (
        <span className="meta">
          {" "}
          {/* An undecided request expired: a reason the system gave, not a person. */}
          {booking.statusReason === "booking.expiredUndecided" ? t("bookings.expiredUndecided") : t("bookings.reason", { reason: booking.statusReason })}
        </span>
      ) : null}
    </>
  );
}

/** One booking in a list (mine, the Secretariat's queue), with what can be done with it. */
export function BookingItem({ booking, children, headingLevel = 3 }: { booking: BookingSummaryData; children?: React.ReactNode; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card booking-item">
      <Heading className="card-title">
        <Link to={`/reservas/${booking.id}`}>
          {booking.space.name}
          <span className="visually-hidden">
            , <BookingWhen booking={booking} />
          </span>
        </Link>
      </Heading>
      <p>
        <BookingWhen booking={booking} /> · {booking.space.center.name}
      </p>
      <p>
        <BookingStatus booking={booking} />
      </p>
      <p className="meta">
        {booking.user ? `${booking.user.name} · ` : null}
        {booking.organization ? `${booking.organization.name} · ` : null}
        {t("bookings.attendees", { count: booking.attendees })} · {booking.purpose}
      </p>
      {children}
    </li>
  );
}

/** The booker's cancel button (before the start). The Secretariat's cancellation, with its reason, is on the booking's page. */
export function CancelBookingForm({ booking, action }: { booking: Pick<BookingSummaryData, "id" | "space" | "startsAt" | "endsAt">; action?: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={action} className="inline">
      <input type="hidden" name="intent" value="cancel" />
      <input type="hidden" name="id" value={booking.id} />
      <button type="submit" className="secondary">
        {t("bookings.cancel")}
        <span className="visually-hidden">
          {" "}
          {booking.space.name}, <BookingWhen booking={booking} />
        </span>
      </button>
    </Form>
  );
}
