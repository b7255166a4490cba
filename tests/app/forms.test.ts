/**
 * The form pipeline (app/lib/forms.server.ts and app/lib/forms.ts): a FormData read with the
 * procedure's zod schema, nested and repeated fields by conform's names, refusals translated per
 * field in the visitor's language, and the page rendered (as without JavaScript) with the
 * schema's limits on the controls and the errors by the fields.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorSummary, Field, type ControlProps } from "../../app/components/form";
import { translatorFor } from "../../app/i18n";
import { TranslatorProvider } from "../../app/i18n/react";
import "../../app/i18n/messages.server";
import { actionFailure, type ActionFailure } from "../../app/lib/actions";
import { parseSubmission, schemaConstraint } from "../../app/lib/forms.server";
import { fieldProps, useSchemaForm, type FormFailure } from "../../app/lib/forms";
import { loginInput, registerInput, type LoginInput } from "../../server/auth/schemas";
import type { Locale } from "../../server/i18n/locale";
import { ideaFields } from "../../server/idea/schemas";
import { describeError } from "../../server/trpc/error-shape";
import { fieldError } from "../../server/trpc/errors";
import { z } from "../../server/validation";

/** A call for proposals with its phases: the kind of list the next forms need. */
const callInput = z.object({
  title: z.string().trim().min(1).min(5).max(140),
  seats: z.number().int().min(1).max(50),
  phases: z
    .array(
      z.object({
        name: z.string().trim().min(1).min(3).max(80),
        startsAt: z.iso.date(),
        notes: z.string().max(300).optional(),
      }),
    )
    .min(1)
    .max(6),
});

const contextIn = (locale: Locale) => ({ describeError: (error: unknown) => describeError(error, locale) });

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

async function replyOf(result: ReturnType<typeof parseSubmission>) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return { status: result.reply.status, body: (await result.reply.json()) as ActionFailure };
}

describe("parseSubmission: reading a form with the procedure's schema", () => {
  it("reads a list of phases from bracketed names into typed values", () => {
    const result = parseSubmission(
      contextIn("es"),
      form([
        ["title", "  Reto de energía solar  "],
        ["seats", "12"],
        ["phases[0].name", "Inscripción"],
        ["phases[0].startsAt", "2026-03-01"],
        ["phases[1].name", "Evaluación"],
        ["phases[1].startsAt", "2026-04-15"],
        ["phases[1].notes", ""],
      ]),
      callInput,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        title: "Reto de energía solar",
        seats: 12,
        phases: [
          { name: "Inscripción", startsAt: "2026-03-01" },
          { name: "Evaluación", startsAt: "2026-04-15" },
        ],
      },
    });
    // An empty optional field is no value, not an empty string.
    expect(result.ok ? result.value.phases[1]?.notes : "refused").toBeUndefined();
  });

  it("answers 400 with each item's own error under its form name, translated, and keeps what was typed", async () => {
    const { status, body } = await replyOf(
      parseSubmission(
        contextIn("es"),
        form([
          ["title", "Reto de energía solar"],
          ["seats", "doce"],
          ["phases[0].name", "Inscripción"],
          ["phases[0].startsAt", "2026-03-01"],
          ["phases[1].name", "Ev"],
          ["phases[1].startsAt", ""],
        ]),
        callInput,
      ),
    );
    expect(status).toBe(400);
    expect(body.fieldErrors).toEqual({
      seats: "Este valor no es válido.",
      "phases[1].name": "Debe tener al menos 3 caracteres.",
      "phases[1].startsAt": "Este campo es obligatorio.",
    });
    expect(body.values).toEqual({
      title: "Reto de energía solar",
      seats: "doce",
      phases: [
        { name: "Inscripción", startsAt: "2026-03-01" },
        { name: "Ev", startsAt: "" },
      ],
    });
  });

  it("speaks the visitor's language, with the schema's limits in the sentence", async () => {
    const { body } = await replyOf(parseSubmission(contextIn("en"), form([["title", "Reto"]]), callInput));
    expect(body.fieldErrors).toMatchObject({ title: "Must be at least 5 characters.", seats: "This field is required." });
  });

  it("never sends a password back to the page", async () => {
    const { body } = await replyOf(
      parseSubmission(contextIn("es"), form([["email", "no-es-un-correo"], ["password", "mi-clave-secreta"]]), loginInput, {
        secret: ["password"],
      }),
    );
    expect(body.fieldErrors).toEqual({ email: "Escribe un correo electrónico válido, por ejemplo nombre@dominio.co." });
    expect(body.values).toEqual({ email: "no-es-un-correo" });
    expect(JSON.stringify(body)).not.toContain("mi-clave-secreta");
  });

  it("sends back only the schema's fields, not whatever else the body carried", async () => {
    const { body } = await replyOf(parseSubmission(contextIn("es"), form([["email", ""], ["relleno", "x".repeat(1000)]]), loginInput));
    expect(body.values).toEqual({ email: "" });
  });

  it.each([
    ["a list index no page sends", "phases[99999999].name"],
    ["names nested without end", `title${".x".repeat(40)}`],
  ])("refuses %s with a 400 and a sentence, before building anything from it", async (_label, name) => {
    const { status, body } = await replyOf(parseSubmission(contextIn("es"), form([[name, "x"]]), callInput));
    expect(status).toBe(400);
    expect(body).toMatchObject({ message: "La solicitud no es válida.", fieldErrors: {}, values: {} });
  });

  it.each([
    ["a prototype key", "__proto__.polluted"],
    ["a name conform cannot read", "phases]0[.name"],
    ["the name of conform's own state", "__state__"],
  ])("answers %s like any incomplete form: a 400 with field errors, nothing polluted", async (_label, name) => {
    const { status, body } = await replyOf(parseSubmission(contextIn("es"), form([[name, "{x"]]), callInput));
    expect(status).toBe(400);
    expect(body.message.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers a list button pressed without JavaScript with the longer list and no errors", async () => {
    const result = parseSubmission(
      contextIn("es"),
      form([
        ["title", "Reto de energía solar"],
        ["phases[0].name", "Inscripción"],
        ["__intent__", JSON.stringify({ type: "insert", payload: { name: "phases" } })],
      ]),
      callInput,
    );
    const { status, body } = await replyOf(result);
    expect(status).toBe(200);
    expect(body.fieldErrors).toEqual({});
    expect((body.values.phases as unknown[]).length).toBe(2);
  });
});

describe("actionFailure: a procedure's refusal in the same shape", () => {
  it("names a procedure's zod error on a list item as the form does", async () => {
    const refused = callInput.safeParse({ title: "Reto de energía solar", seats: 3, phases: [{ name: "Uno", startsAt: "2026-03-01" }, { name: "", startsAt: "2026-04-01" }] });
    expect(refused.success).toBe(false);
    const reply = actionFailure(contextIn("es"), refused.error);
    expect(((await reply.json()) as ActionFailure).fieldErrors).toEqual({ "phases[1].name": "Este campo es obligatorio." });
  });

  it("keeps an AppError's field and message", async () => {
    const reply = actionFailure(contextIn("en"), fieldError("email", "auth.emailTaken", {}, "CONFLICT"), { email: "ana@example.co" });
    expect(reply.status).toBe(409);
    expect(await reply.json()).toEqual({
      ok: false,
      message: "An account with this email already exists.",
      fieldErrors: { email: "An account with this email already exists." },
      values: { email: "ana@example.co" },
    });
  });
});

describe("schemaConstraint: the controls' attributes come from the schema", () => {
  it("gives lengths, ranges and required, for list items too", () => {
    const constraint = schemaConstraint(callInput);
    expect(constraint.title).toEqual({ required: true, minLength: 5, maxLength: 140 });
    expect(constraint.seats).toEqual({ required: true, min: 1, max: 50 });
    expect(constraint["phases[].name"]).toEqual({ required: true, minLength: 3, maxLength: 80 });
    expect(constraint["phases[].notes"]).toEqual({ required: false, maxLength: 300 });
  });

  it("matches the rules of sign-up and of a new idea", () => {
    const register = schemaConstraint(registerInput);
    expect(register.password).toMatchObject({ required: true, minLength: 10, maxLength: 128 });
    expect(register.email).toMatchObject({ required: true, maxLength: 254 });
    expect(schemaConstraint(ideaFields).summary).toMatchObject({ required: true, minLength: 20, maxLength: 500 });
  });
});

/** The sign-in form as the server renders it (what a browser without JavaScript shows). */
function renderLogin(result: FormFailure | undefined, locale: Locale = "es"): string {
  function LoginForm() {
    const { fields, formProps, summary } = useSchemaForm<LoginInput>({ id: "login-form", constraint: schemaConstraint(loginInput), result });
    return createElement(
      "form",
      { ...formProps, method: "post" },
      createElement(ErrorSummary, { title: "Revisa los campos marcados", ...summary }),
      createElement(Field, { ...fieldProps(fields.email), label: "Correo", children: (p: ControlProps) => createElement("input", { ...p, type: "email" }) }),
      createElement(Field, {
        ...fieldProps(fields.password),
        label: "Contraseña",
        children: (p: ControlProps) => createElement("input", { ...p, type: "password" }),
      }),
    );
  }
  return renderToStaticMarkup(createElement(TranslatorProvider, { translator: translatorFor(locale, []), children: createElement(LoginForm) }));
}

describe("useSchemaForm: the page after a refused submission", () => {
  it("puts the schema's limits on the controls before anything is sent", () => {
    const html = renderLogin(undefined);
    expect(html).toMatch(/<input[^>]*id="field-email"[^>]*required=""[^>]*maxLength="254"|<input[^>]*maxLength="254"[^>]*id="field-email"/);
    expect(html).toContain('maxLength="1024"');
    expect(html).toContain('novalidate=""');
    expect(html).not.toContain("error-summary");
  });

  it("shows the server's errors by each field and in the summary, with what was typed", async () => {
    const { body } = await replyOf(parseSubmission(contextIn("es"), form([["email", "ana@"], ["password", ""]]), loginInput, { secret: ["password"] }));
    const html = renderLogin(body);
    expect(html).toContain('<p class="error" id="field-email-error">Escribe un correo electrónico válido, por ejemplo nombre@dominio.co.</p>');
    expect(html).toContain('<p class="error" id="field-password-error">Este campo es obligatorio.</p>');
    expect(html).toContain('href="#field-email"');
    expect(html).toContain('href="#field-password"');
    expect(html).toMatch(/id="field-email"[^>]*value="ana@"/);
    expect(html).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
  });

  it("shows a message without fields (wrong password) as the summary's title", () => {
    const html = renderLogin({ message: "El correo o la contraseña no son correctos.", fieldErrors: {}, values: { email: "ana@example.co" } });
    expect(html).toContain("<h2>El correo o la contraseña no son correctos.</h2>");
    expect(html).not.toContain('class="error"');
  });
});
