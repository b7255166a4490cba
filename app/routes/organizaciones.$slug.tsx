import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { IdeaCard } from "~/components/idea-card";
import { OrganizationJoin } from "~/components/organization-join";
import { VerifiedBadge } from "~/components/verified-badge";
import { pageMeta } from "~/lib/meta";
import { loadOrganizationPage, organizationPageAction } from "~/lib/organization-page.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data?.organization.name);

export async function loader({ context, params }: LoaderFunctionArgs) {
  return json(await loadOrganizationPage(context, params.slug));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return organizationPageAction(context, request, params.slug);
}

export default function OrganizationPage() {
  const { t } = useTranslation();
  const { organization: org, ideas, viewer, joinConstraint } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const requested = params.get("aviso") === "solicitud" || viewer.pendingJoinRequest;
  return (
    <article className="page narrow" aria-labelledby="organization-title">
      <p>
        <Link to="/organizaciones">← {t("orgPage.back")}</Link>
      </p>
      {requested ? (
        <p className="notice" role="status">
          {t("orgPage.join.sent")}
        </p>
      ) : null}
      <div className="org-head">
        {org.logoFileId ? (
          // Decorative: the name is the heading beside it.
          <img className="org-logo" src={`/archivos/${org.logoFileId}`} alt="" width={96} height={96} />
        ) : null}
        <div>
          <h1 id="organization-title">{org.name}</h1>
          <p className="tags">
            <span className="tag">{t(`orgKind.${org.kind}`)}</span>
            {org.verified ? <VerifiedBadge /> : null}
          </p>
        </div>
      </div>
      {viewer.role ? (
        <div className="panel">
          <p>{t("orgPage.yourRole", { role: t(`org.role.${viewer.role}`) })}</p>
          {viewer.canManage ? (
            <p>
              <Link className="button secondary" to={`/organizaciones/${org.slug}/gestionar`}>
                {t("orgPage.manage")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("orgPage.city")}</dt>
        <dd>{org.city}</dd>
        <dt>{t("orgPage.sectors")}</dt>
        <dd>{org.sectors.map((s) => t(`sector.${s}`)).join(", ")}</dd>
        {org.website ? (
          <>
            <dt>{t("orgPage.website")}</dt>
            <dd>
              <a href={org.website} rel="noopener">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        {org.contactEmail ? (
          <>
            <dt>{t("orgPage.contact")}</dt>
            <dd>
              <a href={`mailto:${org.contactEmail}`}>{org.contactEmail}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="prose">{org.description}</p>
      {viewer.canJoin && !requested ? <OrganizationJoin constraint={joinConstraint} /> : null}
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{t("orgPage.offers")}</h2>
        {org.offers.length === 0 ? (
          <p>{t("orgPage.offersEmpty")}</p>
        ) : (
          <ul className="rows">
            {org.offers.map((offer) => (
              <li key={offer.id}>
                <p className="tags">
                  <span className="tag">{t(`offerKind.${offer.kind}`)}</span>
                </p>
                <h3 className="offer-title">{offer.title}</h3>
                <p className="prose">{offer.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("orgPage.members")}</h2>
        {org.members.length === 0 ? (
          <p>{t("orgPage.membersEmpty")}</p>
        ) : (
          <ul className="people">
            {org.members.map((member) => (
              <li key={member.userId}>
                <span>{member.name}</span> <span className="meta">{t(`org.role.${member.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-ideas-title">
        <h2 id="org-ideas-title">{t("orgPage.ideas")}</h2>
        {ideas.length === 0 ? (
          <p>{t("orgPage.ideasEmpty")}</p>
        ) : (
          <div className="grid">
            {ideas.map((idea) => (
              <IdeaCard key={idea.id} idea={idea} headingLevel={3} />
            ))}
          </div>
        )}
      </section>
      {!viewer.signedIn ? (
        <p className="meta report-box">
          <Link to={`/ingresar?redirectTo=${encodeURIComponent(`/organizaciones/${org.slug}`)}`}>{t("orgPage.join.signIn")}</Link>
        </p>
      ) : null}
    </article>
  );
}
