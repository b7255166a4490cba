import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { titledPage } from "~/lib/meta";
import { requireSignIn } from "~/lib/organization-form.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const meta = titledPage("welcomeOrg.title");

/**
 * The step right after registering as academia or company: set up the organization, join one,
 * or skip it (everything here can be done later from "Mis organizaciones").
 */
export const handle = copyAreas("gestion");
export const clientLoader = loadCopyAreas("gestion");

export async function loader({ context, request }: LoaderFunctionArgs) {
  requireSignIn(context, request);
  return json(null);
}

export default function WelcomeOrganizationPage() {
  const { t } = useTranslation();
  return (
    <section className="page narrow" aria-labelledby="welcome-org-title">
      <h1 id="welcome-org-title">{t("welcomeOrg.title")}</h1>
      <p className="lead">{t("welcomeOrg.lead")}</p>
      <ul className="rows">
        <li>
          <p>
            <Link className="button" to="/organizaciones/nueva">
              {t("welcomeOrg.create")}
            </Link>
          </p>
          <p className="hint">{t("welcomeOrg.createHint")}</p>
        </li>
        <li>
          <p>
            <Link className="button secondary" to="/organizaciones">
              {t("welcomeOrg.join")}
            </Link>
          </p>
          <p className="hint">{t("welcomeOrg.joinHint")}</p>
        </li>
      </ul>
      <p>
        <Link to="/">{t("welcomeOrg.skip")}</Link>
      </p>
      <p className="hint">{t("welcomeOrg.later")}</p>
    </section>
  );
}
