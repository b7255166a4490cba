import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import { ChoiceField, ErrorSummary, Field, RecordSelect } from "~/components/form";
import type { Locale } from "~/i18n";
import type { FormConstraint } from "~/lib/forms";
import type { IntentFailure } from "~/lib/intent-failure";
import { timeLabel, whenLabel } from "~/lib/booking-format";

const typed = (failure: IntentFailure | null, name: string) => {
  const value = failure?.values[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Booking the chosen slot: its length (the space's allowed lengths), purpose, attendees, on behalf
 * of an organization, and optionally the same time on following weeks. The server checks every
 * rule and answers next to the field (the slot itself: at the top, with the nearest free times).
 */
export function BookingForm(props: {
  startsAt: string;
  durationMinutes: number;
  durations: readonly number[];
  capacity: number;
  requiresApproval: boolean;
  organizations: readonly { id: string; name: string }[];
  constraint: FormConstraint;
  failure: IntentFailure | null;
}) {
  const { startsAt, durationMinutes, durations, capacity, requiresApproval, organizations, constraint, failure } = props;
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const busy = useNavigation().state === "submitting";
  const heading = useRef<HTMLHeadingElement>(null);
  // Choosing a slot in the week moves focus here, so keyboard and screen-reader users land on the form.
  useEffect(() => heading.current?.focus(), [startsAt]);
  const errors = failure?.errors ?? {};
  const labels = {
    startsAt: t("bookings.form.slot"),
    durationMinutes: t("bookings.form.duration"),
    purpose: t("bookings.form.purpose"),
    attendees: t("bookings.form.attendees"),
    organizationId: t("bookings.form.organization"),
    occurrences: t("bookings.form.occurrences"),
    mode: t("bookings.form.mode"),
  };
  return (
    <section id="reservar" aria-labelledby="booking-form-title" className="panel">
      <h2 id="booking-form-title" tabIndex={-1} ref={heading}>
        {t("bookings.form.title", { when: whenLabel(startsAt, null, locale) })}
      </h2>
      {requiresApproval ? <p className="notice">{t("bookings.form.needsApproval")}</p> : null}
      <Form method="post" noValidate className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="book" />
        <input type="hidden" name="startsAt" value={startsAt} />
        {failure ? <ErrorSummary title={t("form.errorSummary")} message={failure.general ?? undefined} fieldErrors={errors} labels={labels} /> : null}
        <div className={errors.startsAt ? "field has-error" : "field"}>
          <p id="field-startsAt" tabIndex={-1} className="meta" aria-describedby={errors.startsAt ? "field-startsAt-error" : undefined}>
            {t("bookings.form.starts", { time: timeLabel(startsAt, locale) })}
          </p>
          {errors.startsAt ? (
            <p className="error" id="field-startsAt-error">
              {errors.startsAt}
            </p>
          ) : null}
        </div>
        <Field name="durationMinutes" label={labels.durationMinutes} error={errors.durationMinutes} required>
          {(control) => (
            <select {...control} defaultValue={typed(failure, "durationMinutes") ?? String(durationMinutes)}>
              {durations.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t("spaces.minutes", { count: minutes })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="purpose"
          label={labels.purpose}
          hint={t("bookings.form.purposeHint")}
          error={errors.purpose}
          required
          constraints={{ minLength: constraint.purpose?.minLength, maxLength: constraint.purpose?.maxLength }}
          defaultValue={typed(failure, "purpose")}
        >
          {(control) => <textarea {...control} rows={3} />}
        </Field>
        <Field
          name="attendees"
          label={labels.attendees}
          hint={t("bookings.form.attendeesHint", { count: capacity })}
          error={errors.attendees}
          required
          constraints={{ min: 1, max: capacity }}
          defaultValue={typed(failure, "attendees") ?? "1"}
        >
          {(control) => <input {...control} type="number" inputMode="numeric" />}
        </Field>
        {organizations.length > 0 ? (
          <Field name="organizationId" label={labels.organizationId} hint={t("bookings.form.organizationHint")} error={errors.organizationId}>
            {(control) => <RecordSelect control={control} records={organizations} noneLabel={t("bookings.form.personal")} defaultValue={typed(failure, "organizationId")} />}
          </Field>
        ) : null}
        <fieldset className="field">
          <legend>{t("bookings.form.repeat")}</legend>
          <Field name="occurrences" label={labels.occurrences} hint={t("bookings.form.occurrencesHint")} error={errors.occurrences}>
            {(control) => (
              <select {...control} defaultValue={typed(failure, "occurrences") ?? "1"}>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n === 1 ? t("bookings.form.once") : t("bookings.form.weeks", { count: n })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ChoiceField
            name="mode"
            legend={labels.mode}
            error={errors.mode}
            defaultValue={typed(failure, "mode") ?? "SKIP_CONFLICTS"}
            options={[
              { value: "SKIP_CONFLICTS", label: t("bookings.form.skipConflicts") },
              { value: "ALL_OR_NOTHING", label: t("bookings.form.allOrNothing") },
            ]}
          />
        </fieldset>
        <p>
          <button type="submit" disabled={busy}>
            {requiresApproval ? t("bookings.form.request") : t("bookings.form.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
