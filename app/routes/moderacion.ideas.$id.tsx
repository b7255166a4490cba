import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { IdeaDecisionForm, ModerationNotice } from "~/components/idea-decision-form";
import { StatusBadge } from "~/components/idea-status";
import { formatDateTime, type Locale } from "~/i18n";
import { formatAge } from "~/lib/age";
import { metaTranslator, pageMeta } from "~/lib/meta";
import { ideaModeration, moderationAction, requireSecretariat } from "~/lib/moderation.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, data ? `${metaTranslator(matches)("moderation.idea.title")}: ${data.idea.title}` : undefined);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  requireSecretariat(context, request);
  try {
    const idea = await context.caller.idea.byId({ id: params.id ?? "" });
    return json({ idea, ...(await ideaModeration(context, idea)), now: new Date().toISOString() });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    // A malformed id is as absent as an unknown one.
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
}

/** The idea page's and this page's moderation forms post here; a refusal shows on this page. */
export async function action({ context, params, request }: ActionFunctionArgs) {
  return moderationAction(context, request, `/moderacion/ideas/${params.id ?? ""}`);
}

export default function ModerateIdeaPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { idea, reports, moves, constraint, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  return (
    <article className="page narrow" aria-labelledby="moderate-title">
      <p>
        <Link to="/moderacion">← {t("moderation.idea.back")}</Link>
      </p>
      <ModerationNotice />
      <p className="tags">
        <span className="tag">{t(`sector.${idea.sector}` as never)}</span> <StatusBadge status={idea.status} />
      </p>
      <h1 id="moderate-title">
        {t("moderation.idea.title")}: {idea.title}
      </h1>
      <p className="meta">
        {t("ideas.by", { name: idea.author.name })} · <Link to={`/ideas/${idea.id}`}>{t("moderation.idea.view")}</Link>
      </p>
      <p className="lead">{idea.summary}</p>
      {moves.length === 0 && reports.count === 0 ? (
        <p className="notice">{t("moderation.decision.none", { status: t(`ideaStatus.${idea.status}` as never) })}</p>
      ) : null}
      <IdeaDecisionForm
        idea={idea}
        moves={moves}
        reports={reports}
        redirectTo={location.pathname}
        result={result}
        constraint={constraint}
        headingLevel={2}
      >
        <ol className="rows">
          {reports.items.map((report) => (
            <li key={report.id}>
              <p>
                <strong>{t(`reportReason.${report.reason}`)}</strong> ·{" "}
                <time className="meta" dateTime={report.createdAt} title={formatDateTime(report.createdAt, locale)}>
                  {formatAge(report.createdAt, now, locale)}
                </time>
              </p>
              <p className="prose">{report.details ?? t("moderation.resolve.noDetails")}</p>
            </li>
          ))}
        </ol>
      </IdeaDecisionForm>
    </article>
  );
}
