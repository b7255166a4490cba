import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CheckboxGroup, ErrorSummary, Field } from "~/components/form";
import { fieldProps, useSchemaForm, type FormConstraint, type FormFailure } from "~/lib/forms";
import { OrganizationKind, Sector } from "../../server/db/generated/enums";
import type { OrganizationProfile } from "../../server/organization/schemas";

const KINDS = Object.values(OrganizationKind);
const SECTORS = Object.values(Sector);
const TEXT_FIELDS = [
  { name: "name", type: "text", autoComplete: "organization" },
  { name: "nit", type: "text", autoComplete: "off" },
  { name: "city", type: "text", autoComplete: "address-level2" },
  { name: "website", type: "url", autoComplete: "url" },
  { name: "contactEmail", type: "email", autoComplete: "email" },
] as const;

/** The profile as saved (management page): the fields start with these values. */
export interface SavedProfile {
  name: string;
  kind: string;
  nit: string | null;
  city: string;
  sectors: readonly string[];
  description: string;
  website: string | null;
  contactEmail: string | null;
}

export interface OrganizationProfileFormProps {
  id: string;
  constraint: FormConstraint;
  /** The last refusal of this form (not of the page's other forms). */
  result: FormFailure | undefined;
  saved?: SavedProfile;
  /** Sent as `intent` (the management page has several forms). */
  intent?: string;
  /** Shown above the button: editing name or NIT of a verified organization sends it back to verification. */
  warning?: string;
  submitLabel: string;
  /** The kinds offered (the create page: those the account may create); every kind by default. */
  kinds?: readonly string[];
}

/** The sectors checked: what was sent before a refusal, else what is saved. */
function checkedSectors(sent: unknown, saved: readonly string[] | undefined): readonly string[] {
  if (Array.isArray(sent)) return sent.filter((s): s is string => typeof s === "string");
  if (typeof sent === "string") return [sent];
  return saved ?? [];
}

/** Name, kind, NIT, city, sectors, description, website and contact email: one plain form, without JavaScript too. */
export function OrganizationProfileForm({ id, constraint, result, saved, intent, warning, submitLabel, kinds }: OrganizationProfileFormProps) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { fields, errors, formProps, summary } = useSchemaForm<OrganizationProfile>({ id, constraint, result });
  const withSaved = (name: keyof SavedProfile) => {
    const field = fieldProps(fields[name]);
    const value = saved?.[name];
    return { ...field, defaultValue: field.defaultValue ?? (typeof value === "string" ? value : undefined) };
  };
  const kind = withSaved("kind");
  const description = withSaved("description");
  const sectors = checkedSectors((result?.values as Record<string, unknown> | undefined)?.sectors, saved?.sectors);
  const label = (name: string) => t(`orgAdmin.field.${name}` as never);
  return (
    <>
      <ErrorSummary
        title={t("form.errorSummary")}
        {...summary}
        labels={Object.fromEntries(["name", "kind", "nit", "city", "sectors", "description", "website", "contactEmail"].map((n) => [n, label(n)]))}
      />
      <Form method="post" className="stack" {...formProps}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        {TEXT_FIELDS.slice(0, 2).map(({ name, type, autoComplete }) => (
          <Field key={name} {...withSaved(name)} label={label(name)} hint={t(`orgAdmin.field.${name}Hint` as never)}>
            {(p) => <input {...p} type={type} autoComplete={autoComplete} />}
          </Field>
        ))}
        <Field {...kind} label={label("kind")} hint={t("orgAdmin.field.kindHint")}>
          {(p) => (
            <select {...p} defaultValue={kind.defaultValue ?? ""}>
              <option value="" disabled>
                {t("orgAdmin.field.kindPlaceholder")}
              </option>
              {(kinds ?? KINDS).map((k) => (
                <option key={k} value={k}>
                  {t(`orgKind.${k}` as never)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {TEXT_FIELDS.slice(2, 3).map(({ name, type, autoComplete }) => (
          <Field key={name} {...withSaved(name)} label={label(name)}>
            {(p) => <input {...p} type={type} autoComplete={autoComplete} />}
          </Field>
        ))}
        <CheckboxGroup
          name="sectors"
          legend={label("sectors")}
          hint={t("orgAdmin.field.sectorsHint")}
          error={errors.sectors}
          required
          options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}` as never) }))}
          checked={sectors}
        />
        <Field {...description} label={label("description")} hint={t("orgAdmin.field.descriptionHint")}>
          {(p) => <textarea {...p} rows={6} />}
        </Field>
        {TEXT_FIELDS.slice(3).map(({ name, type, autoComplete }) => (
          <Field key={name} {...withSaved(name)} label={label(name)} hint={t(`orgAdmin.field.${name}Hint` as never)}>
            {(p) => <input {...p} type={type} autoComplete={autoComplete} />}
          </Field>
        ))}
        {warning ? (
          <p className="notice" id={`${id}-warning`}>
            {warning}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy} aria-describedby={warning ? `${id}-warning` : undefined}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
