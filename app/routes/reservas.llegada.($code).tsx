import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { titledPage } from "~/lib/meta";
import { checkInAction, checkInPage } from "~/lib/bookings.server";

export const meta = titledPage("bookings.arrival.title");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await checkInPage(context, request, params.code));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return checkInAction(context, request);
}

/** Where a pass's QR code leads: the booker (or the Secretariat's reception) confirms the arrival. */
export default function ArrivalPage() {
  const { t } = useTranslation();
  const { code } = useLoaderData<typeof loader>();
  const failure = intentFailure(useActionData<typeof action>() as FormFailure | undefined, "checkIn");
  return (
    <section className="page narrow" aria-labelledby="arrival-title">
      <h1 id="arrival-title">{t("bookings.arrival.title")}</h1>
      <p className="lead">{t("bookings.arrival.lead")}</p>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="checkIn" />
        {failure ? <ErrorSummary title={t("form.errorSummary")} message={failure.general} fieldErrors={failure.errors} labels={{ code: t("bookings.pass.code") }} /> : null}
        <Field name="code" label={t("bookings.pass.code")} hint={t("bookings.arrival.codeHint")} error={failure?.errors.code} required constraints={{ minLength: 4, maxLength: 12 }} defaultValue={(failure?.values.code as string | undefined) ?? code}>
          {(control) => <input {...control} type="text" autoCapitalize="characters" autoComplete="off" spellCheck={false} />}
        </Field>
        <p>
          <button type="submit">{t("bookings.pass.checkIn")}</button>
        </p>
      </Form>
    </section>
  );
}
