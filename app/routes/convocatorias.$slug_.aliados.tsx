import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PartnerSuggestions } from "~/components/partner-suggestions";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { callPartnersAction, callPartnersPage } from "~/lib/partner-suggestions.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const handle = copyAreas("alianzas");
export const clientLoader = loadCopyAreas("alianzas");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? metaTranslator(matches)("matches.pageTitle", { subject: data.subject.title }) : undefined);

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  return json(await callPartnersPage(context, request, params.slug ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return callPartnersAction(context, request, params.slug ?? "");
}

export default function CallPartnersPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <PartnerSuggestions {...data} result={result} />;
}
