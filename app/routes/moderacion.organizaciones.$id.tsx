import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary, Field } from "~/components/form";
import { formatDateTime, type Locale } from "~/i18n";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { verificationAction, verificationPage } from "~/lib/organization-verify.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? `${metaTranslator(matches)("orgVerify.title")}: ${data.organization.name}` : undefined);

const NOTICES = ["verificada", "rechazada"] as const;

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await verificationPage(context, request, params.id ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return verificationAction(context, request, params.id ?? "");
}

export default function VerifyOrganizationPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { organization, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => n === params.get("hecho"));
  const sentReason = (result?.values as Record<string, unknown> | undefined)?.reason;
  const facts: [string, string | null][] = [
    ["orgAdmin.field.kind", t(`orgKind.${organization.kind}`)],
    ["orgAdmin.field.nit", organization.nit],
    ["orgAdmin.field.city", organization.city],
    ["orgAdmin.field.sectors", organization.sectors.map((s) => t(`sector.${s}`)).join(", ")],
    ["orgAdmin.field.website", organization.website],
    ["orgAdmin.field.contactEmail", organization.contactEmail],
    ["orgVerify.owners", organization.owners.map((o) => `${o.name} (${o.email})`).join(", ")],
  ];
  return (
    <article className="page narrow" aria-labelledby="verify-org-title">
      <p>
        <Link to="/moderacion?cola=organizations">← {t("orgVerify.back")}</Link>
      </p>
      <h1 id="verify-org-title">
        {t("orgVerify.title")}: {organization.name}
      </h1>
      {notice ? (
        <p className="notice" role="status">
          {t(`orgVerify.done.${notice}`)}
        </p>
      ) : null}
      <p>
        <span className="tag status">{t(`orgAdmin.verification.${organization.verification}`)}</span>
        {organization.verificationRequestedAt ? (
          <span className="meta"> · {t("orgVerify.requestedAt", { date: formatDateTime(organization.verificationRequestedAt, locale) })}</span>
        ) : null}
      </p>
      <p>
        <Link to={`/organizaciones/${organization.slug}`}>{t("orgVerify.viewPublic")}</Link>
      </p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label as never)}</dt>
            <dd>{value || t("orgVerify.none")}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("orgAdmin.field.description")}</h2>
      <p className="prose">{organization.description}</p>
      {organization.verification === "PENDING" ? (
        <section className="panel" aria-labelledby="verify-decision-title">
          <h2 id="verify-decision-title">{t("orgVerify.decision")}</h2>
          {result ? <ErrorSummary title={t("form.errorSummary")} message={result.message} fieldErrors={result.fieldErrors} labels={{ reason: t("orgVerify.reason") }} /> : null}
          <Form method="post" className="stack" noValidate>
            <Field
              name="reason"
              label={t("orgVerify.reason")}
              hint={t("orgVerify.reasonHint")}
              error={result?.fieldErrors.reason}
              constraints={{ maxLength: constraint.reason?.maxLength }}
              defaultValue={typeof sentReason === "string" ? sentReason : undefined}
            >
              {(p) => <textarea {...p} rows={3} />}
            </Field>
            <div className="actions">
              <button type="submit" name="decision" value="verify" disabled={busy}>
                {t("orgVerify.verify")}
              </button>
              <button type="submit" name="decision" value="reject" className="secondary" disabled={busy}>
                {t("orgVerify.reject")}
              </button>
            </div>
          </Form>
        </section>
      ) : (
        <p className="notice">{t("orgVerify.notPending")}</p>
      )}
      {organization.verification === "REJECTED" && organization.verificationReason ? (
        <p>
          <strong>{t("orgAdmin.verification.reason")}</strong> {organization.verificationReason}
        </p>
      ) : null}
    </article>
  );
}
