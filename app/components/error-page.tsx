import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** The sentence a thrown response carries (app/lib/form-request.server.ts, a 503), if any. */
function thrownMessage(error: unknown): string | null {
  if (!isRouteErrorResponse(error)) return null;
  const message = (error.data as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : null;
}

/** Spanish by default; never shows a stack trace (Remix strips them in production). */
export function ErrorPage({ notFound }: { notFound: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = thrownMessage(error);
  const title = notFound
    ? t("error.notFoundTitle")
    : status === 503
      ? t("error.unavailableTitle")
      : status === 403
        ? t("error.forbiddenTitle")
        : status >= 400 && status < 500
          ? t("error.requestTitle")
          : t("error.title");
  return (
    <section className="page narrow" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{notFound ? t("error.notFound") : (message ?? t("error.generic"))}</p>
      <p>
        <Link className="button" to="/">
          {t("error.goHome")}
        </Link>
      </p>
    </section>
  );
}
