import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

/** The limits a control takes from its zod schema (app/lib/forms.ts), never restated in markup. */
export interface ControlConstraints {
  minLength?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
}

/** What a field hands its control: ids and ARIA wiring, the schema's limits, the value to show again. */
export interface ControlProps extends ControlConstraints {
  id: string;
  name: string;
  required?: boolean;
  defaultValue?: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export interface FieldProps {
  name: string;
  /** The control's id when a page shows the same form several times; `field-<name>` otherwise. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  constraints?: ControlConstraints;
  /** What was typed before a failed submit (a password field gets none). */
  defaultValue?: string;
  children: (control: ControlProps) => ReactNode;
}

/** Label, hint and error wired to the control with ids, so screen readers announce all three. */
export function Field({ name, id = `field-${name}`, label, hint, error, required, constraints, defaultValue, children }: FieldProps) {
  const { t } = useTranslation();
  const describedBy = describedByOf(id, hint, error);
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({ ...constraints, id, name, required, defaultValue, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
  );
}

function describedByOf(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export interface ChoiceFieldProps {
  name: string;
  /** The first radio's id, as Field's `id`. */
  id?: string;
  legend: string;
  error?: string;
  required?: boolean;
  /** In the order shown; the values come from the schema's enum, the labels from the UI copy. */
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
}

/**
 * A group of radio buttons under a legend, with the same error wiring as Field. The first radio
 * carries `field-<name>`, so the error summary's link lands in the group.
 */
export function ChoiceField({ name, id = `field-${name}`, legend, error, required, options, defaultValue }: ChoiceFieldProps) {
  return (
    <fieldset className={error ? "field has-error" : "field"} aria-describedby={describedByOf(id, undefined, error)}>
      <GroupHead id={id} legend={legend} error={error} required={required} />
      {options.map((option, index) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            id={index === 0 ? id : undefined}
            required={required}
            defaultChecked={defaultValue === option.value}
          />{" "}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export interface CheckboxGroupProps {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  required?: boolean;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
}

/** The legend, hint and error of a group of choices, wired like Field's. */
function GroupHead({ id, legend, hint, error, required }: { id: string; legend: string; hint?: string; error?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <legend>
        {legend}
        {required ? <span className="required"> ({t("form.required")})</span> : null}
      </legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * A select of records by name (the person's organizations, their ideas), optionally with a first
 * empty choice ("a mi nombre"): the control of a Field.
 */
export function RecordSelect({
  control,
  records,
  noneLabel,
  defaultValue,
}: {
  control: ControlProps;
  records: readonly { id: string; name: string }[];
  noneLabel?: string;
  defaultValue?: string;
}) {
  return (
    <select {...control} defaultValue={defaultValue ?? (noneLabel === undefined ? records[0]?.id : "")}>
      {noneLabel === undefined ? null : <option value="">{noneLabel}</option>}
      {records.map((record) => (
        <option key={record.id} value={record.id}>
          {record.name}
        </option>
      ))}
    </select>
  );
}

/** Checkboxes under a legend; the first carries `field-<name>` so the error summary's link lands in the group. */
export function CheckboxGroup({ name, legend, hint, error, required, options, checked }: CheckboxGroupProps) {
  const id = `field-${name}`;
  const describedBy = describedByOf(id, hint, error);
  return (
    <fieldset className={error ? "field has-error" : "field"} aria-describedby={describedBy}>
      <GroupHead id={id} legend={legend} hint={hint} error={error} required={required} />
      {options.map((option, index) => (
        <label key={option.value} className="choice">
          <input type="checkbox" name={name} value={option.value} id={index === 0 ? id : undefined} defaultChecked={checked.includes(option.value)} />{" "}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Lists every problem at the top of a form, with links that move focus to each field.
 *
 * With JavaScript it takes focus whenever it shows a new set of errors (a new `fieldErrors` or
 * `message`), so screen readers read it after a failed submit, and its links focus the field
 * themselves: following the `#field-…` hash would be a navigation for Remix, which drops the
 * action's answer and with it every error on the page. Without JavaScript the anchors still work.
 */
export function ErrorSummary({
  title,
  message,
  fieldErrors,
  labels = {},
  moveFocus = true,
  focusKey,
}: {
  title: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Field name → its label, so each link says which field it is about. */
  labels?: Record<string, string>;
  /** False for errors found while the person is still editing (focus stays where they are). */
  moveFocus?: boolean;
  /**
   * When given, focus moves only when this changes (a new submit attempt), not when the list
   * changes as the person fixes fields one by one.
   */
  focusKey?: unknown;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors ?? {});
  const visible = Boolean(message) || entries.length > 0;
  useEffect(() => {
    if (visible && moveFocus) summary.current?.focus();
    // Only a new answer moves focus, not every re-render (hence not `visible` or `moveFocus`).
  }, focusKey === undefined ? [fieldErrors, message] : [focusKey, null]);
  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
      <h2>{entries.length > 0 ? title : message}</h2>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#field-${field}`} onClick={(event) => focusField(event, field)}>
                {labels[field] ? `${labels[field]}: ${text}` : text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, field: string) {
  event.preventDefault();
  const target = document.getElementById(`field-${field}`);
  if (!target) return;
  // The label sits above the control: scroll so that it shows too.
  (target.closest(".field") ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}
