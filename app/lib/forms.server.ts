/**
 * The action side of the form pipeline (the component side is ./forms.ts): a form's FormData is
 * read into values with the procedure's own zod schema, by conform's naming convention
 * (`phases[1].name`), and every refusal becomes the same answer as a procedure's error
 * (actionFailure), translated by describeError. Routes never read or cast a field themselves.
 */
import { json, type AppLoadContext, type TypedResponse } from "@remix-run/node";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ControlConstraints } from "../components/form";
import { AppError } from "../../server/trpc/errors";
import { z } from "../../server/validation";
import { actionFailure, type ActionFailure, type FormValues } from "./actions";

/** No list in our forms comes near this; a bigger index is a crafted body (`a[99999999]`). */
export const MAX_LIST_ITEMS = 100;
/** How deep field names nest (`phases[0].criteria[1].name` is 4). */
const MAX_DEPTH = 8;

export type FormSchema = z.ZodObject<z.ZodRawShape, z.core.$ZodObjectConfig>;

export type ParsedSubmission<Schema extends FormSchema> =
  | {
      ok: true;
      value: z.output<Schema>;
      /** What was typed (secrets left out), for actionFailure when the procedure refuses it. */
      values: FormValues;
    }
  | { ok: false; reply: TypedResponse<ActionFailure> };

export interface ParseOptions {
  /** Fields never sent back to the page (passwords): the form shows them empty again. */
  secret?: readonly string[];
}

/**
 * Reads a submitted form with `schema`: `{ ok: true, value }` with the schema's typed output, or
 * `{ ok: false, reply }`, a 4xx answer carrying a translated message per field. A conform list
 * button pressed without JavaScript (insert/remove an item) is answered with the updated values
 * and no errors, so the page renders the list again.
 */
export function parseSubmission<Schema extends FormSchema>(
  context: Pick<AppLoadContext, "describeError">,
  formData: FormData | URLSearchParams,
  schema: Schema,
  options: ParseOptions = {},
): ParsedSubmission<Schema> {
  let submission: ReturnType<typeof readWith<Schema>>;
  try {
    submission = readWith(formData, schema);
  } catch {
    // conform refuses names it cannot read (`a]b`, `__proto__`) and broken intents by throwing.
    return refused(context);
  }
  if (!withinLimits(submission.payload, 0)) return refused(context);
  const values = echoedValues(submission.payload, schema, options.secret ?? []);
  if (submission.status === "success") return { ok: true, value: submission.value, values };
  if (submission.status !== "error") return { ok: false, reply: json<ActionFailure>({ ok: false, message: "", fieldErrors: {}, values }) };
  const issues = Object.values(submission.error ?? {}).flatMap((list) => list ?? []);
  return { ok: false, reply: actionFailure(context, new FormIssues(issues), values) };
}

/**
 * The form's zod issues, shaped as describeError reads a ZodError. A real Error, because tRPC
 * keeps only an Error as the cause it describes (`new z.ZodError()` is not one in zod 4.6).
 */
class FormIssues extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super("The form's fields did not pass its schema");
  }
}

/** The issues themselves, not conform's strings: describeError needs their limits. */
function readWith<Schema extends FormSchema>(formData: FormData | URLSearchParams, schema: Schema) {
  return parseWithZod(formData, { schema, formatError: (issues: z.core.$ZodIssue[]) => issues });
}

function refused(context: Pick<AppLoadContext, "describeError">): ParsedSubmission<never> {
  return { ok: false, reply: actionFailure(context, new AppError("BAD_REQUEST", "request.invalid")) };
}

/** False for a payload no page of ours sends: a huge list index or names nested without end. */
function withinLimits(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    // A sparse array's length is its largest index: checked before anything walks it.
    return value.length <= MAX_LIST_ITEMS && value.every((item) => withinLimits(item, depth + 1));
  }
  if (value && typeof value === "object" && !(value instanceof Blob)) {
    return Object.values(value).every((item) => withinLimits(item, depth + 1));
  }
  return true;
}

/** The schema's own fields as typed, without secrets or files: what the page shows again. */
function echoedValues(payload: Record<string, unknown>, schema: FormSchema, secret: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const name of Object.keys(schema.shape)) {
    if (secret.includes(name) || !(name in payload)) continue;
    values[name] = withoutFiles(payload[name]);
  }
  return values;
}

function withoutFiles(value: unknown): unknown {
  if (value instanceof Blob) return undefined;
  if (Array.isArray(value)) return value.map(withoutFiles);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutFiles(item)]));
  }
  return value;
}

type Constraint = ReturnType<typeof getZodConstraint>[string];

/** What zod reports for `.int()` without explicit limits: no limit worth an attribute. */
const SAFE_INTEGER_LIMIT = Number.MAX_SAFE_INTEGER;

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode | JsonSchemaNode[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/**
 * An action whose forms say what they do in a hidden `intent` field, each intent with its own
 * schema: an unknown intent is a 400, a refused form answers with its field errors, and what
 * `perform` throws comes back as the form's failure, with what was typed. `perform` gets the
 * parsed values (their `intent` tells which schema read them) and answers, usually with a redirect.
 */
export async function intentAction<Forms extends Record<string, FormSchema>>(
  context: Pick<AppLoadContext, "describeError">,
  form: FormData,
  forms: Forms,
  perform: (values: z.output<Forms[keyof Forms]>, intent: keyof Forms & string) => Promise<Response>,
): Promise<Response> {
  const intent = form.get("intent");
  if (typeof intent !== "string" || !Object.hasOwn(forms, intent)) return actionFailure(context, new AppError("BAD_REQUEST", "request.invalid"));
  const submission = parseSubmission(context, form, forms[intent]!);
  if (!submission.ok) return submission.reply;
  try {
    return await perform(submission.value as z.output<Forms[keyof Forms]>, intent);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
}

/**
 * conform's constraints for `schema` (names, required, lists), with the length and range limits
 * zod itself reports. conform 1.21 reads those from `schema._zod.bag`, which zod 4.6 no longer
 * fills (edmundhung/conform#1340), so it would drop every maxLength; zod's own JSON Schema keeps
 * them. Keyed as conform names fields: `title`, `phases[].name`.
 */
export function schemaConstraint(schema: FormSchema): Record<string, Constraint> {
  const constraint = getZodConstraint(schema);
  const described = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchemaNode;
  const visit = (node: JsonSchemaNode, name: string) => {
    const target = name ? constraint[name] : undefined;
    if (target) Object.assign(target, limitsOf(node));
    for (const [key, child] of Object.entries(node.properties ?? {})) visit(child, name ? `${name}.${key}` : key);
    if (node.items && !Array.isArray(node.items)) visit(node.items, `${name}[]`);
  };
  visit(described, "");
  return constraint;
}

function limitsOf(node: JsonSchemaNode): ControlConstraints {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const limits: ControlConstraints = {};
  if (types.includes("string")) {
    if (node.minLength !== undefined) limits.minLength = node.minLength;
    if (node.maxLength !== undefined) limits.maxLength = node.maxLength;
  }
  if (types.includes("number") || types.includes("integer")) {
    if (node.minimum !== undefined && node.minimum > -SAFE_INTEGER_LIMIT) limits.min = node.minimum;
    if (node.maximum !== undefined && node.maximum < SAFE_INTEGER_LIMIT) limits.max = node.maximum;
  }
  return limits;
}

// Routes reach the procedures' schemas through this module, so the browser build never bundles zod.
export { loginInput, registerInput } from "../../server/auth/schemas";
export { ideaFields, ideaFormFields } from "../../server/idea/schemas";
export { leaveIdeaInput } from "../../server/coauthor/schemas";
