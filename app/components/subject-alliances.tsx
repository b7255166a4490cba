import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

export interface SubjectAlliance {
  id: string;
  title: string;
  status: string;
  tripleHelix: boolean;
  parties: readonly { name: string; sector: string }[];
  milestones: number;
  milestonesDone: number;
}

/**
 * The "Alianzas" section of an idea's or a call's page: each alliance the visitor may see, with
 * its state in words, the triple-helix mark and its accepted parties by sector; and for those who
 * may look for partners, the way to do it.
 */
export function SubjectAlliances({
  kind,
  alliances,
  findPartners,
  openAlliance,
}: {
  kind: "idea" | "call";
  alliances: readonly SubjectAlliance[];
  /** "Buscar aliados": the suggestions page, for those match.forIdea / match.forCall allows. */
  findPartners?: string;
  /** "Abrir una alianza": the new alliance form. */
  openAlliance?: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="alliances-title">
      <h2 id="alliances-title">{t("ideaAlliances.title")}</h2>
      {alliances.length === 0 ? (
        <p>{t(kind === "idea" ? "ideaAlliances.emptyIdea" : "ideaAlliances.emptyCall")}</p>
      ) : (
        <ul className="queue">
          {alliances.map((alliance) => (
            <li key={alliance.id} className="card">
              <h3 className="card-title">
                <Link to={`/alianzas/${alliance.id}`}>{alliance.title}</Link>
              </h3>
              <p className="tags">
                <span className="tag">{t("ideaAlliances.status", { status: t(`allianceStatus.${alliance.status}` as never) })}</span>
                {alliance.tripleHelix ? (
                  <>
                    {" "}
                    <span className="tag" title={t("ideaAlliances.tripleHelixMeaning")}>
                      {t("ideaAlliances.tripleHelix")}
                    </span>
                  </>
                ) : null}
              </p>
              {alliance.parties.length > 0 ? (
                <p>
                  {t("ideaAlliances.parties")}:{" "}
                  {alliance.parties.map((p) => t("ideaAlliances.party", { name: p.name, sector: t(`allianceSector.${p.sector}` as never) })).join(", ")}
                </p>
              ) : (
                <p>{t("ideaAlliances.noParties")}</p>
              )}
              {alliance.milestones > 0 ? (
                <p className="meta">{t("ideaAlliances.milestones", { count: alliance.milestones, done: alliance.milestonesDone })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {findPartners || openAlliance ? (
        <p className="actions">
          {findPartners ? (
            <Link className="button secondary" to={findPartners}>
              {t("ideaAlliances.find")}
            </Link>
          ) : null}
          {openAlliance ? (
            <Link className="button secondary" to={openAlliance}>
              {t("ideaAlliances.open")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
