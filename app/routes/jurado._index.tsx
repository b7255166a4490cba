import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ScrollTable } from "~/components/scroll-table";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";
import { juryOverview } from "~/lib/evaluation.server";
import { titledPage } from "~/lib/meta";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta = titledPage("jury.title");

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await juryOverview(context, request));
}

/** /jurado: the calls the person judges, with each one's phase, dates and their progress. */
export default function JuryPage() {
  const { t, i18n } = useTranslation();
  const { calls } = useLoaderData<typeof loader>();
  const locale = i18n.language as Locale;
  return (
    <section className="page" aria-labelledby="jury-title">
      <h1 id="jury-title">{t("jury.title")}</h1>
      {calls.length === 0 ? (
        <>
          <p className="lead">{t("jury.empty")}</p>
          <p>
            <Link to="/convocatorias">{t("jury.browseCalls")}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("jury.lead")}</p>
          <p className="hint">{t("jury.conflictRule")}</p>
          <ScrollTable captionId="jury-calls-caption" caption={t("jury.callsCaption")} columns={[t("jury.col.call"), t("jury.col.phase"), t("jury.col.dates"), t("jury.col.progress")]}>
            {calls.map((call) => (
              <tr key={call.callId}>
                <th scope="row">
                  <Link to={`/jurado/${call.callId}`}>{call.title}</Link>
                </th>
                <td>{t(`callPhase.${call.phase}` as never)}</td>
                <td>
                  {t("jury.closes", { date: formatDateTime(call.closesAt, locale) })}
                  <br />
                  {t("jury.evaluationEnds", { date: formatDateTime(call.evaluationEndsAt, locale) })}
                </td>
                <td>{t("jury.progress", { scored: call.progress.scored, total: call.progress.total })}</td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </section>
  );
}
