import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { SpaceForm } from "~/components/managed-space-form";
import { PlacePhotosPanel } from "~/components/place-photos-panel";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { editSpaceAction, editSpacePage } from "~/lib/managed-space.server";
import { metaTranslator, pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? metaTranslator(matches)("spaceAdmin.space.editTitle", { name: data.space.name }) : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await editSpacePage(context, request, params.id));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return editSpaceAction(context, request, params.id);
}

/** /espacios/gestion/espacios/:id: a space's fields and booking rules, and its photos. */
export default function EditSpacePage() {
  const { t } = useTranslation();
  const { space, saved, centers, photos, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // The space form sends no intent; the photo forms do, and show their own answers.
  const photoResult = ["addPhoto", "removePhoto"].includes(String((result?.values as Record<string, unknown> | undefined)?.intent));
  return (
    <section className="page narrow" aria-labelledby="edit-space-title">
      <p>
        <Link to={`/espacios/gestion/centros/${space.center.id}`}>← {t("spaceAdmin.editCenter", { name: space.center.name })}</Link>
      </p>
      <h1 id="edit-space-title">{t("spaceAdmin.space.editTitle", { name: space.name })}</h1>
      <DoneNotice prefix="spaceAdmin.done." />
      <SpaceForm constraint={constraint} result={photoResult ? undefined : result} centers={centers} saved={saved} submitLabel={t("spaceAdmin.space.save")} />
      <PlacePhotosPanel photos={photos} result={photoResult ? result : undefined} />
    </section>
  );
}
