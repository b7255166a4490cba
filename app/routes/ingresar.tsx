import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Field } from "~/components/form";
import { actionFailure, formValues, safeRedirect } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";

export const meta: MetaFunction = () => [{ title: "Ingresar · Cocrea" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.ctx.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await readForm({ request, context });
  const values = formValues(formData, ["email"]);
  try {
    await context.caller.auth.login({ email: values.email!, password: String(formData.get("password") ?? "") });
  } catch (error) {
    return actionFailure(context, error, values);
  }
  return redirect(safeRedirect(formData.get("redirectTo")));
}

export default function LoginPage() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <ErrorSummary
        title={t("form.errorSummary")}
        message={result?.message}
        fieldErrors={result?.fieldErrors}
        labels={{ email: t("login.email"), password: t("login.password") }}
      />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field name="email" label={t("login.email")} error={result?.fieldErrors.email} required>
          {(p) => <input {...p} type="email" autoComplete="email" defaultValue={result?.values.email} maxLength={254} />}
        </Field>
        <Field name="password" label={t("login.password")} error={result?.fieldErrors.password} required>
          {(p) => <input {...p} type="password" autoComplete="current-password" maxLength={1024} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
      <p>
        {t("login.noAccount")} <Link to="/registro">{t("account.register")}</Link>
      </p>
    </section>
  );
}
