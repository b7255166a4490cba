import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DoneNotice } from "~/components/done-notice";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CenterForm, ClosuresPanel, HolidaysPanel } from "~/components/center-admin";
import { PlacePhotosPanel } from "~/components/place-photos-panel";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";
import { editCenterAction, editCenterPage } from "~/lib/center-admin.server";
import { intentFailure } from "~/lib/intent-failure";
import { metaTranslator, pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? metaTranslator(matches)("spaceAdmin.center.editTitle", { name: data.center.name }) : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await editCenterPage(context, request, params.id));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return editCenterAction(context, request, params.id);
}

/** /espacios/gestion/centros/:id: the center's fields and hours, its photos, its closures, the holidays ahead and its spaces. */
export default function EditCenterPage() {
  const { t } = useTranslation();
  const { center, saved, closures, holidays, spaces, photos, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saveFailure = intentFailure(result, "save") ? result : undefined;
  // A refusal that names no known form (a tampered intent) is said at the top.
  const otherFailure = result && !["save", "addClosure", "removeClosure", "addPhoto", "removePhoto"].includes(String((result.values as Record<string, unknown>)?.intent)) ? result : undefined;
  return (
    <section className="page narrow" aria-labelledby="edit-center-title">
      <p>
        <Link to="/espacios/gestion">← {t("spaceAdmin.back")}</Link>
      </p>
      <h1 id="edit-center-title">{t("spaceAdmin.center.editTitle", { name: center.name })}</h1>
      <DoneNotice prefix="spaceAdmin.done." />
      {otherFailure?.message ? (
        <p className="error" role="alert">
          {otherFailure.message}
        </p>
      ) : null}
      <CenterForm constraint={constraint.center} result={saveFailure} saved={saved} intent="save" submitLabel={t("spaceAdmin.center.save")} />
      <PlacePhotosPanel photos={photos} result={result} />
      <ClosuresPanel closures={closures} constraint={constraint.closure} result={result} />
      <HolidaysPanel holidays={holidays} />
      <section className="panel" aria-labelledby="center-spaces-title">
        <h2 id="center-spaces-title">{t("spaceAdmin.spacesOf", { name: center.name })}</h2>
        {spaces.length === 0 ? (
          <p>{t("spaceAdmin.noSpaces")}</p>
        ) : (
          <ul>
            {spaces.map((space) => (
              <li key={space.id}>
                <Link to={`/espacios/gestion/espacios/${space.id}`}>{t("spaceAdmin.editSpace", { name: space.name })}</Link>
                {!space.active ? ` (${t("spaceAdmin.inactive")})` : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/espacios/gestion/espacios/nuevo?centro=${center.id}`}>{t("spaceAdmin.addSpace", { name: center.name })}</Link>
        </p>
      </section>
    </section>
  );
}
