import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { SpaceForm } from "~/components/managed-space-form";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { newSpaceAction, newSpacePage } from "~/lib/managed-space.server";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("spaceAdmin.space.newTitle");

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await newSpacePage(context, request));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return newSpaceAction(context, request);
}

export default function NewSpacePage() {
  const { t } = useTranslation();
  const { centers, centerId, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="new-space-title">
      <p>
        <Link to="/espacios/gestion">← {t("spaceAdmin.back")}</Link>
      </p>
      <h1 id="new-space-title">{t("spaceAdmin.space.newTitle")}</h1>
      {centers.length === 0 ? (
        <p className="notice">{t("spaceAdmin.space.noCenters")}</p>
      ) : (
        <SpaceForm constraint={constraint} result={result} centers={centers} centerId={centerId} submitLabel={t("spaceAdmin.space.create")} />
      )}
    </section>
  );
}
