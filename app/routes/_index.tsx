import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { IdeaCard } from "~/components/idea-card";

export async function loader({ context }: LoaderFunctionArgs) {
  const latest = await context.caller.idea.list({ limit: 3 });
  return json({ latest: latest.items });
}

export default function Home() {
  const { t } = useTranslation();
  const { latest } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p className="actions">
          <Link className="button" to="/ideas">
            {t("home.ctaIdeas")}
          </Link>
          <Link className="button secondary" to="/ideas/nueva">
            {t("home.ctaNew")}
          </Link>
        </p>
      </section>
      <section className="page" aria-labelledby="latest-title">
        <h2 id="latest-title">{t("home.latest")}</h2>
        <div className="grid">
          {latest.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} />
          ))}
        </div>
        <p>
          <Link to="/ideas">{t("home.seeAll")}</Link>
        </p>
      </section>
      <section className="page" aria-labelledby="who-title">
        <h2 id="who-title">{t("home.forWho")}</h2>
        <ul className="who">
          <li>{t("home.who.entrepreneurs")}</li>
          <li>{t("home.who.allies")}</li>
          <li>{t("home.who.secretariat")}</li>
          <li>{t("home.who.citizens")}</li>
        </ul>
      </section>
    </>
  );
}
