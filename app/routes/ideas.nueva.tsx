import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { IdeaForm } from "~/components/idea-form";
import { assertFormRequest } from "~/lib/form-request.server";
import { canPostIdeas, submitNewIdea } from "~/lib/idea-form.server";
import { titledPage } from "~/lib/meta";
import { ideaFormFields, schemaConstraint } from "~/lib/forms.server";

export const meta = titledPage("newIdea.title");

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { user, actor } = context.ctx;
  if (!user) throw redirect(`/ingresar?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`);
  const canCreate = canPostIdeas(context);
  // Memberships are in the session; their names cost one query, only for people who may post.
  const organizations = canCreate && actor && actor.memberships.size > 0 ? await context.caller.organization.mine() : [];
  return json({
    canCreate,
    constraint: schemaConstraint(ideaFormFields),
    organizations: organizations.map(({ id, name }) => ({ id, name })),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  // Method and content type are checked before the upload parser reads any of the body.
  assertFormRequest({ request, context }, "multipart");
  return submitNewIdea(context, request);
}

export default function NewIdeaPage() {
  const { t } = useTranslation();
  const { canCreate, constraint, organizations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!canCreate) {
    return (
      <section className="page narrow" aria-labelledby="new-idea-title">
        <h1 id="new-idea-title">{t("newIdea.title")}</h1>
        <p className="notice">{t("newIdea.onlyEntrepreneurs")}</p>
        <p>
          <Link to="/ideas">{t("idea.back")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page narrow" aria-labelledby="new-idea-title">
      <h1 id="new-idea-title">{t("newIdea.title")}</h1>
      <p className="lead">{t("newIdea.lead")}</p>
      <IdeaForm
        id="new-idea-form"
        constraint={constraint}
        result={result}
        organizations={organizations}
        buttons={{ draft: t("ideaForm.saveDraft"), submit: t("ideaForm.submit") }}
      />
    </section>
  );
}
