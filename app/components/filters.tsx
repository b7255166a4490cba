import { useTranslation } from "~/i18n/react";
import { Sector } from "../../server/db/generated/enums";

const SECTORS = Object.values(Sector);

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  id: string;
  name: string;
  label: string;
  /** The first option, value "": no filter. Omitted when a value is always chosen (an order). */
  anyLabel?: string;
  value: string | undefined;
  options: readonly FilterOption[];
  hint?: string;
}

/** One select of a GET filter form (lists of ideas, organizations, moderation queues). */
export function FilterSelect({ id, name, label, anyLabel, value, options, hint }: FilterSelectProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""} aria-describedby={hintId}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The sector filter, with every sector by its name. */
export function SectorFilter({ id = "sector", label, anyLabel, value }: { id?: string; label: string; anyLabel: string; value: string | undefined }) {
  const { t } = useTranslation();
  const options = SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }));
  return <FilterSelect id={id} name="sector" label={label} anyLabel={anyLabel} value={value} options={options} />;
}
