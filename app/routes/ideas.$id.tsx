import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary } from "~/components/form";
import { IdeaAuthorPanel, IdeaDecision, IdeaInvitation } from "~/components/idea-author-panel";
import { IdeaCoauthors } from "~/components/idea-coauthors";
import { IdeaHistory } from "~/components/idea-history";
import { StatusBadge } from "~/components/idea-status";
import { IdeaDecisionForm, ModerationNotice } from "~/components/idea-decision-form";
import { IdeaReportForm } from "~/components/idea-report-form";
import { IdeaComments } from "~/components/idea-comments";
import { SupportButton } from "~/components/support-button";
import { SubjectAlliances } from "~/components/subject-alliances";
import { loadCommunity } from "~/lib/comment-actions.server";
import { FollowButton } from "~/components/follow-button";
import { followingOf } from "~/lib/follow.server";
import { formatDate, type Locale } from "~/i18n";
import { ideaPageAction, loadIdeaPage } from "~/lib/idea-page.server";
import { ideaPageModeration } from "~/lib/moderation.server";
import { formatSize } from "../../server/files/rules";
import { can } from "../../server/authz/policy";
import { isListedState, isPublicState } from "../../server/idea/lifecycle";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data?.idea.title);

/** What `?aviso=` may announce after a form of this page or the idea form (the copy is `ideaNotice.<aviso>`). */
const NOTICES = [
  "enviada", "borrador", "guardada", "retirada", "invitada", "quitada", "aceptada",
  // Supports and comments (app/lib/comment-actions.server.ts).
  "apoyada", "apoyoRetirado", "comentado", "respondido", "editado", "eliminado", "comentarioReportado",
] as const;

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  try {
    const page = await loadIdeaPage(context, params.id);
    // Reporting it, or the Secretariat's decisions on it (app/lib/moderation.server.ts); its supports,
    // comments, whether the viewer follows it, and its alliances (only a public idea has any).
    const [moderation, community, following, alliances] = await Promise.all([
      ideaPageModeration(context, page.idea),
      loadCommunity(context, page.idea, new URL(request.url).searchParams.get("comentarios")),
      followingOf(context, page.idea.id),
      isPublicState(page.idea.status) ? context.caller.alliance.ofIdea({ ideaId: page.idea.id }) : Promise.resolve(null),
    ]);
    // Alliances form around listed ideas; the suggestions are for its authors and the Secretariat.
    const seeksPartners = isListedState(page.idea.status) && can(context.ctx.actor, "match.idea", page.idea);
    return json({ ...page, moderation, community, following, alliances, seeksPartners });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    // A malformed id is as absent as an unknown one.
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return ideaPageAction(context, request, params.id ?? "");
}

export default function IdeaPage() {
  const { t, i18n } = useTranslation();
  const { idea, viewer, history, decision, moderation, community, following, alliances, seeksPartners } = useLoaderData<typeof loader>();
  const location = useLocation();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => n === params.get("aviso"));
  const locale = i18n.language as Locale;
  const accepted = idea.coauthors.filter((c) => c.status === "ACCEPTED");
  return (
    <article className="page narrow" aria-labelledby="idea-title">
      <p>
        <Link to="/ideas">← {t("idea.back")}</Link>
      </p>
      {notice ? (
        <p className="notice" role="status">
          {t(`ideaNotice.${notice}`)}
        </p>
      ) : null}
      {result ? (
        <ErrorSummary
          title={t("form.errorSummary")}
          message={result.message}
          fieldErrors={result.fieldErrors}
          labels={{ email: t("coauthors.email"), body: t("comments.field.body") }}
        />
      ) : null}
      <p className="tags">
        <span className="tag">{t(`sector.${idea.sector}` as never)}</span> <StatusBadge status={idea.status} />
      </p>
      <h1 id="idea-title">{idea.title}</h1>
      <p className="meta">
        {accepted.length > 0
          ? t("ideas.byWith", { name: idea.author.name, coauthors: accepted.map((c) => c.name).join(", ") })
          : t("ideas.by", { name: idea.author.name })}
        {idea.organization ? <> · {t("ideas.onBehalfOf", { organization: idea.organization.name })}</> : null}
        {idea.publishedAt ? (
          <>
            {" · "}
            <time dateTime={idea.publishedAt}>{t("ideas.published", { date: formatDate(idea.publishedAt, locale) })}</time>
          </>
        ) : idea.submittedAt && viewer.isContributor ? (
          <>
            {" · "}
            <time dateTime={idea.submittedAt}>{t("ideas.submitted", { date: formatDate(idea.submittedAt, locale) })}</time>
          </>
        ) : null}
      </p>
      <SupportButton ideaId={idea.id} support={community.support} busy={busy} />
      {following !== null ? <FollowButton ideaId={idea.id} following={following} busy={busy} /> : null}
      {decision && viewer.isContributor ? <IdeaDecision decision={decision} /> : null}
      {viewer.isContributor ? (
        <IdeaAuthorPanel
          ideaId={idea.id}
          status={idea.status}
          canEdit={viewer.canEdit}
          canSubmit={viewer.canSubmit}
          canWithdraw={viewer.canWithdraw}
          busy={busy}
        />
      ) : null}
      {viewer.coauthorship === "INVITED" ? <IdeaInvitation busy={busy} /> : null}
      <p className="lead">{idea.summary}</p>
      <h2>{t("idea.problem")}</h2>
      <p className="prose">{idea.problem}</p>
      <h2>{t("idea.solution")}</h2>
      <p className="prose">{idea.solution}</p>
      {idea.attachments.length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t("idea.attachments")}</h2>
          <ul className="attachments">
            {idea.attachments.map((file) => (
              <li key={file.id}>
                <a href={`/archivos/${file.id}`}>{file.name}</a> <span className="meta">({formatSize(file.size, i18n.language)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <IdeaCoauthors
        coauthors={idea.coauthors}
        canManage={viewer.canManageCoauthors}
        canLeave={viewer.coauthorship === "ACCEPTED"}
        showPending={viewer.isContributor}
        busy={busy}
        inviteError={result?.fieldErrors.email}
        inviteEmail={typeof result?.values.email === "string" ? result.values.email : undefined}
      />
      {alliances ? (
        <SubjectAlliances
          kind="idea"
          alliances={alliances}
          findPartners={seeksPartners ? `/ideas/${idea.id}/aliados` : undefined}
          openAlliance={seeksPartners ? `/alianzas/nueva?idea=${idea.id}` : undefined}
        />
      ) : null}
      {history ? <IdeaHistory events={history} /> : null}
      {moderation.secretariat ? (
        <div id="moderacion">
          <ModerationNotice />
          <IdeaDecisionForm
            idea={idea}
            {...moderation.secretariat}
            action={`/moderacion/ideas/${idea.id}`}
            redirectTo={`/ideas/${idea.id}#moderacion`}
          />
        </div>
      ) : null}
      {moderation.report ? <IdeaReportForm ideaId={idea.id} report={moderation.report} /> : null}
      {/* Keyed by the visit: after a post the forms start empty again, even with JavaScript. */}
      <IdeaComments key={location.key} ideaId={idea.id} comments={community.comments} result={result} busy={busy} />
    </article>
  );
}
