import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Field } from "~/components/form";
import { actionFailure, formValues } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";

export const meta: MetaFunction = () => [{ title: "Crear cuenta · Cocrea" }];

const ROLES = ["ENTREPRENEUR", "ACADEMIA", "COMPANY"] as const;

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.ctx.user) throw redirect("/");
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await readForm({ request, context });
  const values = formValues(formData, ["name", "email", "role"]);
  try {
    await context.caller.auth.register({
      name: values.name!,
      email: values.email!,
      role: values.role as (typeof ROLES)[number],
      password: String(formData.get("password") ?? ""),
    });
  } catch (error) {
    return actionFailure(context, error, values);
  }
  return redirect(values.role === "ENTREPRENEUR" ? "/ideas/nueva" : "/ideas");
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <section className="page narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t("register.title")}</h1>
      <p className="lead">{t("register.lead")}</p>
      <ErrorSummary
        title={t("form.errorSummary")}
        message={result?.message}
        fieldErrors={errors}
        labels={{ name: t("register.name"), email: t("register.email"), password: t("register.password"), role: t("register.role") }}
      />
      <Form method="post" noValidate className="stack">
        <Field name="name" label={t("register.name")} error={errors.name} required>
          {(p) => <input {...p} type="text" autoComplete="name" maxLength={120} defaultValue={result?.values.name} />}
        </Field>
        <Field name="email" label={t("register.email")} error={errors.email} required>
          {(p) => <input {...p} type="email" autoComplete="email" maxLength={254} defaultValue={result?.values.email} />}
        </Field>
        <Field name="password" label={t("register.password")} hint={t("register.passwordHint")} error={errors.password} required>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={10} maxLength={128} />}
        </Field>
        <fieldset className={errors.role ? "field has-error" : "field"} aria-describedby={errors.role ? "field-role-error" : undefined}>
          <legend>
            {t("register.role")} <span className="required">({t("form.required")})</span>
          </legend>
          {errors.role ? (
            <p className="error" id="field-role-error">
              {errors.role}
            </p>
          ) : null}
          {ROLES.map((role, index) => (
            <label key={role} className="choice">
              <input
                type="radio"
                name="role"
                value={role}
                id={index === 0 ? "field-role" : undefined}
                defaultChecked={(result?.values.role ?? "ENTREPRENEUR") === role}
              />{" "}
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
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
