import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate, type Locale } from "~/i18n";
import { formatSize } from "../../server/files/rules";
import { pageMeta } from "~/lib/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data?.idea.title);

export async function loader({ context, params }: LoaderFunctionArgs) {
  try {
    const idea = await context.caller.idea.byId({ id: params.id ?? "" });
    return json({ idea });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    // A malformed id is as absent as an unknown one.
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
}

export default function IdeaPage() {
  const { t, i18n } = useTranslation();
  const { idea } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <article className="page narrow" aria-labelledby="idea-title">
      <p>
        <Link to="/ideas">← {t("idea.back")}</Link>
      </p>
      {params.get("creada") ? (
        <p className="notice" role="status">
          {t("idea.created")}
        </p>
      ) : null}
      <p className="tag">{t(`sector.${idea.sector}` as never)}</p>
      {idea.status !== "PUBLISHED" ? <p className="tag">{t(`ideaStatus.${idea.status}` as never)}</p> : null}
      <h1 id="idea-title">{idea.title}</h1>
      <p className="meta">
        {t("ideas.by", { name: idea.author.name })} ·{" "}
        {idea.publishedAt ? (
          <time dateTime={idea.publishedAt}>{t("ideas.published", { date: formatDate(idea.publishedAt, i18n.language as Locale) })}</time>
        ) : idea.submittedAt ? (
          <time dateTime={idea.submittedAt}>{t("ideas.submitted", { date: formatDate(idea.submittedAt, i18n.language as Locale) })}</time>
        ) : null}
      </p>
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
    </article>
  );
}
