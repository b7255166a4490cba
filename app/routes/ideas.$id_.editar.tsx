import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { IdeaForm } from "~/components/idea-form";
import { assertFormRequest } from "~/lib/form-request.server";
import { ideaFormFields, schemaConstraint } from "~/lib/forms.server";
import { editRefusal, submitIdeaEdit } from "~/lib/idea-form.server";
import { titledPage } from "~/lib/meta";

export const meta = titledPage("editIdea.title");

/** The idea as its page loads it; a malformed or unknown id, or one the person may not see, is a 404. */
async function loadIdea(context: LoaderFunctionArgs["context"], id: string | undefined) {
  try {
    return await context.caller.idea.byId({ id: id ?? "" });
  } catch (error) {
    const { httpStatus } = context.describeError(error);
    if (httpStatus === 404 || httpStatus === 400) throw json(null, { status: 404 });
    throw error;
  }
}

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const idea = await loadIdea(context, params.id);
  const refusal = editRefusal(context, idea);
  // Memberships' names cost one query; the idea's own organization stays choosable for a co-author outside it.
  const mine = !refusal && context.ctx.actor!.memberships.size > 0 ? await context.caller.organization.mine() : [];
  const organizations = mine.map(({ id, name }) => ({ id, name }));
  if (idea.organization && !organizations.some((o) => o.id === idea.organization!.id)) organizations.unshift(idea.organization);
  return json({
    idea,
    refusal: refusal ? (refusal.code === "FORBIDDEN" ? ("notAuthor" as const) : ("notEditable" as const)) : null,
    constraint: schemaConstraint(ideaFormFields),
    organizations,
  });
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  // Method and content type are checked before the upload parser reads any of the body.
  assertFormRequest({ request, context }, "multipart");
  if (!context.ctx.user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  return submitIdeaEdit(context, request, await loadIdea(context, params.id));
}

export default function EditIdeaPage() {
  const { t } = useTranslation();
  const { idea, refusal, constraint, organizations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const status = t(`ideaStatus.${idea.status}`);
  return (
    <section className="page narrow" aria-labelledby="edit-idea-title">
      <p>
        <Link to={`/ideas/${idea.id}`}>← {t("editIdea.back")}</Link>
      </p>
      <h1 id="edit-idea-title">{t("editIdea.title")}</h1>
      <p className="lead">{idea.title}</p>
      {refusal ? (
        <p className="notice">{refusal === "notAuthor" ? t("editIdea.notAuthor") : t("editIdea.notEditable", { status })}</p>
      ) : (
        <>
          <p>{t("editIdea.lead", { status })}</p>
          <IdeaForm
            id="edit-idea-form"
            constraint={constraint}
            result={result}
            organizations={organizations}
            saved={{ ...idea, organizationId: idea.organization?.id ?? null }}
            attachments={idea.attachments}
            buttons={{ draft: t("editIdea.save"), submit: t("editIdea.saveAndSubmit") }}
          />
        </>
      )}
    </section>
  );
}
