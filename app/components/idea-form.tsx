import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field, RecordSelect } from "~/components/form";
import { attachmentProblem } from "~/lib/attachment-check";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { ATTACHMENT_ACCEPT, ATTACHMENT_TYPES, MAX_ATTACHMENTS, formatSize, maxBytesFor } from "../../server/files/rules";
import { Sector } from "../../server/db/generated/enums";
import type { IdeaFields } from "../../server/idea/schemas";

const SECTORS = Object.values(Sector);

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

export interface IdeaFormProps {
  id: string;
  constraint: FormConstraint;
  result: FormFailure | undefined;
  /** Organizations the idea may be posted on behalf of (the person's memberships, and the idea's current one). */
  organizations: readonly { id: string; name: string }[];
  /** The idea as saved (edit page): the fields start with these values. */
  saved?: IdeaFields & { organizationId: string | null };
  /** Files already attached (edit page), each with a "remove" checkbox. */
  attachments?: readonly { id: string; name: string; size: number }[];
  /** The two buttons: keep working on it, or send it to the Secretariat's review. */
  buttons: { draft: string; submit: string };
}

/**
 * The idea form of /ideas/nueva and /ideas/:id/editar: a multipart post (the files stream to the
 * server with the fields) that works without JavaScript. The pressed button's `intent` says
 * whether the idea stays a draft or goes to review.
 */
export function IdeaForm({ id, constraint, result, organizations, saved, attachments = [], buttons }: IdeaFormProps) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const pressed = busy ? navigation.formData?.get("intent") : null;
  const [fileCheck, setFileCheck] = useState<FileCheck | null>(null);
  /** Checks the files' declared sizes and types; true when they may be sent. */
  const checkFiles = (input: HTMLInputElement | null) => {
    const problem = attachmentProblem(Array.from(input?.files ?? []), i18n);
    setFileCheck({ problem, result });
    return problem === null;
  };
  const { fields, errors, formProps, summary } = useSchemaForm<IdeaFields & { organizationId?: string }>({
    id,
    constraint,
    result,
    // Remix's <Form> does not submit when the event is cancelled: nothing is uploaded.
    beforeSubmit: (form) => checkFiles(form.querySelector<HTMLInputElement>("input[type=file]")),
  });
  // A newer server answer supersedes what the browser found before it.
  const fileProblem = fileCheck && fileCheck.result === result ? fileCheck.problem : null;
  const attachmentsError = fileProblem ?? errors.attachments ?? errors.attachmentIds;
  const summaryErrors = fileProblem ? { ...summary.fieldErrors, attachments: fileProblem } : summary.fieldErrors;
  const limits = Object.fromEntries(ATTACHMENT_TYPES.map((type) => [type.label, formatSize(maxBytesFor(type), i18n.language)]));
  /** What was typed before a failed submit, else what is saved. */
  const withSaved = (field: ReturnType<typeof fieldProps>, value: string | null | undefined) => ({
    ...field,
    defaultValue: field.defaultValue ?? value ?? undefined,
  });
  const sector = withSaved(fieldProps(fields.sector), saved?.sector);
  const organization = withSaved(fieldProps(fields.organizationId), saved?.organizationId);
  return (
    <>
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
          organizationId: t("ideaForm.organization"),
          attachments: t("newIdea.field.attachments"),
          attachmentIds: t("newIdea.field.attachments"),
        }}
      />
      <Form method="post" encType="multipart/form-data" className="stack" {...formProps}>
        {TEXT_FIELDS.map(({ name, rows }) => (
          <Field key={name} {...withSaved(fieldProps(fields[name]), saved?.[name])} label={t(`newIdea.field.${name}`)} hint={t(`newIdea.field.${name}Hint`)}>
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
        {organizations.length > 0 ? (
          <Field {...organization} label={t("ideaForm.organization")} hint={t("ideaForm.organizationHint")}>
            {(p) => <RecordSelect control={p} records={organizations} noneLabel={t("ideaForm.ownName")} defaultValue={organization.defaultValue} />}
          </Field>
        ) : null}
        {attachments.length > 0 ? (
          <fieldset className="field">
            <legend>{t("ideaForm.attached")}</legend>
            <p className="hint">{t("ideaForm.attachedHint")}</p>
            {attachments.map((file) => (
              <label key={file.id} className="choice">
                <input type="checkbox" name={`remove-${file.id}`} value="on" />{" "}
                {t("ideaForm.removeAttachment", { name: file.name, size: formatSize(file.size, i18n.language) })}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Field
          name="attachments"
          label={t("newIdea.field.attachments")}
          hint={t("newIdea.field.attachmentsHint", { count: MAX_ATTACHMENTS, pdf: limits.PDF, image: limits.PNG })}
          error={attachmentsError}
        >
          {(p) => <input {...p} type="file" multiple accept={ATTACHMENT_ACCEPT} onChange={(event) => checkFiles(event.currentTarget)} />}
        </Field>
        <p className="hint" id={`${id}-buttons-hint`}>
          {t("ideaForm.buttonsHint")}
        </p>
        <div className="actions">
          <button type="submit" name="intent" value="draft" className="secondary" disabled={busy} aria-describedby={`${id}-buttons-hint`}>
            {pressed === "draft" ? t("ideaForm.saving") : buttons.draft}
          </button>
          <button type="submit" name="intent" value="submit" disabled={busy} aria-describedby={`${id}-buttons-hint`}>
            {pressed === "submit" ? t("ideaForm.sending") : buttons.submit}
          </button>
        </div>
      </Form>
    </>
  );
}
