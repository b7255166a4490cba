import { useTranslation } from "~/i18n/react";

/**
 * "Verificada": the Secretariat confirmed the organization's details. The check mark is
 * decoration; the word is what screen readers read, and the title explains it on hover.
 */
export function VerifiedBadge() {
  const { t } = useTranslation();
  return (
    <span className="tag verified" title={t("org.verifiedMeaning")}>
      <span aria-hidden="true">✓ </span>
      {t("org.verified")}
    </span>
  );
}
