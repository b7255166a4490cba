import { useTranslation } from "~/i18n/react";

interface RulesOfSpace {
  amenities: string[];
  accessibilityNotes: string;
  slotMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  minLeadMinutes: number;
  maxHorizonDays: number;
  bufferMinutes: number;
  requiresApproval: boolean;
  allowedRoles: string[];
  userWeeklyHours: number | null;
  orgWeeklyHours: number | null;
}

/** What the space offers and the rules a booking must follow, in words, before anyone picks a slot. */
export function SpaceRules({ space }: { space: RulesOfSpace }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="space-rules-title" className="space-facts">
      <h2 id="space-rules-title">{t("spaces.rules.title")}</h2>
      <dl>
        {space.amenities.length > 0 ? (
          <>
            <dt>{t("spaces.amenities")}</dt>
            <dd>{space.amenities.join(", ")}</dd>
          </>
        ) : null}
        {space.accessibilityNotes ? (
          <>
            <dt>{t("spaces.rules.accessibility")}</dt>
            <dd>{space.accessibilityNotes}</dd>
          </>
        ) : null}
        <dt>{t("spaces.rules.length")}</dt>
        <dd>{t("spaces.rules.lengthValue", { min: space.minDurationMinutes, max: space.maxDurationMinutes, step: space.slotMinutes })}</dd>
        <dt>{t("spaces.rules.when")}</dt>
        <dd>{t("spaces.rules.whenValue", { lead: space.minLeadMinutes, days: space.maxHorizonDays })}</dd>
        {space.bufferMinutes > 0 ? (
          <>
            <dt>{t("spaces.rules.buffer")}</dt>
            <dd>{t("spaces.rules.bufferValue", { minutes: space.bufferMinutes })}</dd>
          </>
        ) : null}
        <dt>{t("spaces.rules.approval")}</dt>
        <dd>{space.requiresApproval ? t("spaces.needsApproval") : t("spaces.rules.instant")}</dd>
        <dt>{t("spaces.rules.who")}</dt>
        <dd>{space.allowedRoles.length === 0 ? t("spaces.rules.everyone") : space.allowedRoles.map((role) => t(`role.${role}`)).join(", ")}</dd>
        {space.userWeeklyHours !== null || space.orgWeeklyHours !== null ? (
          <>
            <dt>{t("spaces.rules.quota")}</dt>
            <dd>
              {[
                space.userWeeklyHours !== null ? t("spaces.rules.userQuota", { count: space.userWeeklyHours }) : null,
                space.orgWeeklyHours !== null ? t("spaces.rules.orgQuota", { count: space.orgWeeklyHours }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
