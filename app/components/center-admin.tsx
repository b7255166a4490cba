import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { WEEKDAYS } from "~/lib/opening-hours";

const TEXTS = [
  { name: "name", label: "spaceAdmin.center.name", rows: 0 },
  { name: "address", label: "spaceAdmin.center.address", rows: 0 },
] as const;

export interface CenterFormProps {
  constraint: FormConstraint;
  /** The last failed submission of this form (other forms' answers are left out by the page). */
  result: FormFailure | undefined;
  /** The center as saved, as the fields show it (`hours1`…`hours7`: "08:00-12:00, 14:00-18:00"). */
  saved?: Record<string, string>;
  /** Sent with the form (`save` on the edit page). */
  intent?: string;
  submitLabel: string;
}

/**
 * A center's fields and its opening hours, one text per weekday, a plain post that works without
 * JavaScript; the server reads each weekday's ranges and answers a problem next to that weekday.
 */
export function CenterForm({ constraint, result, saved, intent, submitLabel }: CenterFormProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { field, formProps, summary } = useSchemaForm({ id: "center-form", constraint, result });
  const text = (name: string) => {
    const props = fieldProps(field(name));
    return { ...props, defaultValue: result ? props.defaultValue : saved?.[name] };
  };
  const dayLabel = (weekday: number) => t("spaceAdmin.center.hoursOf", { day: t(`spaceAdmin.weekday.${weekday}` as never) });
  const labels: Record<string, string> = {
    name: t("spaceAdmin.center.name"),
    address: t("spaceAdmin.center.address"),
    latitude: t("spaceAdmin.center.latitude"),
    longitude: t("spaceAdmin.center.longitude"),
    description: t("spaceAdmin.center.description"),
    ...Object.fromEntries(WEEKDAYS.map((weekday) => [`hours${weekday}`, dayLabel(weekday)])),
  };
  return (
    <>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={labels} />
      <Form method="post" className="stack" {...formProps}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <fieldset className="stack">
          <legend>{t("spaceAdmin.center.details")}</legend>
          {TEXTS.map(({ name, label }) => (
            <Field key={name} {...text(name)} label={t(label)}>
              {(p) => <input {...p} type="text" autoComplete="off" />}
            </Field>
          ))}
          {(["latitude", "longitude"] as const).map((name) => (
            <Field key={name} {...text(name)} label={t(`spaceAdmin.center.${name}`)} hint={t("spaceAdmin.center.coordinatesHint")}>
              {(p) => <input {...p} min={undefined} max={undefined} type="text" inputMode="decimal" autoComplete="off" />}
            </Field>
          ))}
          <Field {...text("description")} label={t("spaceAdmin.center.description")}>
            {(p) => <textarea {...p} rows={4} />}
          </Field>
        </fieldset>
        <fieldset className="stack" aria-describedby="center-hours-hint">
          <legend>{t("spaceAdmin.center.hours")}</legend>
          <p className="hint" id="center-hours-hint">
            {t("spaceAdmin.center.hoursHint")}
          </p>
          {WEEKDAYS.map((weekday) => (
            <Field key={weekday} {...text(`hours${weekday}`)} label={dayLabel(weekday)}>
              {(p) => <input {...p} type="text" autoComplete="off" placeholder="08:00-12:00, 14:00-18:00" />}
            </Field>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t("spaceAdmin.center.saving") : submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}

export interface ClosureView {
  id: string;
  reason: string;
  startsLabel: string;
  endsLabel: string;
}

/** The center's closures from today on, each with its remove button, and the form that adds one. */
export function ClosuresPanel({ closures, constraint, result }: { closures: readonly ClosureView[]; constraint: FormConstraint; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const adding = intentFailure(result, "addClosure") ? result : undefined;
  const removing = intentFailure(result, "removeClosure");
  const { field, formProps, summary } = useSchemaForm({ id: "closure-form", constraint, result: adding });
  const startsOn = fieldProps(field("startsOn"));
  const endsOn = fieldProps(field("endsOn"));
  const reason = fieldProps(field("reason"));
  return (
    <section className="panel" aria-labelledby="closures-title">
      <h2 id="closures-title">{t("spaceAdmin.closures.title")}</h2>
      <p>{t("spaceAdmin.closures.lead")}</p>
      {removing?.general ? (
        <p className="error" role="alert">
          {removing.general}
        </p>
      ) : null}
      {closures.length === 0 ? (
        <p>{t("spaceAdmin.closures.none")}</p>
      ) : (
        <ul className="rows">
          {closures.map((closure) => (
            <li key={closure.id}>
              <p>
                <strong>{t("spaceAdmin.closures.range", { from: closure.startsLabel, to: closure.endsLabel })}</strong>: {closure.reason}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="removeClosure" />
                <input type="hidden" name="closureId" value={closure.id} />
                <button type="submit" className="secondary">
                  {t("spaceAdmin.closures.remove", { from: closure.startsLabel, to: closure.endsLabel })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3 id="closure-add-title">{t("spaceAdmin.closures.add")}</h3>
      <ErrorSummary
        title={t("form.errorSummary")}
        {...summary}
        labels={{ startsOn: t("spaceAdmin.closures.startsOn"), endsOn: t("spaceAdmin.closures.endsOn"), reason: t("spaceAdmin.closures.reason") }}
      />
      <Form method="post" className="stack" aria-labelledby="closure-add-title" {...formProps}>
        <input type="hidden" name="intent" value="addClosure" />
        <Field {...startsOn} label={t("spaceAdmin.closures.startsOn")}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field {...endsOn} label={t("spaceAdmin.closures.endsOn")}>
          {(p) => <input {...p} type="date" />}
        </Field>
        <Field {...reason} label={t("spaceAdmin.closures.reason")} hint={t("spaceAdmin.closures.reasonHint")}>
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
        <div className="actions">
          <button type="submit">{t("spaceAdmin.closures.add")}</button>
        </div>
      </Form>
    </section>
  );
}

/** Colombia's public holidays ahead, read-only: the booking rules close the center on them already. */
export function HolidaysPanel({ holidays }: { holidays: readonly { date: string; name: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="holidays-title">
      <h2 id="holidays-title">{t("spaceAdmin.holidays.title")}</h2>
      <p>{t("spaceAdmin.holidays.lead")}</p>
      {holidays.length === 0 ? (
        <p>{t("spaceAdmin.holidays.none")}</p>
      ) : (
        <ul>
          {holidays.map((holiday) => (
            <li key={holiday.date}>
              <time dateTime={holiday.date}>{holiday.label}</time>: {holiday.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
