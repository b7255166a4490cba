import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { CommentItem, type CommentData } from "./comment-item";
import { Field } from "./form";

export interface CommentsBox {
  items: CommentData[];
  nextCursor: string | null;
  laterPage: boolean;
  canComment: boolean;
  signIn: boolean;
  closed: boolean;
  canReport: boolean;
  canModerate: boolean;
}

/** An idea's thread: comments oldest first with their replies, the new-comment form, and the next page. */
export function IdeaComments({ ideaId, comments, result, busy }: { ideaId: string; comments: CommentsBox; result: FormFailure | undefined; busy: boolean }) {
  const { t } = useTranslation();
  const failed = intentFailure(result, "comment");
  const permissions = { canReply: comments.canComment, canReport: comments.canReport, canModerate: comments.canModerate };
  return (
    <section className="comments" id="comentarios" aria-labelledby="comments-title">
      <h2 id="comments-title">{t("comments.title")}</h2>
      {comments.items.length === 0 && !comments.laterPage ? <p>{t("comments.empty")}</p> : null}
      {comments.items.length > 0 ? (
        <ol className="comment-list">
          {comments.items.map((comment) => (
            <CommentItem key={comment.id} comment={comment} permissions={permissions} result={result} busy={busy} />
          ))}
        </ol>
      ) : null}
      {comments.nextCursor ? (
        <p className="pager">
          <Link to={`/ideas/${ideaId}?comentarios=${encodeURIComponent(comments.nextCursor)}#comentarios`}>{t("comments.more")}</Link>
        </p>
      ) : null}
      {comments.canComment ? (
        <Form method="post" className="stack comment-form" noValidate preventScrollReset>
          {failed?.general ? (
            <p className="error" role="alert">
              {failed.general}
            </p>
          ) : null}
          <Field
            name="body"
            label={t("comments.field.body")}
            hint={t("comments.field.bodyHint")}
            error={failed?.errors.body}
            required
            constraints={{ maxLength: 2000 }}
            defaultValue={typeof failed?.values.body === "string" ? failed.values.body : undefined}
          >
            {(control) => <textarea {...control} rows={4} />}
          </Field>
          <button type="submit" name="intent" value="comment" disabled={busy}>
            {t("comments.submit")}
          </button>
        </Form>
      ) : comments.signIn ? (
        <p>
          <Link to={`/ingresar?redirectTo=${encodeURIComponent(`/ideas/${ideaId}#comentarios`)}`}>{t("comments.signIn")}</Link>
        </p>
      ) : comments.closed ? (
        <p className="meta">{t("comments.closed")}</p>
      ) : null}
    </section>
  );
}
