import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate, type Locale } from "~/i18n";

export interface IdeaCardData {
  id: string;
  title: string;
  summary: string;
  sector: string;
  createdAt: string;
  publishedAt: string | null;
  author: { name: string };
  _count: { attachments: number };
}

export function IdeaCard({ idea }: { idea: IdeaCardData }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card idea-card">
      <p className="tag">{t(`sector.${idea.sector}` as never)}</p>
      <h3>
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h3>
      <p>{idea.summary}</p>
      <p className="meta">
        {t("ideas.by", { name: idea.author.name })} ·{" "}
        <time dateTime={idea.publishedAt ?? idea.createdAt}>{formatDate(idea.publishedAt ?? idea.createdAt, i18n.language as Locale)}</time>
        {idea._count.attachments > 0 ? <> · {t("ideas.attachmentsCount", { count: idea._count.attachments })}</> : null}
      </p>
    </article>
  );
}
