import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Field } from "~/components/form";
import { attachmentProblem } from "~/lib/attachment-check";
import { assertFormRequest } from "~/lib/form-request.server";
import { submitNewIdea } from "~/lib/idea-form.server";
import { Sector } from "../../server/db/generated/enums";
import { ATTACHMENT_ACCEPT, ATTACHMENT_TYPES, MAX_ATTACHMENTS, formatSize, maxBytesFor } from "../../server/files/rules";

export const meta: MetaFunction = () => [{ title: "Proponer una idea · Cocrea" }];

const SECTORS = Object.values(Sector);
const NO_ERRORS: Record<string, string> = {};

/** What the browser found in the chosen files, on top of one server answer (`result`). */
interface FileCheck {
  problem: string | null;
  /** Found on submit (focus goes to the summary) or while choosing files (focus stays). */
  onSubmit: boolean;
  result: unknown;
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { user } = context.ctx;
  if (!user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  return json({ canCreate: user.role === "ENTREPRENEUR" });
}

export async function action({ context, request }: ActionFunctionArgs) {
  // Method and content type are checked before the upload parser reads any of the body.
  assertFormRequest({ request, context }, "multipart");
  return submitNewIdea(context, request);
}

export default function NewIdeaPage() {
  const { t, i18n } = useTranslation();
  const { canCreate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [fileCheck, setFileCheck] = useState<FileCheck | null>(null);
  // A newer server answer supersedes what the browser found before it.
  const check = fileCheck?.result === result ? fileCheck : null;
  const serverErrors = result?.fieldErrors ?? NO_ERRORS;
  const errors = useMemo(
    () => (check?.problem ? { ...serverErrors, attachments: check.problem } : serverErrors),
    [serverErrors, check],
  );
  const values = result?.values ?? {};
  /** Checks the files' declared sizes and types; true when they may be sent. */
  const checkFiles = (input: HTMLInputElement | null, onSubmit: boolean) => {
    const problem = attachmentProblem(Array.from(input?.files ?? []), i18n.language);
    setFileCheck({ problem, onSubmit, result });
    return problem === null;
  };
  const refuseBadFiles = (event: FormEvent<HTMLFormElement>) => {
    // Remix's <Form> does not submit when the event is cancelled: nothing is uploaded.
    if (!checkFiles(event.currentTarget.querySelector<HTMLInputElement>("input[type=file]"), true)) event.preventDefault();
  };
  if (!canCreate) {
    return (
      <section className="page narrow" aria-labelledby="new-idea-title">
        <h1 id="new-idea-title">{t("newIdea.title")}</h1>
        <p className="notice">{t("newIdea.onlyEntrepreneurs")}</p>
      </section>
    );
  }
  const limits = Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type.label, formatSize(maxBytesFor(type), i18n.language)]));
  const text = (name: "title" | "summary" | "problem" | "solution", max: number, rows?: number) => (
    <Field name={name} label={t(`newIdea.field.${name}`)} hint={t(`newIdea.field.${name}Hint`)} error={errors[name]} required>
      {(p) =>
        rows ? (
          <textarea {...p} rows={rows} maxLength={max} defaultValue={values[name]} />
        ) : (
          <input {...p} type="text" maxLength={max} defaultValue={values[name]} />
        )
      }
    </Field>
  );
  return (
    <section className="page narrow" aria-labelledby="new-idea-title">
      <h1 id="new-idea-title">{t("newIdea.title")}</h1>
      <p className="lead">{t("newIdea.lead")}</p>
      <ErrorSummary
        title={t("newIdea.errorSummary")}
        message={result?.message}
        fieldErrors={errors}
        moveFocus={check ? check.onSubmit : true}
        labels={{
          title: t("newIdea.field.title"),
          summary: t("newIdea.field.summary"),
          problem: t("newIdea.field.problem"),
          solution: t("newIdea.field.solution"),
          sector: t("newIdea.field.sector"),
          attachments: t("newIdea.field.attachments"),
        }}
      />
      <Form method="post" encType="multipart/form-data" noValidate className="stack" onSubmit={refuseBadFiles}>
        {text("title", 140)}
        {text("summary", 500, 3)}
        {text("problem", 5000, 6)}
        {text("solution", 5000, 6)}
        <Field name="sector" label={t("newIdea.field.sector")} error={errors.sector} required>
          {(p) => (
            <select {...p} defaultValue={values.sector ?? ""}>
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
          error={errors.attachments ?? errors.attachmentIds}
        >
          {(p) => (
            <input
              {...p}
              required={false}
              type="file"
              multiple
              accept={ATTACHMENT_ACCEPT}
              onChange={(event) => checkFiles(event.currentTarget, false)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? t("newIdea.submitting") : t("newIdea.submit")}
        </button>
      </Form>
    </section>
  );
}
