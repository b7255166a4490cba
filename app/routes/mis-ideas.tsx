import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary } from "~/components/form";
import { StatusBadge } from "~/components/idea-status";
import { formatDate, type Locale } from "~/i18n";
import { actionFailure } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { leaveIdeaInput, parseSubmission } from "~/lib/forms.server";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("myIdeas.title");

/** What `?aviso=` may announce (copy: `myIdeas.notice.<aviso>`). */
const NOTICES = ["aceptada", "rechazada", "saliste"] as const;

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const cursor = new URL(request.url).searchParams.get("cursor") || undefined;
  try {
    const [ideas, invitations] = await Promise.all([context.caller.idea.mine({ cursor, limit: 20 }), context.caller.coauthor.invitations()]);
    return json({ ideas, invitations, paged: Boolean(cursor) });
  } catch (error) {
    // A hand-edited or truncated "more" link: the error page says what is wrong with it.
    const { httpStatus, message } = context.describeError(error);
    if (httpStatus === 400) throw json({ message }, { status: 400 });
    throw error;
  }
}

/** Accepting or declining an invitation from the list. */
export async function action({ context, request }: ActionFunctionArgs) {
  if (!context.ctx.user) throw redirect("/ingresar?redirectTo=/mis-ideas");
  const form = await readForm({ request, context });
  const fields = parseSubmission(context, form, leaveIdeaInput);
  if (!fields.ok) return fields.reply;
  const accept = form.get("intent") === "accept";
  try {
    await context.caller.coauthor.respond({ ideaId: fields.value.ideaId, accept });
  } catch (error) {
    return actionFailure(context, error);
  }
  return redirect(accept ? `/ideas/${fields.value.ideaId}?aviso=aceptada` : "/mis-ideas?aviso=rechazada");
}

export default function MyIdeasPage() {
  const { t, i18n } = useTranslation();
  const { ideas, invitations, paged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => n === params.get("aviso"));
  const locale = i18n.language as Locale;
  return (
    <section className="page" aria-labelledby="my-ideas-title">
      <div className="page-head">
        <div>
          <h1 id="my-ideas-title">{t("myIdeas.title")}</h1>
          <p className="lead">{t("myIdeas.lead")}</p>
        </div>
        <Link className="button" to="/ideas/nueva">
          {t("ideas.new")}
        </Link>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {t(`myIdeas.notice.${notice}`)}
        </p>
      ) : null}
      {result ? <ErrorSummary title={t("form.errorSummary")} message={result.message} fieldErrors={result.fieldErrors} /> : null}
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-title" className="panel">
          <h2 id="invitations-title">{t("myIdeas.invitations")}</h2>
          <ul className="rows">
            {invitations.map((invitation) => (
              <li key={invitation.ideaId}>
                <p>
                  <Link to={`/ideas/${invitation.ideaId}`}>{invitation.title}</Link>
                  <br />
                  <span className="meta">{t("myIdeas.invitedBy", { name: invitation.invitedBy.name })}</span>
                </p>
                <Form method="post" className="actions">
                  <input type="hidden" name="ideaId" value={invitation.ideaId} />
                  <button type="submit" name="intent" value="accept" className="small" disabled={busy}>
                    {t("myIdeas.accept")}
                    <span className="visually-hidden"> {t("myIdeas.invitationTo", { title: invitation.title })}</span>
                  </button>
                  <button type="submit" name="intent" value="decline" className="secondary small" disabled={busy}>
                    {t("myIdeas.decline")}
                    <span className="visually-hidden"> {t("myIdeas.invitationTo", { title: invitation.title })}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="mine-title">{t("myIdeas.mine")}</h2>
      {ideas.items.length === 0 ? (
        <p>{paged ? t("myIdeas.noMore") : t("myIdeas.empty")}</p>
      ) : (
        <ul className="rows" aria-labelledby="mine-title">
          {ideas.items.map((idea) => (
            <li key={idea.id}>
              <p>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link> <StatusBadge status={idea.status} />
                <br />
                <span className="meta">
                  {t(`myIdeas.relation.${idea.relation}`)} · {t("myIdeas.updated", { date: formatDate(idea.updatedAt, locale) })}
                </span>
              </p>
              <p className="hint">{idea.relation === "INVITED" ? t("myIdeas.answerInvitation") : t(`ideaNextStep.${idea.status}`)}</p>
            </li>
          ))}
        </ul>
      )}
      {ideas.nextCursor ? (
        <p className="pager">
          <Link to={`/mis-ideas?cursor=${encodeURIComponent(ideas.nextCursor)}`}>{t("myIdeas.more")}</Link>
        </p>
      ) : null}
      <p className="hint">
        <Link to="/jurado">{t("myIdeas.juryLink")}</Link>
      </p>
    </section>
  );
}
