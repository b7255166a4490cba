import { useTranslation } from "~/i18n/react";

/** Decisions the authors have to read: shown in the warning style. */
const NEEDS_ATTENTION = new Set(["CHANGES_REQUESTED", "REJECTED", "HIDDEN"]);

/**
 * An idea's state as a labelled badge. The state is in the text ("Estado: En revisión"), never in
 * the colour alone (WCAG 1.4.1).
 */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={NEEDS_ATTENTION.has(status) ? "tag status attention" : "tag status"}>
      <span className="visually-hidden">{t("ideaState.label")} </span>
      {t(`ideaStatus.${status}` as never)}
    </span>
  );
}
