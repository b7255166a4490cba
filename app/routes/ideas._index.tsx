import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterSelect, SectorFilter } from "~/components/filters";
import { IdeaCard } from "~/components/idea-card";
import { titledPage } from "~/lib/meta";
import { IDEA_SORTS, LIST_STATES, SORT_PARAMS, ideaListFilters } from "~/lib/idea-list.server";

export const meta = titledPage("nav.ideas");

export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const filters = ideaListFilters(params);
  const cursor = params.get("cursor") || undefined;
  try {
    const page = await context.caller.idea.list({ ...filters, cursor, limit: 12 });
    // The choices come with the data: the lifecycle module stays out of the browser bundle.
    return json({ ...page, filters, states: LIST_STATES, sorts: IDEA_SORTS, sortParams: SORT_PARAMS });
  } catch (error) {
    // A hand-edited or truncated link (control characters in the search, a broken page cursor):
    // the error page says what is wrong with it.
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

export default function IdeasPage() {
  const { t } = useTranslation();
  const { items, nextCursor, filters, states, sorts, sortParams } = useLoaderData<typeof loader>();
  const nextParams = new URLSearchParams();
  if (filters.q) nextParams.set("q", filters.q);
  if (filters.sector) nextParams.set("sector", filters.sector);
  if (filters.status) nextParams.set("estado", filters.status);
  if (filters.sort !== "newest") nextParams.set("orden", sortParams[filters.sort]);
  if (nextCursor) nextParams.set("cursor", nextCursor);
  return (
    <section className="page" aria-labelledby="ideas-title">
      <div className="page-head">
        <div>
          <h1 id="ideas-title">{t("ideas.title")}</h1>
          <p className="lead">{t("ideas.lead")}</p>
        </div>
        <Link className="button" to="/ideas/nueva">
          {t("ideas.new")}
        </Link>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("ideas.filters")}>
        <div className="field">
          <label htmlFor="q">{t("ideas.search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("ideas.searchPlaceholder")} maxLength={100} />
        </div>
        <SectorFilter label={t("ideas.sector")} anyLabel={t("ideas.allSectors")} value={filters.sector} />
        <FilterSelect
          id="estado"
          name="estado"
          label={t("ideas.state")}
          anyLabel={t("ideas.currentStates")}
          value={filters.status}
          options={states.map((s) => ({ value: s, label: t(`ideaStatus.${s}`) }))}
        />
        <FilterSelect
          id="orden"
          name="orden"
          label={t("ideas.sort")}
          value={sortParams[filters.sort]}
          options={sorts.map((s) => ({ value: sortParams[s], label: t(`ideas.sort.${s}`) }))}
          hint={t("ideas.sortHint")}
        />
        <button type="submit" className="secondary">
          {t("ideas.apply")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p role="status">{t("ideas.empty")}</p>
      ) : (
        <div className="grid" aria-live="polite">
          {items.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} headingLevel={2} />
          ))}
        </div>
      )}
      {nextCursor ? (
        <p className="pager">
          <Link to={`/ideas?${nextParams.toString()}`}>{t("ideas.more")}</Link>
        </p>
      ) : null}
    </section>
  );
}
