import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ChoiceField, ErrorSummary } from "~/components/form";
import { useTranslation } from "~/i18n/react";
import { actionFailure } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { parseSubmission } from "~/lib/forms.server";
import { titledPage } from "~/lib/meta";
import { preferencesForm } from "~/lib/notifications.server";

export const meta = titledPage("preferences.title");

const DELIVERIES = ["IMMEDIATE", "DAILY", "NONE"] as const;

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  return json({ preferences: await context.caller.preferences.get() });
}

/** Saves every kind's choice at once; works without JavaScript. */
export async function action({ context, request }: ActionFunctionArgs) {
  if (!context.ctx.user) throw redirect("/ingresar?redirectTo=/cuenta/notificaciones");
  const form = await readForm({ request, context });
  const fields = parseSubmission(context, form, preferencesForm);
  if (!fields.ok) return fields.reply;
  try {
    await context.caller.preferences.set({
      preferences: Object.entries(fields.value).map(([kind, delivery]) => ({ kind: kind as keyof typeof fields.value, delivery })),
    });
  } catch (error) {
    return actionFailure(context, error, fields.values);
  }
  return redirect("/cuenta/notificaciones?aviso=guardadas");
}

export default function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { preferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const labels = Object.fromEntries(preferences.map((p) => [p.kind, t(`preferences.kind.${p.kind}` as never)]));
  return (
    <section className="page narrow" aria-labelledby="preferences-title">
      <p>
        <Link to="/notificaciones">← {t("notifications.title")}</Link>
      </p>
      <h1 id="preferences-title">{t("preferences.title")}</h1>
      <p className="lead">{t("preferences.lead")}</p>
      <p className="hint">{t("preferences.digestHint")}</p>
      <DoneNotice prefix="preferences." param="aviso" words={{ guardadas: "saved" }} />
      {result ? <ErrorSummary title={t("form.errorSummary")} message={result.message} fieldErrors={result.fieldErrors} labels={labels} /> : null}
      <Form method="post" noValidate>
        {preferences.map((p) => (
          <ChoiceField
            key={p.kind}
            name={p.kind}
            legend={labels[p.kind]!}
            error={result?.fieldErrors[p.kind]}
            required
            options={DELIVERIES.map((value) => ({ value, label: t(`preferences.${value}`) }))}
            defaultValue={typeof result?.values[p.kind] === "string" ? (result.values[p.kind] as string) : p.delivery}
          />
        ))}
        <button type="submit" disabled={busy}>
          {t("preferences.save")}
        </button>
      </Form>
    </section>
  );
}
