import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { BookingItem, CancelBookingForm } from "~/components/booking-summary";
import { ErrorSummary } from "~/components/form";
import { formatDate, type Locale } from "~/i18n";
import type { FormFailure } from "~/lib/forms";
import { titledPage } from "~/lib/meta";
import { myBookingsAction, myBookingsPage } from "~/lib/bookings.server";

export const meta = titledPage("nav.myBookings");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await myBookingsPage(context, request));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return myBookingsAction(context, request);
}

export default function MyBookingsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { past, bookings, feed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { ok: true; feedUrl: string } | FormFailure | undefined;
  return (
    <section className="page" aria-labelledby="bookings-title">
      <div className="page-head">
        <div>
          <h1 id="bookings-title">{t("nav.myBookings")}</h1>
          <p className="lead">{t("bookings.lead")}</p>
        </div>
        <p className="actions">
          <Link className="button" to="/espacios">
            {t("bookings.find")}
          </Link>
        </p>
      </div>
      <DoneNotice prefix="bookings.done." />
      {result && "message" in result ? <ErrorSummary title={t("form.errorSummary")} message={result.message} /> : null}
      <nav className="tabs" aria-label={t("bookings.tabs")}>
        <ul>
          <li>
            <Link to="/reservas" aria-current={past ? undefined : "page"}>
              {t("bookings.upcoming")}
            </Link>
          </li>
          <li>
            <Link to="/reservas?ver=pasadas" aria-current={past ? "page" : undefined}>
              {t("bookings.past")}
            </Link>
          </li>
        </ul>
      </nav>
      {bookings.length === 0 ? (
        <p role="status">{past ? t("bookings.emptyPast") : t("bookings.emptyUpcoming")}</p>
      ) : (
        <ul className="grid">
          {bookings.map((booking) => (
            <BookingItem key={booking.id} booking={booking} headingLevel={2}>
              <p className="actions">
                <a href={`/reservas/${booking.id}.ics`} download>
                  {t("bookings.ics")}
                  <span className="visually-hidden"> ({booking.space.name})</span>
                </a>
                {booking.cancellable ? (
                  <CancelBookingForm booking={booking} />
                ) : null}
              </p>
            </BookingItem>
          ))}
        </ul>
      )}
      <section aria-labelledby="feed-title" className="panel">
        <h2 id="feed-title">{t("bookings.feed.title")}</h2>
        <p>{t("bookings.feed.explain")}</p>
        {result && "feedUrl" in result ? (
          <div role="status">
            <p>{t("bookings.feed.created")}</p>
            <p>
              <label htmlFor="feed-url">{t("bookings.feed.url")}</label>
              <input id="feed-url" type="text" readOnly value={result.feedUrl} className="wide" />
            </p>
          </div>
        ) : feed.active && feed.createdAt ? (
          <p>{t("bookings.feed.active", { date: formatDate(feed.createdAt, locale) })}</p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="feed" />
          <button type="submit" className="secondary">
            {feed.active ? t("bookings.feed.regenerate") : t("bookings.feed.create")}
          </button>
        </Form>
      </section>
    </section>
  );
}
