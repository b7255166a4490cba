import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { OrganizationProfileForm } from "~/components/organization-profile-form";
import { titledPage } from "~/lib/meta";
import { canCreateOrganization, kindsToCreate, profileConstraint, requireSignIn, submitNewOrganization } from "~/lib/organization-form.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta = titledPage("orgNew.title");

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireSignIn(context, request);
  return json({ canCreate: canCreateOrganization(context), constraint: profileConstraint(), kinds: kindsToCreate(context) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  return submitNewOrganization(context, request);
}

export default function NewOrganizationPage() {
  const { t } = useTranslation();
  const { canCreate, constraint, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="new-org-title">
      <h1 id="new-org-title">{t("orgNew.title")}</h1>
      {canCreate ? (
        <>
          <p className="lead">{t("orgNew.lead")}</p>
          <OrganizationProfileForm id="new-org-form" constraint={constraint} result={result} kinds={kinds} submitLabel={t("orgNew.submit")} />
        </>
      ) : (
        <>
          <p className="notice">{t("orgNew.notAllowed")}</p>
          <p>
            <Link to="/organizaciones">{t("orgNew.browse")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
