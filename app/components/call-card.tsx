import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { Locale } from "~/i18n";
import { formatCallDate, formatCop } from "~/lib/call-format";

/** Phases whose owners or the Secretariat must read a decision: shown in the warning style. */
const NEEDS_ATTENTION = new Set(["CHANGES_REQUESTED", "REJECTED", "CANCELLED"]);

/** A call's phase as a labelled badge: the phase is in the text ("Fase: Abierta"), never in the colour alone. */
export function CallPhaseBadge({ phase }: { phase: string }) {
  const { t } = useTranslation();
  return (
    <span className={NEEDS_ATTENTION.has(phase) ? "tag status attention" : "tag status"}>
      <span className="visually-hidden">{t("callPhase.label")} </span>
      {t(`callPhase.${phase}` as never)}
    </span>
  );
}

export interface CallCardData {
  id: string;
  slug: string;
  title: string;
  summary: string;
  sectors: string[];
  phase: string;
  prizeAmountCop: number | null;
  opensAt: string;
  closesAt: string;
  resultsAt: string;
  sponsors: { slug: string; name: string }[];
  submissionCount: number;
}

/** The one date that matters in this phase: when it opens, closes, or gives its results. */
export function KeyDate({ call }: { call: Pick<CallCardData, "phase" | "opensAt" | "closesAt" | "resultsAt"> }) {
  const { t, i18n } = useTranslation();
  const [key, value] =
    call.phase === "OPEN"
      ? (["callDate.closes", call.closesAt] as const)
      : call.phase === "EVALUATION"
        ? (["callDate.results", call.resultsAt] as const)
        : call.phase === "RESULTS_PUBLISHED" || call.phase === "CLOSED"
          ? (["callDate.published", call.resultsAt] as const)
          : (["callDate.opens", call.opensAt] as const);
  return <time dateTime={value}>{t(key, { date: formatCallDate(value, i18n) })}</time>;
}

/** One call in a list: its title links to its page. */
export function CallCard({ call, headingLevel = 2, children }: { call: CallCardData; headingLevel?: 2 | 3; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card call-card">
      <p className="tags">
        <CallPhaseBadge phase={call.phase} />
        {call.sectors.map((s) => (
          <span key={s} className="tag">
            {t(`sector.${s}` as never)}
          </span>
        ))}
      </p>
      <Heading className="card-title">
        <Link to={`/convocatorias/${call.slug}`}>{call.title}</Link>
      </Heading>
      <p>{call.summary}</p>
      <p className="meta">
        <KeyDate call={call} />
        {call.prizeAmountCop !== null ? <> · {t("callList.prize", { amount: formatCop(call.prizeAmountCop, i18n.language as Locale) })}</> : null}
      </p>
      {call.sponsors.length > 0 ? <p className="meta">{t("callList.sponsors", { names: call.sponsors.map((s) => s.name).join(", ") })}</p> : null}
      {children}
    </li>
  );
}
