import { useTranslation } from "~/i18n/react";
import type { UiKey } from "~/i18n/es";

export function ComingSoon({ titleKey, descriptionKey }: { titleKey: UiKey; descriptionKey: UiKey }) {
  const { t } = useTranslation();
  return (
    <section className="page narrow" aria-labelledby="soon-title">
      <h1 id="soon-title">{t(titleKey)}</h1>
      <p className="lead">{t(descriptionKey)}</p>
      <p>{t("soon.lead")}</p>
    </section>
  );
}
