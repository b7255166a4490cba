import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ChoiceField, ErrorSummary, Field } from "~/components/form";
import { actionFailure } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { parseSubmission, registerInput, schemaConstraint } from "~/lib/forms.server";
import { fieldProps, useSchemaForm } from "~/lib/forms";
import { titledPage } from "~/lib/meta";
import { SELF_REGISTER_ROLES } from "../../server/auth/roles";
import type { RegisterInput } from "../../server/auth/schemas";

export const meta = titledPage("account.register");

/** The roles anyone may choose: the same list the schema accepts. */
const ROLES = SELF_REGISTER_ROLES;

/** Where a new account starts: entrepreneurs propose an idea; academia and companies may set up their organization first. */
const NEXT_PAGE: Partial<Record<string, string>> = {
  ENTREPRENEUR: "/ideas/nueva",
  ACADEMIA: "/bienvenida/organizacion",
  COMPANY: "/bienvenida/organizacion",
};

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.ctx.user) throw redirect("/");
  return json({ constraint: schemaConstraint(registerInput) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await readForm({ request, context });
  const submission = parseSubmission(context, formData, registerInput, { secret: ["password"] });
  if (!submission.ok) return submission.reply;
  try {
    await context.caller.auth.register(submission.value);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
  return redirect(NEXT_PAGE[submission.value.role] ?? "/ideas");
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { fields, formProps, summary } = useSchemaForm<RegisterInput>({ id: "register-form", constraint: useLoaderData<typeof loader>().constraint, result });
  const role = fieldProps(fields.role);
  return (
    <section className="page narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t("register.title")}</h1>
      <p className="lead">{t("register.lead")}</p>
      <ErrorSummary
        title={t("form.errorSummary")}
        {...summary}
        labels={{ name: t("register.name"), email: t("register.email"), password: t("register.password"), role: t("register.role") }}
      />
      <Form method="post" className="stack" {...formProps}>
        <Field {...fieldProps(fields.name)} label={t("register.name")}>
          {(p) => <input {...p} type="text" autoComplete="name" />}
        </Field>
        <Field {...fieldProps(fields.email)} label={t("register.email")}>
          {(p) => <input {...p} type="email" autoComplete="email" />}
        </Field>
        <Field {...fieldProps(fields.password)} label={t("register.password")} hint={t("register.passwordHint")}>
          {(p) => <input {...p} type="password" autoComplete="new-password" />}
        </Field>
        <ChoiceField
          name={role.name}
          legend={t("register.role")}
          error={role.error}
          required={role.required}
          options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          defaultValue={role.defaultValue ?? ROLES[0]}
        />
        <button type="submit" disabled={busy}>
          {t("register.submit")}
        </button>
      </Form>
      <p>
        {t("register.haveAccount")} <Link to="/ingresar">{t("account.login")}</Link>
      </p>
    </section>
  );
}
