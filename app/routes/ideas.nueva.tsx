import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Field } from "~/components/form";
import { attachmentProblem } from "~/lib/attachment-check";
import { assertFormRequest } from "~/lib/form-request.server";
import { fieldProps, useSchemaForm } from "~/lib/forms";
import { submitNewIdea } from "~/lib/idea-form.server";
import { titledPage } from "~/lib/meta";
import { can } from "../../server/authz/policy";
import { ATTACHMENT_ACCEPT, ATTACHMENT_TYPES, MAX_ATTACHMENTS, formatSize, maxBytesFor } from "../../server/files/rules";
import { Sector } from "../../server/db/generated/enums";
import { ideaFields, schemaConstraint } from "~/lib/forms.server";
import type { IdeaFields } from "../../server/idea/schemas";

const SECTORS = Object.values(Sector);

export const meta = titledPage("newIdea.title");

const TEXT_FIELDS = [
  { name: "title", rows: 0 },
  { name: "summary", rows: 3 },
  { name: "problem", rows: 6 },
  { name: "solution", rows: 6 },
] as const;

/** What the browser found in the chosen files, on top of one server answer (`result`). */
interface FileCheck {
  problem: string | null;
  result: unknown;
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { user } = context.ctx;
  if (!user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  return json({ canCreate: can(context.ctx.actor, "idea.create", null), constraint: schemaConstraint(ideaFields) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  // Method and content type are checked before the upload parser reads any of the body.
  assertFormRequest({ request, context }, "multipart");
  return submitNewIdea(context, request);
}

export default function NewIdeaPage() {
  const { t, i18n } = useTranslation();
  const { canCreate, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [fileCheck, setFileCheck] = useState<FileCheck | null>(null);
  /** Checks the files' declared sizes and types; true when they may be sent. */
  const checkFiles = (input: HTMLInputElement | null) => {
    const problem = attachmentProblem(Array.from(input?.files ?? []), i18n.language);
    setFileCheck({ problem, result });
    return problem === null;
  };
  const { fields, errors, formProps, summary } = useSchemaForm<IdeaFields>({
    id: "new-idea-form",
    constraint,
    result,
    // Remix's <Form> does not submit when the event is cancelled: nothing is uploaded.
    beforeSubmit: (form) => checkFiles(form.querySelector<HTMLInputElement>("input[type=file]")),
  });
  if (!canCreate) {
    return (
      <section className="page narrow" aria-labelledby="new-idea-title">
        <h1 id="new-idea-title">{t("newIdea.title")}</h1>
        <p className="notice">{t("newIdea.onlyEntrepreneurs")}</p>
      </section>
    );
  }
  // A newer server answer supersedes what the browser found before it.
  const fileProblem = fileCheck && fileCheck.result === result ? fileCheck.problem : null;
  const attachmentsError = fileProblem ?? errors.attachments ?? errors.attachmentIds;
  const summaryErrors = fileProblem ? { ...summary.fieldErrors, attachments: fileProblem } : summary.fieldErrors;
  const limits = Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type.label, formatSize(maxBytesFor(type), i18n.language)]));
  const sector = fieldProps(fields.sector);
  return (
    <section className="page narrow" aria-labelledby="new-idea-title">
      <h1 id="new-idea-title">{t("newIdea.title")}</h1>
      <p className="lead">{t("newIdea.lead")}</p>
      <ErrorSummary
        title={t("newIdea.errorSummary")}
        {...summary}
        fieldErrors={summaryErrors}
        labels={{
          title: t("newIdea.field.title"),
          summary: t("newIdea.field.summary"),
          problem: t("newIdea.field.problem"),
          solution: t("newIdea.field.solution"),
          sector: t("newIdea.field.sector"),
          attachments: t("newIdea.field.attachments"),
        }}
      />
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps}>
        {TEXT_FIELDS.map(({ name, rows }) => (
          <Field key={name} {...fieldProps(fields[name])} label={t(`newIdea.field.${name}`)} hint={t(`newIdea.field.${name}Hint`)}>
            {(p) => (rows ? <textarea {...p} rows={rows} /> : <input {...p} type="text" />)}
          </Field>
        ))}
        <Field {...sector} label={t("newIdea.field.sector")}>
          {(p) => (
            <select {...p} defaultValue={sector.defaultValue ?? ""}>
              <option value="" disabled>
                {t("newIdea.field.sectorPlaceholder")}
              </option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {t(`sector.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="attachments"
          label={t("newIdea.field.attachments")}
          hint={t("newIdea.field.attachmentsHint", { count: MAX_ATTACHMENTS, pdf: limits.PDF, image: limits.PNG })}
          error={attachmentsError}
        >
          {(p) => <input {...p} type="file" multiple accept={ATTACHMENT_ACCEPT} onChange={(event) => checkFiles(event.currentTarget)} />}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? t("newIdea.submitting") : t("newIdea.submit")}
        </button>
      </Form>
    </section>
  );
}
