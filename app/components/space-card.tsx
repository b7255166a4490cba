import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export interface SpaceCardData {
  id: string;
  name: string;
  kind: string;
  capacity: number;
  amenities: string[];
  requiresApproval: boolean;
  center: { name: string; address: string };
  /** The space's first photo, if it has any. */
  photo: { url: string; alt: string } | null;
}

export function SpaceCard({ space, href }: { space: SpaceCardData; href: string }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      {space.photo ? <img className="card-photo" src={space.photo.url} alt={space.photo.alt} width={320} height={240} loading="lazy" /> : null}
      <h2 className="card-title">
        <Link to={href}>{space.name}</Link>
      </h2>
      <p className="meta">
        {t(`spaceKind.${space.kind}`)} · {t("spaces.capacityOf", { count: space.capacity })}
      </p>
      <p className="meta">
        {space.center.name} — {space.center.address}
      </p>
      {space.amenities.length > 0 ? (
        <ul className="tags" aria-label={t("spaces.amenities")}>
          {space.amenities.map((amenity) => (
            <li key={amenity} className="tag">
              {amenity}
            </li>
          ))}
        </ul>
      ) : null}
      {space.requiresApproval ? <p className="notice">{t("spaces.needsApproval")}</p> : null}
    </li>
  );
}
