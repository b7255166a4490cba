import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";
import { formatAge } from "~/lib/age";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { Field } from "./form";
import { RichText } from "./rich-text";
import type { CommentQueueItem } from "../../server/moderation/comment-queue";

/** A queue item as the page's loader data carries it (its date as ISO text). */
export type CommentQueueRow = Omit<CommentQueueItem, "kind" | "waitingSince"> & { waitingSince: string };

/** What the last comment decision did (`?hecho=comentario-dismiss|comentario-uphold`), said once. */
export function CommentModerationNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const done = params.get("hecho");
  if (done !== "comentario-dismiss" && done !== "comentario-uphold") return null;
  return (
    <p className="notice" role="status">
      {t(done === "comentario-dismiss" ? "commentQueue.done.dismiss" : "commentQueue.done.uphold")}
    </p>
  );
}

/** A reported comment of /moderacion: its words, its reports, and the two decisions (plain forms). */
export function CommentQueueItem({ item, now, redirectTo, result }: { item: CommentQueueRow; now: string; redirectTo: string; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const failed = intentFailure(result, "resolveComment", { commentId: item.id });
  const reasons = (item.reports.reasons ?? []).map((r) => t("moderation.reasonCount", { reason: t(`reportReason.${r.reason}` as never), count: r.count })).join(", ");
  return (
    <li className="card">
      <p className="tags">
        {item.hidden ? <span className="tag status attention">{t("commentQueue.hidden")}</span> : null}
        {item.deleted ? <span className="tag status">{t("commentQueue.deleted")}</span> : null}
      </p>
      <h3 className="card-title">{t("commentQueue.decision", { name: item.author.name })}</h3>
      <p className="meta">
        <Link to={`/ideas/${item.idea.id}#comentario-${item.id}`}>{t("commentQueue.onIdea", { title: item.idea.title })}</Link> ·{" "}
        <time dateTime={item.waitingSince} title={formatDateTime(item.waitingSince, locale)}>
          {t("moderation.waiting.comments", { age: formatAge(item.waitingSince, now, locale) })}
        </time>
      </p>
      <blockquote className="comment-quote">
        <RichText text={item.body} />
      </blockquote>
      <p>{t("commentQueue.reports", { reasons })}</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="commentId" value={item.id} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {failed?.general ? <p className="error">{failed.general}</p> : null}
        <Field name="reason" id={`field-reason-${item.id}`} label={t("commentQueue.reason")} error={failed?.errors.reason} constraints={{ maxLength: 2000 }}>
          {(control) => <textarea {...control} rows={2} />}
        </Field>
        <p className="actions">
          <button type="submit" name="outcome" value="dismiss" className="secondary">
            {t("commentQueue.dismiss")}
          </button>{" "}
          <button type="submit" name="outcome" value="uphold">
            {t("commentQueue.uphold")}
          </button>
        </p>
        <input type="hidden" name="intent" value="resolveComment" />
      </Form>
    </li>
  );
}
