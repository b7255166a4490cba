import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (aria: {
    id: string;
    name: string;
    required?: boolean;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => ReactNode;
}

/** Label, hint and error wired to the control with ids, so screen readers announce all three. */
export function Field({ name, label, hint, error, required, children }: FieldProps) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
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
      {children({ id, name, required, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
    </div>
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
}: {
  title: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Field name → its label, so each link says which field it is about. */
  labels?: Record<string, string>;
  /** False for errors found while the person is still editing (focus stays where they are). */
  moveFocus?: boolean;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fieldErrors ?? {});
  const visible = Boolean(message) || entries.length > 0;
  useEffect(() => {
    if (visible && moveFocus) summary.current?.focus();
    // Only a new answer moves focus, not every re-render (hence not `visible` or `moveFocus`).
  }, [fieldErrors, message]);
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
