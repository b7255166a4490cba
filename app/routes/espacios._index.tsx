import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterSelect } from "~/components/filters";
import { SpaceCard } from "~/components/space-card";
import { titledPage } from "~/lib/meta";
import { spacesPage } from "~/lib/spaces.server";
import { SpaceKind } from "../../server/db/generated/enums";

export const meta = titledPage("nav.spaces");

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await spacesPage(context, request));
}

const KINDS = Object.values(SpaceKind);

export default function SpacesPage() {
  const { t } = useTranslation();
  const { filters, filtered, durations, spaces, centers, amenities } = useLoaderData<typeof loader>();
  // The week of the "free at" date opens on each space's page, with that length preselected.
  const spaceLink = (id: string) => {
    if (!filters.fecha) return `/espacios/${id}`;
    return `/espacios/${id}?${new URLSearchParams({ semana: filters.fecha, duracion: String(filters.duracion) }).toString()}`;
  };
  return (
    <section className="page" aria-labelledby="spaces-title">
      <div className="page-head">
        <div>
          <h1 id="spaces-title">{t("nav.spaces")}</h1>
          <p className="lead">{t("spaces.lead")}</p>
        </div>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t("spaces.filters")}>
        <FilterSelect id="centro" name="centro" label={t("spaces.center")} anyLabel={t("spaces.anyCenter")} value={filters.centro} options={centers.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect id="tipo" name="tipo" label={t("spaces.kind")} anyLabel={t("spaces.anyKind")} value={filters.tipo} options={KINDS.map((k) => ({ value: k, label: t(`spaceKind.${k}`) }))} />
        <div className="field">
          <label htmlFor="capacidad">{t("spaces.capacity")}</label>
          <input id="capacidad" name="capacidad" type="number" min={1} max={5000} inputMode="numeric" defaultValue={filters.capacidad ?? ""} />
        </div>
        <FilterSelect id="dotacion" name="dotacion" label={t("spaces.amenity")} anyLabel={t("spaces.anyAmenity")} value={filters.dotacion} options={amenities.map((a) => ({ value: a, label: a }))} />
        <fieldset className="field free-at">
          <legend>{t("spaces.freeAt")}</legend>
          <p className="hint" id="free-at-hint">
            {t("spaces.freeAtHint")}
          </p>
          <label htmlFor="fecha">{t("spaces.date")}</label>
          <input id="fecha" name="fecha" type="date" defaultValue={filters.fecha ?? ""} aria-describedby="free-at-hint" />
          <label htmlFor="hora">{t("spaces.time")}</label>
          <input id="hora" name="hora" type="time" step={1800} defaultValue={filters.hora ?? ""} aria-describedby="free-at-hint" />
          <label htmlFor="duracion">{t("spaces.duration")}</label>
          <select id="duracion" name="duracion" defaultValue={String(filters.duracion)}>
            {durations.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t("spaces.minutes", { count: minutes })}
              </option>
            ))}
          </select>
        </fieldset>
        <button type="submit" className="secondary">
          {t("spaces.apply")}
        </button>
        {filtered ? <Link to="/espacios">{t("spaces.clear")}</Link> : null}
      </Form>
      <p role="status" className="meta">
        {spaces.length === 0 ? t("spaces.empty") : t("spaces.count", { count: spaces.length })}
      </p>
      {spaces.length > 0 ? (
        <ul className="grid">
          {spaces.map((space) => (
            <SpaceCard key={space.id} space={space} href={spaceLink(space.id)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
