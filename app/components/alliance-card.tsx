import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** The alliance's state in words ("Estado: Activa"), never in colour alone. */
export function AllianceStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={status === "WITHDRAWN" ? "tag status attention" : "tag status"}>
      <span className="visually-hidden">{t("ideas.state")}: </span>
      {t(`allianceStatus.${status}`)}
    </span>
  );
}

/** What the alliance is about: links to its idea and its call. */
export function AllianceSubject({ idea, call }: { idea: { id: string; title: string } | null; call: { slug: string; title: string } | null }) {
  const { t } = useTranslation();
  return (
    <>
      {idea ? (
        <p>
          {t("alliances.idea")}: <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
        </p>
      ) : null}
      {call ? (
        <p>
          {t("alliances.call")}: <Link to={`/convocatorias/${call.slug}`}>{call.title}</Link>
        </p>
      ) : null}
    </>
  );
}

export interface AllianceSummaryData {
  id: string;
  title: string;
  status: string;
  tripleHelix: boolean;
  idea: { id: string; title: string } | null;
  call: { slug: string; title: string } | null;
  parties: { name: string; sector: string }[];
  milestones: number;
  milestonesDone: number;
}

/** One alliance in a list: its title links to its page. */
export function AllianceCard({ alliance, headingLevel = 2 }: { alliance: AllianceSummaryData; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card">
      <p className="tags">
        <AllianceStatusTag status={alliance.status} />
        {alliance.tripleHelix ? <span className="tag">{t("alliances.tripleHelix")}</span> : null}
      </p>
      <Heading className="card-title">
        <Link to={`/alianzas/${alliance.id}`}>{alliance.title}</Link>
      </Heading>
      <AllianceSubject idea={alliance.idea} call={alliance.call} />
      {alliance.parties.length > 0 ? (
        <>
          <p className="meta">{t("alliances.parties")}:</p>
          <ul>
            {alliance.parties.map((party, index) => (
              <li key={index}>
                {`${party.name} · ${t(`allianceSector.${party.sector}`)}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {alliance.milestones > 0 ? <p className="meta">{t("alliances.milestones", { count: alliance.milestones, done: alliance.milestonesDone })}</p> : null}
    </li>
  );
}
