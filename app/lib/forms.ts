/**
 * The component side of the form pipeline (the action side, with conform and the procedure's zod
 * schema, is ./forms.server.ts). The loader hands the page the constraints conform derived from
 * the schema (required, minLength, maxLength, min, max, keyed by conform's field names), and the
 * action's answer (ActionFailure) gives the errors and what was typed, so a page reads the same
 * with JavaScript or without it. Neither zod nor conform's client runs in the browser: together
 * they would double a page's JavaScript (ADR 008), and the action checks every rule anyway.
 */
import { useMemo, useState, type FormEvent } from "react";
import type { ActionFailure } from "./actions";

/** conform submits its own intents (add or remove a list item) under this name. */
const INTENT_NAME = "__intent__";

export interface FieldConstraint {
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  multiple?: boolean;
  pattern?: string;
}

/** A form's constraints per field name (`title`, `phases[].name`), from `schemaConstraint` on the server. */
export type FormConstraint = Record<string, FieldConstraint>;

/** An ActionFailure as useActionData hands it over (serialized). */
export type FormFailure = Pick<ActionFailure, "message" | "fieldErrors"> & { values: unknown };

export interface FieldInfo {
  name: string;
  errors: string[] | undefined;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  initialValue: unknown;
}

export interface SchemaFormOptions {
  /** The form element's id. */
  id: string;
  /** From the loader: `schemaConstraint(schema)`. */
  constraint: FormConstraint;
  /** useActionData(): the server's answer to the last submission, if it failed. */
  result: FormFailure | undefined;
  /** Checks the browser can make (files chosen), run on each real submit; false stops the submit. */
  beforeSubmit?: (form: HTMLFormElement) => boolean;
}

/** `phases[1].name` → `phases[].name`, the key constraints are stored under. */
const constraintKey = (name: string) => name.replace(/\[\d+\]/g, "[]");

/** The value at a conform name (`phases[1].name`) inside the values the action sent back. */
function valueAt(values: unknown, name: string): unknown {
  let current = values;
  for (const part of name.split(/\.|\[(\d+)\]/).filter(Boolean)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** `Values` is the schema's input type, imported as a type only (nothing of zod reaches the browser). */
export function useSchemaForm<Values extends Record<string, unknown>>({ id, constraint, result, beforeSubmit }: SchemaFormOptions) {
  // Submits the browser stopped (page checks failed): each moves focus to the summary.
  const [stopped, setStopped] = useState(0);
  const focusKey = useMemo(() => ({ result, stopped }), [result, stopped]);
  const errors = result?.fieldErrors ?? {};

  const field = (name: string): FieldInfo => {
    const error = errors[name];
    return {
      name,
      errors: error ? [error] : undefined,
      ...constraint[constraintKey(name)],
      initialValue: valueAt(result?.values, name),
    };
  };
  const fields = new Proxy({} as Record<keyof Values & string, FieldInfo>, {
    get: (_target, name) => (typeof name === "string" ? field(name) : undefined),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter?.getAttribute("name") === INTENT_NAME;
    if (!intent && beforeSubmit && !beforeSubmit(event.currentTarget)) {
      event.preventDefault();
      setStopped((count) => count + 1);
    }
  };

  const { "": formError, ...fieldErrors } = errors;
  return {
    fields,
    field,
    /** First error of every field by name (`phases[1].name`), as the server sent them. */
    errors,
    formProps: { id, onSubmit, noValidate: true },
    summary: { message: formError ?? result?.message, fieldErrors, focusKey },
  };
}

/** A field as Field's props: name, its first error, required and limits, what was typed. */
export function fieldProps(field: FieldInfo) {
  const { initialValue } = field;
  return {
    name: field.name,
    error: field.errors?.[0],
    required: field.required,
    constraints: { minLength: field.minLength, maxLength: field.maxLength, min: field.min, max: field.max },
    defaultValue: typeof initialValue === "string" ? initialValue : undefined,
  };
}
