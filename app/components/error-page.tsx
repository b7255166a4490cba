import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Spanish by default; never shows a stack trace (Remix strips them in production). */
export function ErrorPage({ notFound }: { notFound: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="page narrow" aria-labelledby="error-title">
      <h1 id="error-title">{notFound ? t("error.notFoundTitle") : t("error.title")}</h1>
      <p>{notFound ? t("error.notFound") : t("error.generic")}</p>
      <p>
        <Link className="button" to="/">
          {t("error.goHome")}
        </Link>
      </p>
    </section>
  );
}
