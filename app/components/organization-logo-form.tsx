import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/form";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { ATTACHMENT_TYPES, formatSize, maxBytesFor } from "../../server/files/rules";

const IMAGE_TYPES = ATTACHMENT_TYPES.filter((type) => type.mime.startsWith("image/"));
const ACCEPT = IMAGE_TYPES.flatMap((type) => [type.mime, ...type.extensions]).join(",");

/** The logo: the current one, a multipart form to replace it (PNG or JPEG), and one to remove it. */
export function OrganizationLogoForm({ name, logoFileId, result }: { name: string; logoFileId: string | null; result: FormFailure | undefined }) {
  const { t, i18n } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const uploaded = intentFailure(result, "logo");
  const removed = intentFailure(result, "removeLogo");
  const max = formatSize(Math.max(...IMAGE_TYPES.map(maxBytesFor)), i18n.language);
  return (
    <section className="panel" aria-labelledby="org-logo-title">
      <h2 id="org-logo-title">{t("orgAdmin.logo.title")}</h2>
      {logoFileId ? (
        <img className="org-logo" src={`/archivos/${logoFileId}`} alt={t("orgAdmin.logo.alt", { name })} width={96} />
      ) : (
        <p>{t("orgAdmin.logo.none")}</p>
      )}
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <input type="hidden" name="intent" value="logo" />
        {uploaded?.general ? (
          <p className="error" role="alert">
            {uploaded.general}
          </p>
        ) : null}
        <Field name="logo" label={t("orgAdmin.logo.file")} hint={t("orgAdmin.logo.hint", { max })} error={uploaded?.errors.logo} required>
          {(p) => <input {...p} type="file" accept={ACCEPT} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("orgAdmin.logo.upload")}
          </button>
        </div>
      </Form>
      {logoFileId ? (
        <Form method="post" className="actions">
          {removed?.general ? (
            <p className="error" role="alert">
              {removed.general}
            </p>
          ) : null}
          <button type="submit" name="intent" value="removeLogo" className="secondary" disabled={busy}>
            {t("orgAdmin.logo.remove")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
