import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import { actionFailure, safeRedirect } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { loginInput, parseSubmission, schemaConstraint } from "~/lib/forms.server";
import { fieldProps, useSchemaForm } from "~/lib/forms";
import { titledPage } from "~/lib/meta";
import type { LoginInput } from "../../server/auth/schemas";

export const meta = titledPage("login.title");

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.ctx.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return json({ constraint: schemaConstraint(loginInput) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const formData = await readForm({ request, context });
  const submission = parseSubmission(context, formData, loginInput, { secret: ["password"] });
  if (!submission.ok) return submission.reply;
  try {
    await context.caller.auth.login(submission.value);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
  return redirect(safeRedirect(formData.get("redirectTo")));
}

export default function LoginPage() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { fields, formProps, summary } = useSchemaForm<LoginInput>({ id: "login-form", constraint: useLoaderData<typeof loader>().constraint, result });
  return (
    <section className="page narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={{ email: t("login.email"), password: t("login.password") }} />
      <Form method="post" className="stack" {...formProps}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field {...fieldProps(fields.email)} label={t("login.email")}>
          {(p) => <input {...p} type="email" autoComplete="email" />}
        </Field>
        <Field {...fieldProps(fields.password)} label={t("login.password")}>
          {(p) => <input {...p} type="password" autoComplete="current-password" />}
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
