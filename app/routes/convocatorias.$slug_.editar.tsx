import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CallPhaseBadge } from "~/components/call-card";
import { CallForm } from "~/components/call-form";
import { ChoiceField, ErrorSummary, Field } from "~/components/form";
import { editCallAction, editCallPage } from "~/lib/call-form.server";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { formatSize } from "../../server/files/rules";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? metaTranslator(matches)("callEdit.pageTitle", { title: data.call.title }) : undefined);

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await editCallPage(context, request, params.slug));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return editCallAction(context, request, params.slug);
}

/** What `?aviso=` may announce on this page (copy `callPage.notice.<key>`). */
const NOTICES = { guardada: "saved", reenviada: "resubmitted", decidida: "decided", cancelada: "cancelled", ampliada: "extended" } as const;

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function DecideForm({ constraint, result }: { constraint: FormConstraint; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "decide");
  const { field, formProps, summary } = useSchemaForm({ id: "decide-form", constraint, result: failure ? result : undefined });
  const decision = fieldProps(field("decision"));
  const reason = fieldProps(field("reason"));
  return (
    <section className="panel" aria-labelledby="decide-title">
      <h2 id="decide-title">{t("callEdit.decide.title")}</h2>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={{ decision: t("callEdit.decide.decision"), reason: t("callEdit.decide.reason") }} />
      <Form method="post" className="stack" {...formProps}>
        <input type="hidden" name="intent" value="decide" />
        <ChoiceField
          name="decision"
          legend={t("callEdit.decide.decision")}
          error={decision.error}
          required
          defaultValue={decision.defaultValue}
          options={(["approve", "requestChanges", "reject"] as const).map((d) => ({ value: d, label: t(`callEdit.decide.${d}`) }))}
        />
        <Field {...reason} label={t("callEdit.decide.reason")} hint={t("callEdit.decide.reasonHint")}>
          {(p) => <textarea {...p} rows={3} />}
        </Field>
        <div className="actions">
          <button type="submit">{t("callEdit.decide.button")}</button>
        </div>
      </Form>
    </section>
  );
}

function CancelForm({ constraint, result }: { constraint: FormConstraint; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "cancel");
  const { field, formProps, summary } = useSchemaForm({ id: "cancel-form", constraint, result: failure ? result : undefined });
  const reason = fieldProps(field("reason"));
  return (
    <section className="panel" aria-labelledby="cancel-title">
      <h2 id="cancel-title">{t("callEdit.cancel.title")}</h2>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={{ reason: t("callEdit.cancel.reason") }} />
      <Form method="post" className="stack" {...formProps}>
        <input type="hidden" name="intent" value="cancel" />
        <Field {...reason} id="field-cancel-reason" label={t("callEdit.cancel.reason")} hint={t("callEdit.cancel.reasonHint")}>
          {(p) => <textarea {...p} rows={3} />}
        </Field>
        <div className="actions">
          <button type="submit">
            {t("callEdit.cancel.title")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function ExtendForm({ constraint, result, closesAt }: { constraint: FormConstraint; result: FormFailure | undefined; closesAt: string }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "extend");
  const { field, formProps, summary } = useSchemaForm({ id: "extend-form", constraint, result: failure ? result : undefined });
  const date = fieldProps(field("closesAt"));
  return (
    <section className="panel" aria-labelledby="extend-title">
      <h2 id="extend-title">{t("callEdit.extend.title")}</h2>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={{ closesAt: t("callEdit.extend.closesAt") }} />
      <Form method="post" className="stack" {...formProps}>
        <input type="hidden" name="intent" value="extend" />
        <Field {...date} id="field-extend-closesAt" defaultValue={date.defaultValue ?? closesAt} required label={t("callEdit.extend.closesAt")} hint={t("callEdit.extend.hint")}>
          {(p) => <input {...p} type="datetime-local" />}
        </Field>
        <div className="actions">
          <button type="submit">{t("callEdit.extend.title")}</button>
        </div>
      </Form>
    </section>
  );
}

function TermsForm({ call, result }: { call: PageData["call"]; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const failure = intentFailure(result, "terms");
  const error = failure?.errors.terms ?? failure?.general;
  return (
    <section className="panel" aria-labelledby="terms-title">
      <h2 id="terms-title">{t("callEdit.terms.title")}</h2>
      {call.termsFile ? (
        <p>
          {t("callEdit.terms.current")} <a href={`/archivos/${call.termsFile.id}`}>{call.termsFile.name}</a> ({formatSize(call.termsFile.size, i18n.language)})
        </p>
      ) : (
        <p>{t("callEdit.terms.none")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="terms" />
        <Field name="terms" label={t("callEdit.terms.file")} hint={t("callEdit.terms.hint", { max: formatSize(10 * 1024 * 1024, i18n.language) })} error={error}>
          {(p) => <input {...p} type="file" accept="application/pdf,.pdf" required />}
        </Field>
        <div className="actions">
          <button type="submit">{t("callEdit.terms.button")}</button>
        </div>
      </Form>
      {call.termsFile ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="removeTerms" />
          <button type="submit" className="secondary">
            {t("callEdit.terms.remove")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function EditCallPage() {
  const { t } = useTranslation();
  const { call, saved, sponsors, constraint, closesAtLocal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saveFailure = intentFailure(result, "save") ? result : undefined;
  const otherFailure = result && !["save", "decide", "cancel", "extend", "terms"].includes(String((result.values as Record<string, unknown>)?.intent)) ? result : undefined;
  const { viewer } = call;
  const administers = viewer.canAdminister;
  return (
    <section className="page narrow" aria-labelledby="edit-call-title">
      <p>
        <Link to={`/convocatorias/${call.slug}`}>← {t("callEdit.view")}</Link>
      </p>
      <h1 id="edit-call-title">
        {t("callEdit.title")}: {call.title}
      </h1>
      <p className="tags">
        <CallPhaseBadge phase={call.phase} />
      </p>
      <DoneNotice prefix="callPage.notice." param="aviso" words={NOTICES} />
      {otherFailure?.message ? (
        <p className="error" role="alert">
          {otherFailure.message}
        </p>
      ) : null}
      {call.statusReason ? <p className="notice">{t("callPage.statusReason", { reason: call.statusReason })}</p> : null}
      {administers && call.status === "PROPOSED" ? <DecideForm constraint={constraint.decide} result={result} /> : null}
      {viewer.canResubmit ? (
        <section className="panel" aria-labelledby="resubmit-title">
          <h2 id="resubmit-title">{t("callEdit.resubmit.title")}</h2>
          <p>{t("callEdit.resubmit.lead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resubmit" />
            <button type="submit">{t("callEdit.resubmit.button")}</button>
          </Form>
        </section>
      ) : null}
      {viewer.canEdit ? (
        <section aria-labelledby="call-form-title">
          <h2 id="call-form-title">{t("callForm.text")}</h2>
          <CallForm
            id="call-form"
            intent="save"
            constraint={constraint.form}
            result={saveFailure}
            saved={saved}
            sponsors={administers ? sponsors : []}
            submitLabel={t("callForm.save")}
          />
        </section>
      ) : (
        <p className="notice">{t("callEdit.notEditable")}</p>
      )}
      {viewer.canEdit ? <TermsForm call={call} result={result} /> : null}
      {administers && call.status === "APPROVED" ? <ExtendForm constraint={constraint.extend} result={result} closesAt={closesAtLocal} /> : null}
      {administers && (call.status === "APPROVED" || call.status === "PROPOSED" || call.status === "CHANGES_REQUESTED") ? (
        <CancelForm constraint={constraint.cancel} result={result} />
      ) : null}
    </section>
  );
}
