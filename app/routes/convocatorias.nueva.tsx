import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CallForm } from "~/components/call-form";
import { newCallAction, newCallPage } from "~/lib/call-form.server";
import { metaTranslator, pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, metaTranslator(matches)(data?.canCreate === false ? "callList.propose" : "callForm.newTitle"));

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await newCallPage(context, request));
}

export async function action({ context, request }: ActionFunctionArgs) {
  return newCallAction(context, request);
}

export default function NewCallPage() {
  const { t } = useTranslation();
  const { canCreate, organizations, sponsors, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const title = canCreate ? t("callForm.newTitle") : t("callList.propose");
  return (
    <section className="page narrow" aria-labelledby="new-call-title">
      <p>
        <Link to="/convocatorias">← {t("callPage.back")}</Link>
      </p>
      <h1 id="new-call-title">{title}</h1>
      {!canCreate && organizations.length === 0 ? (
        <p className="notice">{t("callForm.cannot")}</p>
      ) : (
        <>
          <p className="lead">{canCreate ? t("callForm.newLead") : t("callForm.proposeLead")}</p>
          <CallForm
            id="call-form"
            constraint={constraint}
            result={result}
            organizations={organizations}
            sponsors={sponsors}
            submitLabel={canCreate ? t("callList.create") : t("callForm.propose")}
          />
        </>
      )}
    </section>
  );
}
