import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { BookingForm } from "~/components/booking-form";
import { BookingItem } from "~/components/booking-summary";
import { SpacePhotos } from "~/components/space-photos";
import { SpaceRules } from "~/components/space-rules";
import { WeekGrid, WeekList } from "~/components/space-week";
import type { Locale } from "~/i18n";
import { longDayLabel, whenLabel } from "~/lib/booking-format";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { pageMeta } from "~/lib/meta";
import { spaceAction, spacePage } from "~/lib/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data?.space.name);

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await spacePage(context, request, params.id ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return spaceAction(context, request, params.id ?? "");
}

type SeriesResult = { ok: true; series: { created: { id: string; startsAt: string; status: string }[]; skipped: { date: string; startsAt: string; reason: string }[] } };

function SeriesOutcome({ series }: Pick<SeriesResult, "series">) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <section className="panel" role="status" aria-labelledby="series-title">
      <h2 id="series-title">{t("bookings.series.title", { count: series.created.length })}</h2>
      <ul>
        {series.created.map((booking) => (
          <li key={booking.id}>
            <Link to={`/reservas/${booking.id}`}>{whenLabel(booking.startsAt, null, locale)}</Link> · {t(`bookingStatus.${booking.status}`)}
          </li>
        ))}
      </ul>
      {series.skipped.length > 0 ? (
        <>
          <h3>{t("bookings.series.skipped", { count: series.skipped.length })}</h3>
          <ul>
            {series.skipped.map((skip) => (
              <li key={skip.date}>
                {longDayLabel(skip.date, locale)}: {skip.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to="/reservas">{t("bookings.series.mine")}</Link>
      </p>
    </section>
  );
}

export default function SpacePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SeriesResult | FormFailure | undefined;
  const { space, week, view, chosen, chosenGone, durationMinutes, durations, signedIn, organizations, constraint, bookings } = data;
  const location = useLocation();
  const query = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams({ semana: week.start, duracion: String(durationMinutes), ...(view === "list" ? { vista: "lista" } : {}) });
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) params.delete(name);
      else params.set(name, value);
    }
    return `/espacios/${space.id}?${params.toString()}`;
  };
  const slotHref = (startsAt: string) => `${query({ inicio: startsAt })}#reservar`;
  const weekCaption = t("spaces.week.caption", { from: longDayLabel(week.start, locale), to: longDayLabel(week.days[week.days.length - 1]!.date, locale) });
  const series = result && "series" in result ? result : null;
  const failure = result && !("series" in result) ? intentFailure(result, "book") : null;
  return (
    <article className="page" aria-labelledby="space-title">
      <p>
        <Link to="/espacios">{t("spaces.back")}</Link>
      </p>
      <h1 id="space-title">{space.name}</h1>
      <p className="meta">
        {t(`spaceKind.${space.kind}`)} · {t("spaces.capacityOf", { count: space.capacity })} · {space.center.name}, {space.center.address}
      </p>
      {space.description ? <p>{space.description}</p> : null}
      <SpacePhotos photos={space.photos} />
      <SpaceRules space={space} />
      {series ? <SeriesOutcome series={series.series} /> : null}

      <section aria-labelledby="week-title">
        <h2 id="week-title">{t("spaces.week.title")}</h2>
        <nav className="week-nav" aria-label={t("spaces.week.nav")}>
          <ul>
            <li>
              <Link to={query({ semana: week.previous })}>{t("spaces.week.previous")}</Link>
            </li>
            {week.isCurrent ? null : (
              <li>
                <Link to={query({ semana: null })}>{t("spaces.week.current")}</Link>
              </li>
            )}
            <li>
              <Link to={query({ semana: week.next })}>{t("spaces.week.next")}</Link>
            </li>
            <li>
              {view === "grid" ? (
                <Link to={query({ vista: "lista" })}>{t("spaces.week.asList")}</Link>
              ) : (
                <Link to={query({ vista: null })}>{t("spaces.week.asTable")}</Link>
              )}
            </li>
          </ul>
        </nav>
        <Form method="get" className="filters" aria-label={t("spaces.week.options")}>
          <input type="hidden" name="semana" value={week.start} />
          {view === "list" ? <input type="hidden" name="vista" value="lista" /> : null}
          <div className="field">
            <label htmlFor="duracion">{t("spaces.week.length")}</label>
            <select id="duracion" name="duracion" defaultValue={String(durationMinutes)}>
              {durations.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t("spaces.minutes", { count: minutes })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="semana-fecha">{t("spaces.week.goTo")}</label>
            <input id="semana-fecha" name="semana" type="date" defaultValue={week.start} />
          </div>
          <button type="submit" className="secondary">
            {t("spaces.week.show")}
          </button>
        </Form>
        {week.rows.length === 0 ? (
          <p>{t("spaces.week.closedWeek")}</p>
        ) : view === "grid" ? (
          <WeekGrid week={week} slotHref={slotHref} caption={weekCaption} />
        ) : (
          <WeekList week={week} slotHref={slotHref} />
        )}
      </section>

      {bookings ? (
        <section aria-labelledby="week-bookings-title">
          <h2 id="week-bookings-title">{t("spaces.week.bookingsTitle")}</h2>
          {bookings.length === 0 ? (
            <p>{t("spaces.week.noBookings")}</p>
          ) : (
            <ul className="grid">
              {bookings.map((booking) => (
                <BookingItem key={booking.id} booking={booking} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {chosenGone ? (
        // Taken while the form was open: the refusal names the nearest free times.
        <p className="notice" role="alert" id="slot-gone">
          {failure?.errors.startsAt ?? t("spaces.week.slotGone")}
        </p>
      ) : null}
      {chosen ? (
        signedIn ? (
          <BookingForm
            key={chosen.startsAt}
            startsAt={chosen.startsAt}
            durationMinutes={durationMinutes}
            durations={durations}
            capacity={space.capacity}
            requiresApproval={space.requiresApproval}
            organizations={organizations}
            constraint={constraint}
            failure={failure}
          />
        ) : (
          <section id="reservar" className="panel" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">{t("bookings.form.title", { when: whenLabel(chosen.startsAt, null, locale) })}</h2>
            <p>
              <Link to={`/ingresar?redirectTo=${encodeURIComponent(`${location.pathname}${location.search}`)}`}>{t("bookings.form.signIn")}</Link>
            </p>
          </section>
        )
      ) : (
        <p className="meta">{t("spaces.week.pick")}</p>
      )}
    </article>
  );
}
