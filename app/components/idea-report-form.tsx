import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDate, type Locale } from "~/i18n";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { ChoiceField, Field } from "./form";
import { ReportReason } from "../../server/db/generated/enums";

/** The reasons in the order offered. */
const REASONS = Object.values(ReportReason);

export interface ReportViewer {
  /** signIn: a visitor; open: may report; reported: already did. */
  state: "signIn" | "open" | "reported";
  mine: { reason: string; createdAt: string } | null;
}

/**
 * The fields and button, posting to /ideas/:id/reportar, which answers a refusal on its own page
 * with `result`: the errors next to their fields and what was chosen and typed.
 */
export function ReportFields({ ideaId, constraint, result }: { ideaId: string; constraint?: FormConstraint; result?: FormFailure }) {
  const { t } = useTranslation();
  const errors = result?.fieldErrors ?? {};
  const values = (result?.values ?? {}) as Record<string, unknown>;
  const typed = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  return (
    <Form method="post" action={`/ideas/${ideaId}/reportar`} className="stack" noValidate>
      <ChoiceField
        name="reason"
        legend={t("report.reason")}
        required
        error={errors.reason}
        defaultValue={typed("reason")}
        options={REASONS.map((value) => ({ value, label: t(`reportReason.${value}`) }))}
      />
      <Field
        name="details"
        label={t("report.details")}
        hint={t("report.detailsHint")}
        error={errors.details}
        constraints={{ maxLength: constraint?.details?.maxLength ?? 1000 }}
        defaultValue={typed("details")}
      >
        {(control) => <textarea {...control} rows={4} />}
      </Field>
      <button type="submit">{t("report.submit")}</button>
    </Form>
  );
}

/**
 * The end of an idea's page for people who may report it: the form behind a disclosure (a
 * <details>, no JavaScript needed), the person's own report once sent, or a sign-in link.
 */
export function IdeaReportForm({ ideaId, report }: { ideaId: string; report: ReportViewer }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  if (report.state === "signIn") {
    return (
      <p className="meta report-box">
        <Link to={`/ingresar?redirectTo=${encodeURIComponent(`/ideas/${ideaId}/reportar`)}`}>{t("report.signIn")}</Link>
      </p>
    );
  }
  if (report.mine) {
    const sent = params.get("reporte") === "enviado";
    return (
      <p className={sent ? "notice report-box" : "meta report-box"} role={sent ? "status" : undefined} id="reportar">
        {sent ? `${t("report.sent")} ` : null}
        {t("report.done", { date: formatDate(report.mine.createdAt, i18n.language as Locale), reason: t(`reportReason.${report.mine.reason}`) })}
      </p>
    );
  }
  return (
    <details className="report-box" id="reportar">
      <summary>{t("report.summary")}</summary>
      <p className="hint">{t("report.lead")}</p>
      <ReportFields ideaId={ideaId} />
    </details>
  );
}
