import type { ReactNode } from "react";
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

/** Lists every problem at the top of a form, with links that move focus to each field. */
export function ErrorSummary({
  title,
  message,
  fieldErrors,
  labels = {},
}: {
  title: string;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Field name → its label, so each link says which field it is about. */
  labels?: Record<string, string>;
}) {
  const entries = Object.entries(fieldErrors ?? {});
  if (!message && entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{entries.length > 0 ? title : message}</h2>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#field-${field}`}>{labels[field] ? `${labels[field]}: ${text}` : text}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
