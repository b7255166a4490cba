import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { BookingStatus, BookingWhen } from "~/components/booking-summary";
import { ErrorSummary, Field } from "~/components/form";
import type { Locale } from "~/i18n";
import { timeLabel, whenLabel } from "~/lib/booking-format";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { bookingAction, bookingPage } from "~/lib/bookings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? `${metaTranslator(matches)("bookings.one")}: ${data.booking.space.name}` : undefined);

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await bookingPage(context, request, params.id ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return bookingAction(context, request, params.id ?? "");
}


export default function BookingPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { booking, pass, own, secretariat } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | undefined;
  const cancelFailure = intentFailure(result, "cancel");
  const decideFailure = intentFailure(result, "decide");
  const checkInFailure = intentFailure(result, "checkIn");
  const live = booking.status === "PENDING" || booking.status === "CONFIRMED";
  return (
    <article className="page" aria-labelledby="booking-title">
      <p>
        <Link to="/reservas">{t("bookings.back")}</Link>
      </p>
      <h1 id="booking-title">{t("bookings.titleOf", { space: booking.space.name })}</h1>
      <DoneNotice prefix="bookings.done." />
      <dl className="facts">
        <dt>{t("bookings.when")}</dt>
        <dd>
          <BookingWhen booking={booking} />
        </dd>
        <dt>{t("bookings.where")}</dt>
        <dd>
          <Link to={`/espacios/${booking.space.id}`}>{booking.space.name}</Link> · {booking.space.center.name}, {booking.space.center.address}
        </dd>
        <dt>{t("bookings.status")}</dt>
        <dd>
          <BookingStatus booking={booking} />
        </dd>
        <dt>{t("bookings.form.purpose")}</dt>
        <dd>{booking.purpose}</dd>
        <dt>{t("bookings.form.attendees")}</dt>
        <dd>{booking.attendees}</dd>
        {booking.organization ? (
          <>
            <dt>{t("bookings.form.organization")}</dt>
            <dd>{booking.organization.name}</dd>
          </>
        ) : null}
        {own ? null : (
          <>
            <dt>{t("bookings.booker")}</dt>
            <dd>{booking.user.name}</dd>
          </>
        )}
      </dl>
      <p className="actions">
        <a href={`/reservas/${booking.id}.ics`} download>
          {t("bookings.ics")}
        </a>
      </p>

      {booking.status === "CONFIRMED" || pass.checkedInAt ? (
        <section aria-labelledby="pass-title" className="panel pass">
          <h2 id="pass-title">{t("bookings.pass.title")}</h2>
          {pass.checkedInAt ? (
            <p className="notice">{t("bookings.pass.checkedIn", { when: whenLabel(pass.checkedInAt, null, locale) })}</p>
          ) : (
            <>
              <img className="qr" width={180} height={180} src={`data:image/svg+xml;utf8,${encodeURIComponent(pass.qrSvg)}`} alt={t("bookings.pass.qrAlt", { code: pass.code })} />
              <p>
                {t("bookings.pass.code")} <strong className="code">{pass.code}</strong>
              </p>
              <p className="meta">{t("bookings.pass.window", { from: whenLabel(pass.validFrom, null, locale), to: timeLabel(pass.validUntil, locale) })}</p>
              {pass.open ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="checkIn" />
                  <input type="hidden" name="code" value={pass.code} />
                  {checkInFailure ? <ErrorSummary title={t("form.errorSummary")} message={checkInFailure.general ?? Object.values(checkInFailure.errors)[0]} /> : null}
                  <button type="submit">{t("bookings.pass.checkIn")}</button>
                </Form>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      {booking.decidable ? (
        <section aria-labelledby="decide-title" className="panel">
          <h2 id="decide-title">{t("bookings.decide.title")}</h2>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="decide" />
            <input type="hidden" name="id" value={booking.id} />
            {decideFailure ? <ErrorSummary title={t("form.errorSummary")} message={decideFailure.general} fieldErrors={decideFailure.errors} labels={{ reason: t("bookings.decide.reason") }} /> : null}
            <Field name="reason" label={t("bookings.decide.reason")} hint={t("bookings.decide.reasonHint")} error={decideFailure?.errors.reason} constraints={{ maxLength: 2000 }}>
              {(control) => <textarea {...control} rows={3} />}
            </Field>
            <p className="actions">
              <button type="submit" name="decision" value="approve">
                {t("bookings.decide.approve")}
              </button>
              <button type="submit" name="decision" value="reject" className="secondary">
                {t("bookings.decide.reject")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      {live && booking.cancellable ? (
        <section aria-labelledby="cancel-title" className="panel">
          <h2 id="cancel-title">{t("bookings.cancelTitle")}</h2>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="cancel" />
            <input type="hidden" name="id" value={booking.id} />
            {cancelFailure ? <ErrorSummary title={t("form.errorSummary")} message={cancelFailure.general} fieldErrors={cancelFailure.errors} labels={{ reason: t("bookings.cancelReason") }} /> : null}
            {own ? (
              <p>{t("bookings.cancelOwn")}</p>
            ) : secretariat ? (
              <Field name="reason" label={t("bookings.cancelReason")} hint={t("bookings.cancelReasonHint")} error={cancelFailure?.errors.reason} required constraints={{ maxLength: 2000 }}>
                {(control) => <textarea {...control} rows={3} />}
              </Field>
            ) : null}
            <p>
              <button type="submit" className="secondary">
                {t("bookings.cancel")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
