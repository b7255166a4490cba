import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary } from "~/components/form";
import { formatDate, type Locale } from "~/i18n";
import { titledPage } from "~/lib/meta";
import { myOrganizationsAction, myOrganizationsPage } from "~/lib/my-organizations.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta = titledPage("myOrgs.title");

/** What `?hecho=` may announce (copy: `myOrgs.done.<hecho>`). */

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await myOrganizationsPage(context, request));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return myOrganizationsAction(context, request);
}

export default function MyOrganizationsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { organizations, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="page" aria-labelledby="my-orgs-title">
      <div className="page-head">
        <div>
          <h1 id="my-orgs-title">{t("myOrgs.title")}</h1>
          <p className="lead">{t("myOrgs.lead")}</p>
        </div>
        <Link className="button" to="/organizaciones/nueva">
          {t("myOrgs.new")}
        </Link>
      </div>
      <DoneNotice prefix="myOrgs.done." />
      {result ? <ErrorSummary title={t("form.errorSummary")} message={result.message} fieldErrors={result.fieldErrors} /> : null}
      {invitations.length > 0 ? (
        <section aria-labelledby="org-invitations-title" className="panel">
          <h2 id="org-invitations-title">{t("myOrgs.invitations")}</h2>
          <ul className="rows">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                <p>
                  <Link to={`/organizaciones/${invitation.organization.slug}`}>{invitation.organization.name}</Link>
                  <br />
                  <span className="meta">
                    {t("myOrgs.invitedBy", { name: invitation.createdBy.name, date: formatDate(invitation.createdAt, locale) })}
                  </span>
                </p>
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="respond" />
                  <input type="hidden" name="requestId" value={invitation.id} />
                  <button type="submit" name="answer" value="accept" className="small" disabled={busy}>
                    {t("myOrgs.accept")}
                    <span className="visually-hidden"> {t("myOrgs.invitationTo", { name: invitation.organization.name })}</span>
                  </button>
                  <button type="submit" name="answer" value="decline" className="secondary small" disabled={busy}>
                    {t("myOrgs.decline")}
                    <span className="visually-hidden"> {t("myOrgs.invitationTo", { name: invitation.organization.name })}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="my-orgs-list">{t("myOrgs.mine")}</h2>
      {organizations.length === 0 ? (
        <p>{t("myOrgs.empty")}</p>
      ) : (
        <ul className="rows" aria-labelledby="my-orgs-list">
          {organizations.map((organization) => (
            <li key={organization.id}>
              <p>
                <Link to={`/organizaciones/${organization.slug}`}>{organization.name}</Link>{" "}
                <span className="tag">{t(`org.role.${organization.role}`)}</span>
                <br />
                <span className="meta">
                  {t(`orgKind.${organization.kind}`)} · {t(`orgAdmin.verification.${organization.verification}`)} ·{" "}
                  {organization.listed ? t("myOrgs.listed") : t("myOrgs.unlisted")}
                </span>
              </p>
              <div className="actions">
                {organization.role === "OWNER" ? (
                  <Link className="button small" to={`/organizaciones/${organization.slug}/gestionar`}>
                    {t("myOrgs.manage")}
                    <span className="visually-hidden"> {organization.name}</span>
                  </Link>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="intent" value="listed" />
                  <input type="hidden" name="organizationId" value={organization.id} />
                  <button type="submit" name="listed" value={organization.listed ? "false" : "true"} className="secondary small" disabled={busy}>
                    {organization.listed ? t("myOrgs.hide") : t("myOrgs.show")}
                    <span className="visually-hidden"> {t("myOrgs.onPublicPage", { name: organization.name })}</span>
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="leave" />
                  <input type="hidden" name="organizationId" value={organization.id} />
                  <button type="submit" className="secondary small" disabled={busy}>
                    {t("myOrgs.leave")}
                    <span className="visually-hidden"> {organization.name}</span>
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
