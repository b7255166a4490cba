import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CenterForm } from "~/components/center-admin";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { newCenterAction, newCenterPage } from "~/lib/center-admin.server";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("spaceAdmin.center.newTitle");

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(newCenterPage(context, request));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return newCenterAction(context, request);
}

export default function NewCenterPage() {
  const { t } = useTranslation();
  const { constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="new-center-title">
      <p>
        <Link to="/espacios/gestion">← {t("spaceAdmin.back")}</Link>
      </p>
      <h1 id="new-center-title">{t("spaceAdmin.center.newTitle")}</h1>
      <CenterForm constraint={constraint} result={result} submitLabel={t("spaceAdmin.center.create")} />
    </section>
  );
}
