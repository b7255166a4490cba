import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Field } from "~/components/form";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { OfferKind } from "../../server/db/generated/enums";

const OFFER_KINDS = Object.values(OfferKind);

export interface OfferRow {
  id: string;
  kind: string;
  title: string;
  description: string;
}

/** What the organization offers the ecosystem (labs, mentoring, data…): the list with remove buttons, and a form to add one. */
export function OrganizationOffers({ offers, constraint, result }: { offers: readonly OfferRow[]; constraint: FormConstraint; result: FormFailure | undefined }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const added = intentFailure(result, "addOffer");
  const sent = (name: string) => (typeof added?.values[name] === "string" ? (added.values[name] as string) : undefined);
  const limits = (name: string) => ({ minLength: constraint[name]?.minLength, maxLength: constraint[name]?.maxLength });
  return (
    <section className="panel" aria-labelledby="org-offers-title">
      <h2 id="org-offers-title">{t("orgAdmin.offers.title")}</h2>
      <p className="hint">{t("orgAdmin.offers.lead")}</p>
      {offers.length === 0 ? (
        <p>{t("orgAdmin.offers.empty")}</p>
      ) : (
        <ul className="rows">
          {offers.map((offer) => {
            const failure = intentFailure(result, "removeOffer", { offerId: offer.id });
            return (
              <li key={offer.id}>
                <p>
                  <span className="tag">{t(`offerKind.${offer.kind}` as never)}</span> <strong>{offer.title}</strong>
                </p>
                <p>{offer.description}</p>
                {failure?.general ? (
                  <p className="error" role="alert">
                    {failure.general}
                  </p>
                ) : null}
                <Form method="post">
                  <input type="hidden" name="offerId" value={offer.id} />
                  <button type="submit" name="intent" value="removeOffer" className="secondary small" disabled={busy}>
                    {t("orgAdmin.offers.remove")}
                    <span className="visually-hidden"> «{offer.title}»</span>
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <h3 id="org-offer-new">{t("orgAdmin.offers.add")}</h3>
      <Form method="post" className="stack" noValidate aria-labelledby="org-offer-new">
        <input type="hidden" name="intent" value="addOffer" />
        {added?.general ? (
          <p className="error" role="alert">
            {added.general}
          </p>
        ) : null}
        <Field name="kind" id="field-offer-kind" label={t("orgAdmin.offers.kind")} error={added?.errors.kind} required defaultValue={sent("kind")}>
          {(p) => (
            <select {...p} defaultValue={p.defaultValue ?? ""}>
              <option value="" disabled>
                {t("orgAdmin.offers.kindPlaceholder")}
              </option>
              {OFFER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`offerKind.${kind}` as never)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" id="field-offer-title" label={t("orgAdmin.offers.offerTitle")} error={added?.errors.title} required constraints={limits("title")} defaultValue={sent("title")}>
          {(p) => <input {...p} type="text" />}
        </Field>
        <Field
          name="description"
          id="field-offer-description"
          label={t("orgAdmin.offers.description")}
          error={added?.errors.description}
          required
          constraints={limits("description")}
          defaultValue={sent("description")}
        >
          {(p) => <textarea {...p} rows={3} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t("orgAdmin.offers.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
