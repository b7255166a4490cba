import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { CommitmentFields } from "~/components/alliance-answer";
import { ErrorSummary } from "~/components/form";
import { commitmentAmount, fieldIds, type CommitmentView } from "~/lib/alliance-format";
import type { FormConstraint, FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";

export interface PartyView {
  id: string;
  status: string;
  sector: string;
  isProposer: boolean;
  organization: { slug: string; name: string } | null;
  person: { name: string } | null;
  declineReason: string | null;
  commitments: (CommitmentView & { publishAmount: boolean })[];
}

export const partyName = (party: Pick<PartyView, "organization" | "person">) => party.organization?.name ?? party.person?.name ?? "";

/** A party's commitment the viewer speaks for may be taken back while it keeps at least one. */
function RemoveCommitment({ id, description }: { id: string; description: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="removeCommitment" />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary">
        {t("alliances.remove")}
        <span className="visually-hidden"> «{description}»</span>
      </button>
    </Form>
  );
}

function AddCommitment({ party, result, constraint }: { party: PartyView; result: FormFailure | undefined; constraint: FormConstraint }) {
  const { t } = useTranslation();
  const failure = intentFailure(result, "addCommitment", { partyId: party.id });
  return (
    <details open={failure !== null}>
      <summary>{t("alliances.addCommitment")}</summary>
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="addCommitment" />
        <input type="hidden" name="partyId" value={party.id} />
        {failure ? (
          <ErrorSummary
            title={t("form.errorSummary")}
            message={failure.general}
            fieldErrors={failure.errors}
            labels={{ kind: t("alliances.kind"), quantity: t("alliances.quantity"), description: t("alliances.description") }}
          />
        ) : null}
        <CommitmentFields prefix="" ids={fieldIds(failure, `add-${party.id}`)} failure={failure} sent={failure?.values} constraint={constraint} required />
        <button type="submit">{t("alliances.addCommitment")}</button>
      </Form>
    </details>
  );
}

/** Each party: who, its sector and answer, what it brings; for its spokespeople, their commitment forms. */
export function AllianceParties({
  parties,
  speaksFor,
  open,
  result,
  constraint,
}: {
  parties: PartyView[];
  speaksFor: string[];
  open: boolean;
  result: FormFailure | undefined;
  constraint: FormConstraint;
}) {
  const { t, i18n } = useTranslation();
  const removeFailure = intentFailure(result, "removeCommitment");
  return (
    <section aria-labelledby="parties-title">
      <h2 id="parties-title">{t("alliances.parties")}</h2>
      {removeFailure?.general ? (
        <p className="error" role="alert">
          {removeFailure.general}
        </p>
      ) : null}
      <ul className="rows">
        {parties.map((party) => {
          const spokesperson = open && party.status === "ACCEPTED" && speaksFor.includes(party.id);
          return (
            <li key={party.id}>
              <h3>{party.organization ? <Link to={`/organizaciones/${party.organization.slug}`}>{party.organization.name}</Link> : partyName(party)}</h3>
              <p className="meta">
                {t(`allianceSector.${party.sector}`)} · {t(`allianceParty.${party.status}`)}
                {party.isProposer ? ` · ${t("alliances.proposer")}` : ""}
              </p>
              {party.declineReason ? (
                <p className="reason">
                  {t("ideaHistory.reason")}: {party.declineReason}
                </p>
              ) : null}
              {party.commitments.length > 0 ? (
                <ul>
                  {party.commitments.map((commitment) => (
                    <li key={commitment.id}>
                      <strong>{commitmentAmount(commitment, i18n)}</strong>: {commitment.description}{" "}
                      {spokesperson && (party.isProposer || party.commitments.length > 1) ? <RemoveCommitment id={commitment.id} description={commitment.description} /> : null}
                    </li>
                  ))}
                </ul>
              ) : party.status === "ACCEPTED" && !party.isProposer ? (
                <p>{t("alliances.none")}</p>
              ) : null}
              {spokesperson ? <AddCommitment party={party} result={result} constraint={constraint} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
