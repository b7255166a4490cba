import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CheckboxGroup, ErrorSummary, Field } from "~/components/form";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { Role, SpaceKind } from "../../server/db/generated/enums";

const KINDS = Object.values(SpaceKind);
const ROLES = Object.values(Role);

/** The booking rules, as number inputs whose labels carry their units. */
const RULES = [
  { name: "slotMinutes", hint: "spaceAdmin.space.slotMinutesHint" },
  { name: "minDurationMinutes", hint: null },
  { name: "maxDurationMinutes", hint: null },
  { name: "minLeadMinutes", hint: null },
  { name: "maxHorizonDays", hint: null },
  { name: "bufferMinutes", hint: "spaceAdmin.space.bufferMinutesHint" },
] as const;
const QUOTAS = ["userWeeklyHours", "orgWeeklyHours"] as const;
const TEXTS = ["accessibilityNotes", "description"] as const;

/** The space as saved (edit page), as the form shows it. */
export interface SpaceFormSaved {
  centerId: string;
  name: string;
  kind: string;
  capacity: string;
  amenities: string;
  accessibilityNotes: string;
  description: string;
  slotMinutes: string;
  minDurationMinutes: string;
  maxDurationMinutes: string;
  minLeadMinutes: string;
  maxHorizonDays: string;
  bufferMinutes: string;
  requiresApproval: boolean;
  allowedRoles: string[];
  userWeeklyHours: string;
  orgWeeklyHours: string;
  active: boolean;
}

/** A new space starts with the procedures' defaults (server/booking/schemas.ts spaceFields). */
const NEW_SPACE: SpaceFormSaved = {
  centerId: "",
  name: "",
  kind: "",
  capacity: "",
  amenities: "",
  accessibilityNotes: "",
  description: "",
  slotMinutes: "30",
  minDurationMinutes: "30",
  maxDurationMinutes: "240",
  minLeadMinutes: "60",
  maxHorizonDays: "60",
  bufferMinutes: "0",
  requiresApproval: false,
  allowedRoles: [],
  userWeeklyHours: "",
  orgWeeklyHours: "",
  active: true,
};

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);

export interface SpaceFormProps {
  constraint: FormConstraint;
  result: FormFailure | undefined;
  centers: readonly { id: string; name: string }[];
  saved?: SpaceFormSaved;
  /** The center chosen beforehand (a center's "add a space" link). */
  centerId?: string | null;
  submitLabel: string;
}

/** A space of a center and its booking rules, a plain post that works without JavaScript. */
export function SpaceForm({ constraint, result, centers, saved, centerId, submitLabel }: SpaceFormProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { field, errors, formProps, summary } = useSchemaForm({ id: "space-form", constraint, result });
  const current = saved ?? { ...NEW_SPACE, centerId: centerId ?? "" };
  // After a refusal the form shows what was sent (an unchecked box included), else what is saved.
  const sent = result ? ((result.values ?? {}) as Record<string, unknown>) : null;
  const text = (name: keyof SpaceFormSaved) => {
    const props = fieldProps(field(name));
    return { ...props, defaultValue: sent ? props.defaultValue : String(current[name]) };
  };
  const checked = (name: "requiresApproval" | "active") => (sent ? sent[name] === "on" || sent[name] === true : current[name]);
  const label = (name: string) => t(`spaceAdmin.space.${name}` as never);
  const labels: Record<string, string> = Object.fromEntries(
    ["centerId", "name", "kind", "capacity", "amenities", ...TEXTS, ...RULES.map((r) => r.name), ...QUOTAS, "allowedRoles"].map((name) => [
      name,
      label(name === "centerId" ? "center" : name),
    ]),
  );
  const center = text("centerId");
  const kind = text("kind");
  return (
    <>
      <ErrorSummary title={t("form.errorSummary")} {...summary} labels={labels} />
      <Form method="post" className="stack" {...formProps}>
        <fieldset className="stack">
          <legend>{t("spaceAdmin.space.details")}</legend>
          <Field {...center} label={t("spaceAdmin.space.center")}>
            {(p) => (
              <select {...p}>
                <option value="">{t("spaceAdmin.space.centerPlaceholder")}</option>
                {centers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field {...text("name")} label={t("spaceAdmin.space.name")}>
            {(p) => <input {...p} type="text" autoComplete="off" />}
          </Field>
          <Field {...kind} label={t("spaceAdmin.space.kind")}>
            {(p) => (
              <select {...p}>
                <option value="">{t("spaceAdmin.space.kindPlaceholder")}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`spaceAdmin.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field {...text("capacity")} label={t("spaceAdmin.space.capacity")}>
            {(p) => <input {...p} type="number" inputMode="numeric" />}
          </Field>
          <Field {...text("amenities")} label={t("spaceAdmin.space.amenities")} hint={t("spaceAdmin.space.amenitiesHint")}>
            {(p) => <input {...p} type="text" autoComplete="off" />}
          </Field>
          {TEXTS.map((name) => (
            <Field key={name} {...text(name)} label={label(name)} hint={name === "accessibilityNotes" ? t("spaceAdmin.space.accessibilityNotesHint") : undefined}>
              {(p) => <textarea {...p} rows={3} />}
            </Field>
          ))}
        </fieldset>
        <fieldset className="stack" aria-describedby="space-rules-hint">
          <legend>{t("spaceAdmin.space.rules")}</legend>
          <p className="hint" id="space-rules-hint">
            {t("spaceAdmin.space.rulesHint")}
          </p>
          {RULES.map(({ name, hint }) => (
            <Field key={name} {...text(name)} label={label(name)} hint={hint ? t(hint) : undefined}>
              {(p) => <input {...p} type="number" inputMode="numeric" />}
            </Field>
          ))}
          <label className="choice">
            <input type="checkbox" name="requiresApproval" value="on" defaultChecked={checked("requiresApproval")} /> {t("spaceAdmin.space.requiresApproval")}
          </label>
          <CheckboxGroup
            name="allowedRoles"
            legend={t("spaceAdmin.space.allowedRoles")}
            hint={t("spaceAdmin.space.allowedRolesHint")}
            error={errors.allowedRoles}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            checked={sent ? asList(sent.allowedRoles) : current.allowedRoles}
          />
        </fieldset>
        <fieldset className="stack" aria-describedby="space-quotas-hint">
          <legend>{t("spaceAdmin.space.quotas")}</legend>
          <p className="hint" id="space-quotas-hint">
            {t("spaceAdmin.space.quotasHint")}
          </p>
          {QUOTAS.map((name) => (
            <Field key={name} {...text(name)} required={false} label={label(name)}>
              {(p) => <input {...p} type="number" inputMode="numeric" />}
            </Field>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" name="active" value="on" defaultChecked={checked("active")} /> {t("spaceAdmin.space.active")}
        </label>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t("spaceAdmin.center.saving") : submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
