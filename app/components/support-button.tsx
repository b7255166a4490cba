import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export interface SupportBox {
  count: number;
  supported: boolean;
  /** signIn: a visitor; open: may support or withdraw; none: the count only (authors, closed ideas). */
  state: "signIn" | "open" | "none";
}

/** The idea's support count and, for who may, the support / withdraw button (a plain form). */
export function SupportButton({ ideaId, support, busy }: { ideaId: string; support: SupportBox; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="support-box" id="apoyos" aria-labelledby="support-title">
      <h2 id="support-title" className="visually-hidden">
        {t("support.title")}
      </h2>
      <p className="support-count">
        <strong>{t("support.count", { count: support.count })}</strong>
        {support.supported ? <> · {t("support.youSupport")}</> : null}
      </p>
      {support.state === "signIn" ? (
        <p>
          <Link to={`/ingresar?redirectTo=${encodeURIComponent(`/ideas/${ideaId}#apoyos`)}`}>{t("support.signIn")}</Link>
        </p>
      ) : support.state === "open" ? (
        <Form method="post" preventScrollReset>
          <button type="submit" name="intent" value={support.supported ? "unsupport" : "support"} className={support.supported ? "secondary" : undefined} disabled={busy}>
            {support.supported ? t("support.remove") : t("support.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
