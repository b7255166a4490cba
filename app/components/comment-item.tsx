import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { formatDateTime, type Locale } from "~/i18n";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { ChoiceField, Field } from "./form";
import { RichText } from "./rich-text";
import type { CommentView } from "../../server/comment/queries";
import { COMMENT_MAX_LENGTH } from "../../server/comment/rules";
import { ReportReason } from "../../server/db/generated/enums";

/** The reasons in the order offered, as for ideas. */
const REASONS = Object.values(ReportReason);

/** A comment as comment.list gives it; top-level ones carry their replies. */
export type CommentData = CommentView & { replies?: CommentView[] };

export interface CommentPermissions {
  canReply: boolean;
  canReport: boolean;
  canModerate: boolean;
}

interface ItemProps {
  comment: CommentData;
  permissions: CommentPermissions;
  result: FormFailure | undefined;
  busy: boolean;
}

/** A text area for one comment's form, its field named per comment (`body-<id>`) as the action answers. */
function BodyField({ name, id, label, hint, error, defaultValue }: { name: string; id: string; label: string; hint?: string; error?: string; defaultValue?: string }) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} required constraints={{ maxLength: COMMENT_MAX_LENGTH }} defaultValue={defaultValue}>
      {(control) => <textarea {...control} name="body" rows={3} />}
    </Field>
  );
}

function ReportCommentForm({ comment, result }: { comment: CommentData; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const failed = intentFailure(result, "reportComment", { commentId: comment.id });
  const typed = (name: string) => (typeof failed?.values[name] === "string" ? (failed.values[name] as string) : undefined);
  return (
    <details className="comment-action" open={failed ? true : undefined}>
      <summary>{t("comments.report")}</summary>
      <p className="hint">{t("comments.reportLead")}</p>
      <Form method="post" className="stack" noValidate preventScrollReset>
        <input type="hidden" name="commentId" value={comment.id} />
        {failed?.general ? <p className="error">{failed.general}</p> : null}
        <ChoiceField
          name="reason"
          id={`field-reason-${comment.id}`}
          legend={t("report.reason")}
          required
          error={failed?.errors[`reason-${comment.id}`]}
          defaultValue={typed("reason")}
          options={REASONS.map((value) => ({ value, label: t(`reportReason.${value}`) }))}
        />
        <Field name="details" id={`field-details-${comment.id}`} label={t("report.details")} hint={t("report.detailsHint")} error={failed?.errors[`details-${comment.id}`]} constraints={{ maxLength: 1000 }} defaultValue={typed("details")}>
          {(control) => <textarea {...control} rows={3} />}
        </Field>
        <button type="submit" name="intent" value="reportComment">
          {t("comments.reportSubmit")}
        </button>
      </Form>
    </details>
  );
}

/** One comment and, for a top-level one, its replies and reply form. Removed and hidden ones keep their place. */
export function CommentItem({ comment, permissions, result, busy }: ItemProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const name = comment.author?.name ?? t("comments.someone");
  const visible = comment.state === "visible";
  const editFailure = intentFailure(result, "editComment", { commentId: comment.id });
  const replyFailure = intentFailure(result, "reply", { parentId: comment.id });
  const removeFailure = intentFailure(result, "removeComment", { commentId: comment.id });
  // A report's refusal is said inside its own form.
  const general = editFailure?.general ?? replyFailure?.general ?? removeFailure?.general;
  const canRemove = comment.state !== "deleted" && (comment.mine || permissions.canModerate);
  const canReport = visible && permissions.canReport && !comment.mine && !comment.reported;
  return (
    <li className={comment.official ? "comment official" : "comment"} id={`comentario-${comment.id}`}>
      <article aria-label={comment.author ? name : t(comment.state === "deleted" ? "comments.deleted" : "comments.hidden")}>
        {comment.official && comment.body !== null ? <p className="tag official-tag">{t("comments.official")}</p> : null}
        {comment.author ? (
          <p className="meta">
            <strong>{comment.author.name}</strong> · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
            {comment.editedAt ? <> · {t("comments.edited")}</> : null}
          </p>
        ) : null}
        {comment.state === "deleted" ? (
          <p className="meta comment-gone">{t("comments.deleted")}</p>
        ) : comment.body === null ? (
          <p className="meta comment-gone">{t("comments.hidden")}</p>
        ) : (
          <>
            {comment.state === "hidden" ? <p className="meta">{t("comments.hiddenForSecretariat")}</p> : null}
            <RichText text={comment.body} className="comment-body" />
          </>
        )}
        {general ? (
          <p className="error" role="alert">
            {general}
          </p>
        ) : null}
        {comment.editable && comment.body !== null ? (
          <details className="comment-action" open={editFailure ? true : undefined}>
            <summary>{t("comments.edit")}</summary>
            <Form method="post" className="stack" noValidate preventScrollReset>
              <input type="hidden" name="commentId" value={comment.id} />
              <BodyField
                name={`body-${comment.id}`}
                id={`field-body-${comment.id}`}
                label={t("comments.field.edit")}
                hint={t("comments.editHint")}
                error={editFailure?.errors[`body-${comment.id}`]}
                defaultValue={typeof editFailure?.values.body === "string" ? editFailure.values.body : comment.body}
              />
              <button type="submit" name="intent" value="editComment" disabled={busy}>
                {t("comments.saveEdit")}
              </button>
            </Form>
          </details>
        ) : null}
        {canRemove ? (
          <Form method="post" className="inline-form" preventScrollReset>
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" name="intent" value="removeComment" className="secondary" disabled={busy}>
              {t("comments.remove")}
              {comment.author && !comment.mine ? <span className="visually-hidden"> ({comment.author.name})</span> : null}
            </button>
          </Form>
        ) : null}
        {canReport ? <ReportCommentForm comment={comment} result={result} /> : null}
        {comment.reported ? <p className="meta">{t("comments.reported")}</p> : null}
      </article>
      {comment.replies && comment.replies.length > 0 ? (
        <ol className="comment-replies" aria-label={t("comments.repliesOf", { name })}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} permissions={permissions} result={result} busy={busy} />
          ))}
        </ol>
      ) : null}
      {comment.parentId === null && permissions.canReply && visible ? (
        <details className="comment-action" open={replyFailure ? true : undefined}>
          <summary>
            {t("comments.reply")}
            <span className="visually-hidden"> ({name})</span>
          </summary>
          <Form method="post" className="stack" noValidate preventScrollReset>
            <input type="hidden" name="parentId" value={comment.id} />
            <BodyField
              name={`reply-${comment.id}`}
              id={`field-reply-${comment.id}`}
              label={t("comments.replyTo", { name })}
              error={replyFailure?.errors[`reply-${comment.id}`]}
              defaultValue={typeof replyFailure?.values.body === "string" ? replyFailure.values.body : undefined}
            />
            <button type="submit" name="intent" value="reply" disabled={busy}>
              {t("comments.submitReply")}
            </button>
          </Form>
        </details>
      ) : null}
    </li>
  );
}
