import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { IdeaDecisionForm, ModerationNotice } from "~/components/idea-decision-form";
import { SectorFilter } from "~/components/filters";
import { StatusBadge } from "~/components/idea-status";
import { OrganizationQueueItem } from "~/components/organization-queue-item";
import { CallParticipationQueueItem, CallQueueItem } from "~/components/call-queue-item";
import { CommentModerationNotice, CommentQueueItem } from "~/components/comment-queue-item";
import { BookingQueueItem } from "~/components/booking-queue-item";
import { formatDateTime, type Locale } from "~/i18n";
import { formatAge } from "~/lib/age";
import { titledPage } from "~/lib/meta";
import { QUEUE_IDS, moderationAction, moderationConstraints, requireSecretariat } from "~/lib/moderation.server";
import { Sector } from "../../server/db/generated/enums";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta = titledPage("moderation.title");

const SECTORS = Object.values(Sector);

export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireSecretariat(context, request);
  const params = new URL(request.url).searchParams;
  // Unknown values in a hand-edited address mean the defaults, not an error page.
  const queue = QUEUE_IDS.find((id) => id === params.get("cola")) ?? QUEUE_IDS[0];
  const sector = SECTORS.find((s) => s === params.get("sector"));
  const cursor = params.get("cursor") || undefined;
  try {
    const [queues, page] = await Promise.all([
      context.caller.moderation.queues({ sector }),
      context.caller.moderation.queue({ queue, sector, cursor, limit: 20 }),
    ]);
    return json({ queues, page, filters: { queue, sector }, now: new Date().toISOString(), constraint: moderationConstraints() });
  } catch (error) {
    // A broken "more" link: the error page says what is wrong with it.
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

export async function action({ context, request }: ActionFunctionArgs) {
  return moderationAction(context, request, "/moderacion");
}

export default function ModerationPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { queues, page, filters, now, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const here = location.pathname + location.search;
  const current = queues.find((q) => q.id === page.id)!;
  const queueLink = (id: string, cursor?: string) => {
    const params = new URLSearchParams({ cola: id });
    if (filters.sector) params.set("sector", filters.sector);
    if (cursor) params.set("cursor", cursor);
    return `/moderacion?${params.toString()}`;
  };
  return (
    <section className="page" aria-labelledby="moderation-title">
      <div className="page-head">
        <div>
          <h1 id="moderation-title">{t("moderation.title")}</h1>
          <p className="lead">{t("moderation.lead")}</p>
        </div>
        <Link className="button secondary" to="/moderacion/auditoria">
          {t("moderation.auditLink")}
        </Link>
      </div>
      <ModerationNotice />
      <CommentModerationNotice />
      <nav aria-label={t("moderation.queues")} className="tabs">
        <ul>
          {queues.map((queue) => (
            <li key={queue.id}>
              <Link to={queueLink(queue.id)} aria-current={queue.id === page.id ? "page" : undefined}>
                {t("moderation.queueTab", { title: t(queue.titleKey as never), count: queue.count })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {current.filters.includes("sector") ? (
        <Form method="get" className="filters" aria-label={t("moderation.filters")}>
          <input type="hidden" name="cola" value={page.id} />
          <SectorFilter id="moderation-sector" label={t("moderation.sector")} anyLabel={t("moderation.allSectors")} value={filters.sector} />
          <button type="submit" className="secondary">
            {t("moderation.apply")}
          </button>
        </Form>
      ) : null}
      <h2>{t("moderation.queueTab", { title: t(page.titleKey as never), count: current.count })}</h2>
      {page.items.length === 0 ? (
        <p role="status">{t("moderation.empty")}</p>
      ) : (
        <ol className="queue">
          {page.items.map((item) =>
            item.kind === "organization" ? (
              <OrganizationQueueItem key={item.id} item={item} now={now} />
            ) : item.kind === "comment" ? (
              <CommentQueueItem key={item.id} item={item} now={now} redirectTo={here} result={result} />
            ) : item.kind === "call" ? (
              <CallQueueItem key={item.id} item={item} now={now} />
            ) : item.kind === "callParticipation" ? (
              <CallParticipationQueueItem key={item.id} item={item} now={now} />
            ) : item.kind === "booking" ? (
              <BookingQueueItem key={item.id} item={item} now={now} redirectTo={here} />
            ) : (
              <li key={item.id} className="card">
                <p className="tags">
                  <span className="tag">{t(`sector.${item.sector}`)}</span> <StatusBadge status={item.status} />
                </p>
                <h3 className="card-title">
                  <Link to={`/ideas/${item.id}`}>{item.title}</Link>
                </h3>
                <p className="meta">
                  {t("ideas.by", { name: item.author.name })} ·{" "}
                  <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince, locale)}>
                    {t(`moderation.waiting.${page.id}`, { age: formatAge(item.waitingSince, now, locale) })}
                  </time>
                </p>
                <p>
                  <Link to={`/moderacion/ideas/${item.id}`}>
                    {t("moderation.details")}
                    <span className="visually-hidden"> «{item.title}»</span>
                  </Link>
                </p>
                <IdeaDecisionForm
                  idea={item}
                  moves={item.moves}
                  reports={item.reports}
                  redirectTo={here}
                  result={result}
                  constraint={constraint}
                  headingLevel={4}
                />
              </li>
            ),
          )}
        </ol>
      )}
      {page.nextCursor ? (
        <p className="pager">
          <Link to={queueLink(page.id, page.nextCursor)}>{t("moderation.more")}</Link>
        </p>
      ) : null}
    </section>
  );
}
