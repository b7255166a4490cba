import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { InviteFields } from "~/components/alliance-lead";
import { ErrorSummary, Field, RecordSelect } from "~/components/form";
import { limits } from "~/lib/alliance-format";
import { fieldProps, useSchemaForm } from "~/lib/forms";
import { titledPage } from "~/lib/meta";
import { newAllianceAction, newAlliancePage } from "~/lib/alliances.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const handle = copyAreas("alianzas");
export const clientLoader = loadCopyAreas("alianzas");

export const meta = titledPage("alliances.new");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await newAlliancePage(context, request));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return newAllianceAction(context, request);
}

export default function NewAlliancePage() {
  const { t } = useTranslation();
  const { subject, mayProposeSelf, owned, organizations, forbidden, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { field, errors, formProps, summary } = useSchemaForm({ id: "new-alliance-form", constraint, result });
  const labels = {
    title: t("alliances.name"),
    purpose: t("alliances.purpose"),
    expectedOutcome: t("alliances.outcome"),
    organizationId: t("alliances.onBehalf"),
    organizationIds: t("alliances.orgs"),
    emails: t("alliances.emails"),
  };
  const text = (name: keyof typeof labels) => {
    const props = fieldProps(field(name));
    return { ...props, label: labels[name], constraints: limits(props.constraints) };
  };
  return (
    <section className="page narrow" aria-labelledby="new-alliance-title">
      <p>
        <Link to="/alianzas">{t("alliances.back")}</Link>
      </p>
      <h1 id="new-alliance-title">{t("alliances.new")}</h1>
      {subject ? (
        <p className="lead">
          {t(subject.kind === "idea" ? "alliances.idea" : "alliances.call")}: <Link to={subject.href}>{subject.title}</Link>
        </p>
      ) : null}
      <p>{t("alliances.lead")}</p>
      {!subject ? (
        <p className="notice">{t("alliances.noSubject")}</p>
      ) : forbidden ? (
        <p className="notice">{forbidden}</p>
      ) : (
        <Form method="post" className="stack" {...formProps}>
          <input type="hidden" name={subject.kind === "idea" ? "ideaId" : "callId"} value={subject.id} />
          <ErrorSummary title={t("form.errorSummary")} {...summary} labels={labels} />
          <Field {...text("title")}>{(control) => <input {...control} type="text" />}</Field>
          <Field {...text("purpose")}>{(control) => <textarea {...control} rows={4} />}</Field>
          <Field {...text("expectedOutcome")}>{(control) => <textarea {...control} rows={3} />}</Field>
          {owned.length > 0 ? (
            <Field {...text("organizationId")}>
              {(control) => (
                <RecordSelect
                  control={control}
                  records={owned}
                  noneLabel={mayProposeSelf ? t("alliances.myself") : undefined}
                  defaultValue={control.defaultValue}
                />
              )}
            </Field>
          ) : null}
          <InviteFields organizations={organizations} errors={errors} values={(result?.values ?? {}) as Record<string, unknown>} />
          <button type="submit">{t("alliances.create")}</button>
        </Form>
      )}
    </section>
  );
}
