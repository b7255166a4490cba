import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { AllianceStatusTag, AllianceSubject } from "~/components/alliance-card";
import { AnswerInvitation } from "~/components/alliance-answer";
import { LeadActions } from "~/components/alliance-lead";
import { AddMilestone, AllianceMilestones } from "~/components/alliance-milestones";
import { AllianceParties, partyName } from "~/components/alliance-parties";
import { DoneNotice } from "~/components/done-notice";
import type { FormFailure } from "~/lib/forms";
import { intentFailure } from "~/lib/intent-failure";
import { pageMeta } from "~/lib/meta";
import { allianceAction, alliancePage } from "~/lib/alliance-page.server";
import { copyAreas } from "~/i18n/areas";
import { loadCopyAreas } from "~/i18n/load-area";

export const handle = copyAreas("alianzas");
export const clientLoader = loadCopyAreas("alianzas");

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageMeta(matches, data?.alliance.title);

export async function loader({ context, params }: LoaderFunctionArgs) {
  return json(await alliancePage(context, params.id ?? ""));
}

export async function action({ context, params, request }: ActionFunctionArgs) {
  return allianceAction(context, request, params.id ?? "");
}

/** Paragraphs as the parties wrote them (blank lines between). */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}

export default function AlliancePage() {
  const { t } = useTranslation();
  const { alliance, organizations, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | undefined;
  const { viewer } = alliance;
  const open = alliance.status === "FORMING" || alliance.status === "ACTIVE";
  const accepted = alliance.parties.filter((p) => p.status === "ACCEPTED");
  const pending = alliance.parties.filter((p) => p.status === "INVITED").length;
  const sectors = new Set(accepted.map((p) => p.sector)).size;
  const toAnswer = open ? alliance.parties.filter((p) => p.status === "INVITED" && viewer.speaksFor.includes(p.id)) : [];
  const owners = Object.fromEntries(alliance.parties.map((p) => [p.id, partyName(p)]));
  return (
    <article className="page" aria-labelledby="alliance-title">
      <p>
        <Link to="/alianzas">{t("alliances.back")}</Link>
      </p>
      <h1 id="alliance-title">{alliance.title}</h1>
      <DoneNotice prefix="alliances.saved." />
      <p className="tags">
        <AllianceStatusTag status={alliance.status} />
        {alliance.tripleHelix ? <span className="tag">{t("alliances.tripleHelix")}</span> : null}
      </p>
      {alliance.statusReason ? (
        <p className="reason">
          {t("ideaHistory.reason")}: {alliance.statusReason}
        </p>
      ) : null}
      <AllianceSubject idea={alliance.idea} call={alliance.call} />
      <p className="meta">
        {t("alliances.proposedBy")}: {alliance.proposedBy.name}
      </p>
      <h2>{t("alliances.purpose")}</h2>
      <Paragraphs text={alliance.purpose} />
      <h2>{t("alliances.outcome")}</h2>
      <Paragraphs text={alliance.expectedOutcome} />

      {alliance.status === "FORMING" ? (
        <section className="panel" aria-labelledby="missing-title">
          <h2 id="missing-title">{t("alliances.missing")}</h2>
          <ul>
            {pending > 0 ? <li>{t("alliances.pending", { count: pending })}</li> : null}
            {sectors < 2 ? <li>{t("alliances.twoSectors")}</li> : null}
          </ul>
        </section>
      ) : null}

      {toAnswer.map((party) => (
        <AnswerInvitation
          key={party.id}
          partyId={party.id}
          partyName={partyName(party)}
          answerFailure={intentFailure(result, "answer", { partyId: party.id })}
          declineFailure={intentFailure(result, "decline", { partyId: party.id })}
          constraint={constraint.commitment}
        />
      ))}

      <AllianceParties parties={alliance.parties} speaksFor={viewer.speaksFor} open={open} result={result} constraint={constraint.commitment} />
      <AllianceMilestones
        milestones={alliance.milestones}
        owners={owners}
        canReport={viewer.canContribute && alliance.status === "ACTIVE"}
        result={result}
        constraint={constraint.report}
      />
      {viewer.canLead && open ? (
        <>
          {accepted.length > 0 ? (
            <AddMilestone parties={accepted.map((p) => ({ id: p.id, name: partyName(p) }))} result={result} constraint={constraint.milestone} />
          ) : null}
          <LeadActions status={alliance.status} organizations={organizations} result={result} constraint={constraint.withdraw} />
        </>
      ) : null}
    </article>
  );
}
