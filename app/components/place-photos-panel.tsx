import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/form";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { MAX_PHOTOS_PER_PLACE, PHOTO_TYPES } from "../../server/booking/photo-rules";
import { formatSize, maxBytesFor } from "../../server/files/rules";

const ACCEPT = PHOTO_TYPES.flatMap((type) => [type.mime, ...type.extensions]).join(",");

export interface PhotoView {
  id: string;
  url: string;
  alt: string;
}

/**
 * The photos of a center or a space on the Secretariat's edit page: each with its alt text and
 * remove button, and a multipart form (file and alt text) that works without JavaScript.
 */
export function PlacePhotosPanel({ photos, result }: { photos: readonly PhotoView[]; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const adding = intentFailure(result, "addPhoto");
  const removing = intentFailure(result, "removePhoto");
  const max = formatSize(Math.max(...PHOTO_TYPES.map(maxBytesFor)), i18n.language);
  const full = photos.length >= MAX_PHOTOS_PER_PLACE;
  return (
    <section className="panel" aria-labelledby="photos-title">
      <h2 id="photos-title">{t("spaceAdmin.photos.title")}</h2>
      <p>{t("spaceAdmin.photos.lead", { max: MAX_PHOTOS_PER_PLACE })}</p>
      {removing?.general ? (
        <p className="error" role="alert">
          {removing.general}
        </p>
      ) : null}
      {photos.length === 0 ? (
        <p>{t("spaceAdmin.photos.none")}</p>
      ) : (
        <ul className="rows place-photos">
          {photos.map((photo) => (
            <li key={photo.id}>
              <img src={photo.url} alt={photo.alt} width={160} height={120} loading="lazy" />
              <p>{photo.alt}</p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="removePhoto" />
                <input type="hidden" name="photoId" value={photo.id} />
                <button type="submit" className="secondary" disabled={busy}>
                  {t("spaceAdmin.photos.remove", { alt: photo.alt })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3 id="photo-add-title">{t("spaceAdmin.photos.add")}</h3>
      {full ? <p>{t("spaceAdmin.photos.full", { max: MAX_PHOTOS_PER_PLACE })}</p> : null}
      {adding?.general ? (
        <p className="error" role="alert">
          {adding.general}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="photo-add-title" noValidate>
        <input type="hidden" name="intent" value="addPhoto" />
        {/* Before the file: the server reads the fields in this order and keeps the text even when the file is refused. */}
        <Field
          name="alt"
          id="photo-alt"
          label={t("spaceAdmin.photos.alt")}
          hint={t("spaceAdmin.photos.altHint")}
          error={adding?.errors.alt}
          defaultValue={typeof adding?.values.alt === "string" ? adding.values.alt : undefined}
          required
        >
          {(p) => <input {...p} type="text" autoComplete="off" />}
        </Field>
        <Field name="photo" id="photo-file" label={t("spaceAdmin.photos.file")} hint={t("spaceAdmin.photos.fileHint", { max })} error={adding?.errors.photo} required>
          {(p) => <input {...p} type="file" accept={ACCEPT} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("spaceAdmin.photos.upload")}
          </button>
        </div>
      </Form>
    </section>
  );
}
