import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ErrorSummary } from "~/components/form";
import { ReportFields } from "~/components/idea-report-form";
import { formatDate, type Locale } from "~/i18n";
import { actionFailure } from "~/lib/actions";
import { readForm } from "~/lib/form-request.server";
import { parseSubmission, schemaConstraint } from "~/lib/forms.server";
import { titledPage } from "~/lib/meta";
import { reportFormFields, reportRefusal } from "~/lib/moderation.server";
import { can } from "../../server/authz/policy";

export const meta = titledPage("report.pageTitle");

function signInFirst(ideaId: string): never {
  throw redirect(`/ingresar?redirectTo=${encodeURIComponent(`/ideas/${ideaId}/reportar`)}`);
}

/** The idea as the caller may see it, or null (hidden since, or never visible). */
async function visibleIdea(caller: LoaderFunctionArgs["context"]["caller"], id: string) {
  return caller.idea.byId({ id }).catch(() => null);
}

/**
 * The report form on a page of its own: where the idea page's form lands when it needs to say
 * what is wrong, and where a person who already reported reads that the Secretariat has it
 * (even once the idea is hidden and its page is gone for them).
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const { actor, locale } = context.ctx;
  if (!actor) signInFirst(id);
  const mine = await context.caller.report.mine({ ideaId: id }).catch((error: unknown) => {
    if (context.describeError(error).httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  });
  const idea = await visibleIdea(context.caller, id);
  if (mine) return json({ state: "reported" as const, idea: idea && { id: idea.id, title: idea.title }, mine, constraint: null, refusal: null });
  if (!idea) throw json(null, { status: 404 });
  const summary = { id: idea.id, title: idea.title };
  if (!can(actor, "idea.report", idea)) {
    const refusal = reportRefusal(context, actor.role);
    return json({ state: "refused" as const, idea: summary, mine: null, constraint: null, refusal }, { status: 403 });
  }
  return json({ state: "open" as const, idea: summary, mine: null, constraint: schemaConstraint(reportFormFields), refusal: null });
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  const id = params.id ?? "";
  if (!context.ctx.user) signInFirst(id);
  const form = await readForm({ request, context });
  const submission = parseSubmission(context, form, reportFormFields);
  if (!submission.ok) return submission.reply;
  try {
    const { hidden } = await context.caller.report.create({ ideaId: id, ...submission.value });
    // Hidden by this very report, the idea's page is gone for the reporter: the thanks are here.
    return redirect(hidden ? `/ideas/${id}/reportar` : `/ideas/${id}?reporte=enviado#reportar`);
  } catch (error) {
    return actionFailure(context, error, submission.values);
  }
}

export default function ReportIdeaPage() {
  const { t, i18n } = useTranslation();
  const { state, idea, mine, constraint, refusal } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="page narrow" aria-labelledby="report-title">
      <h1 id="report-title">{t("report.pageTitle")}</h1>
      {idea ? (
        <p>
          {t("report.about")} <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
        </p>
      ) : null}
      {state === "reported" && mine ? (
        <p className="notice" role="status">
          {t("report.sent")}{" "}
          {t("report.done", { date: formatDate(mine.createdAt, i18n.language as Locale), reason: t(`reportReason.${mine.reason}`) })}
        </p>
      ) : null}
      {state === "refused" ? <p className="notice">{refusal}</p> : null}
      {state === "open" && idea ? (
        <>
          <p className="hint">{t("report.lead")}</p>
          {result ? (
            <ErrorSummary
              title={t("form.errorSummary")}
              message={result.message}
              fieldErrors={result.fieldErrors}
              labels={{ reason: t("report.reason"), details: t("report.details") }}
            />
          ) : null}
          <ReportFields ideaId={idea.id} constraint={constraint ?? undefined} result={result} />
        </>
      ) : null}
      <p>
        <Link to="/ideas">{t("report.backToIdeas")}</Link>
      </p>
    </section>
  );
}
