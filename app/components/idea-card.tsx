import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { StatusBadge } from "~/components/idea-status";
import { formatDate, type Locale } from "~/i18n";

export interface IdeaCardData {
  id: string;
  title: string;
  summary: string;
  sector: string;
  status: string;
  createdAt: string;
  publishedAt: string | null;
  author: { name: string };
  attachmentCount: number;
  /** Absent where a list does not carry it (older callers). */
  supportCount?: number;
}

/** `headingLevel`: one below the heading the cards sit under (h2 under the page's h1), so no level is skipped. */
export function IdeaCard({ idea, headingLevel = 3 }: { idea: IdeaCardData; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card idea-card">
      <p className="tags">
        <span className="tag">{t(`sector.${idea.sector}` as never)}</span> <StatusBadge status={idea.status} />
      </p>
      <Heading className="card-title">
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </Heading>
      <p>{idea.summary}</p>
      <p className="meta">
        {t("ideas.by", { name: idea.author.name })} ·{" "}
        <time dateTime={idea.publishedAt ?? idea.createdAt}>{formatDate(idea.publishedAt ?? idea.createdAt, i18n.language as Locale)}</time>
        {idea.attachmentCount > 0 ? <> · {t("ideas.attachmentsCount", { count: idea.attachmentCount })}</> : null}
        {idea.supportCount !== undefined ? <> · {t("support.count", { count: idea.supportCount })}</> : null}
      </p>
    </article>
  );
}
