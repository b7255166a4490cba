import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { OrganizationLogoForm } from "~/components/organization-logo-form";
import { OrganizationCallInvitations } from "~/components/organization-call-invitations";
import { OrganizationJoinRequests, OrganizationMembers } from "~/components/organization-members";
import { OrganizationOffers } from "~/components/organization-offers";
import { OrganizationProfileForm } from "~/components/organization-profile-form";
import { OrganizationVerification } from "~/components/organization-verification";
import { intentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { manageAction, managementPage } from "~/lib/organization-manage.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? `${metaTranslator(matches)("orgAdmin.title")}: ${data.organization.name}` : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await managementPage(context, request, params.slug ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return manageAction(context, request, params.slug ?? "");
}

export default function ManageOrganizationPage() {
  const { t } = useTranslation();
  const { organization, joinRequests, callInvitations, viewerId, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const profileResult = intentFailure(result, "profile") ? result : undefined;
  // Name and NIT are what the Secretariat checked: changing them sends the organization back to its queue.
  const identityChecked = organization.verification === "VERIFIED" || organization.verification === "PENDING";
  return (
    <section className="page narrow" aria-labelledby="manage-org-title">
      <p>
        <Link to={`/organizaciones/${organization.slug}`}>{t("orgAdmin.viewPublic")}</Link> · <Link to="/mis-organizaciones">{t("myOrgs.title")}</Link>
      </p>
      <h1 id="manage-org-title">
        {t("orgAdmin.title")}: {organization.name}
      </h1>
      <DoneNotice prefix="orgAdmin.done." />
      <OrganizationVerification verification={organization.verification} reason={organization.verificationReason} result={result} />
      <section className="panel" aria-labelledby="org-profile-title">
        <h2 id="org-profile-title">{t("orgAdmin.profile.title")}</h2>
        <OrganizationProfileForm
          id="org-profile-form"
          constraint={constraint.profile}
          result={profileResult}
          saved={organization}
          intent="profile"
          warning={identityChecked ? t("orgAdmin.profile.reverifyWarning") : undefined}
          submitLabel={t("orgAdmin.profile.submit")}
        />
      </section>
      <OrganizationLogoForm name={organization.name} logoFileId={organization.logoFileId} result={result} />
      <OrganizationOffers offers={organization.offers} constraint={constraint.offer} result={result} />
      <OrganizationMembers members={organization.members} viewerId={viewerId} constraint={constraint.invite} result={result} />
      <OrganizationJoinRequests requests={joinRequests} result={result} />
      <OrganizationCallInvitations invitations={callInvitations} result={result} />
    </section>
  );
}
