import { useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/react";
import type { IndicatorValue } from "../../server/stats/types";
import { formatIndicator } from "./indicator-card";

interface LiveIndicator {
  key: string;
  unit: IndicatorValue["unit"];
  value: number | null;
}

type Format = (indicator: LiveIndicator) => string;

const ANNOUNCE_DELAY_MS = 100;

/**
 * Keeps an open /indicadores page current without reloading: one EventSource on
 * /indicadores/en-vivo (server/live/stats-route.ts) for the filters the page shows (the
 * data-stats-* attributes of its element), writing each value, formatted as the page formats it,
 * into its `[data-indicator="<key>"]` elements. A polite status tells screen-reader users when
 * numbers changed, and says nothing otherwise. Without JavaScript the page is what the server rendered.
 */
export function LiveIndicators() {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const updated = t("live.updated");
  const language = i18n.language;
  // New filters arrive as a navigation to the same page: the stream then follows them.
  const { search } = useLocation();

  useEffect(() => {
    const page = document.querySelector<HTMLElement>("[data-stats-from][data-stats-to]");
    if (!page || typeof EventSource === "undefined") return;
    const { statsFrom, statsTo, statsSector } = page.dataset;
    const query = new URLSearchParams({ from: statsFrom ?? "", to: statsTo ?? "" });
    if (statsSector) query.set("sector", statsSector);
    const source = new EventSource(`/indicadores/en-vivo?${query.toString()}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const format: Format = (indicator) => formatIndicator(indicator.value, indicator.unit, language, t as never);

    source.addEventListener("indicators", (event) => {
      const { indicators } = JSON.parse((event as MessageEvent<string>).data) as { indicators: LiveIndicator[] };
      if (showValues(indicators, format) === 0) return;
      // Emptied first, so the same words are announced again on the next change.
      setAnnouncement("");
      clearTimeout(timer);
      timer = setTimeout(() => setAnnouncement(updated), ANNOUNCE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
    // t changes with the language, so the language (with the filters) decides when to reconnect.
  }, [updated, language, search]);

  return (
    <p className="live-status hint" role="status" aria-live="polite" data-live-indicators="">
      {announcement}
    </p>
  );
}

/** Writes the new texts in place; returns how many changed. */
function showValues(indicators: LiveIndicator[], format: Format): number {
  let changed = 0;
  for (const indicator of indicators) {
    const text = format(indicator);
    const elements = document.querySelectorAll<HTMLElement>(`[data-indicator="${CSS.escape(indicator.key)}"]`);
    for (const element of elements) {
      if (element.textContent === text) continue;
      changed += 1;
      // React rendered a single text node here: changing it in place keeps React's reference valid.
      const only = element.childNodes.length === 1 ? element.firstChild : null;
      if (only?.nodeType === Node.TEXT_NODE) only.nodeValue = text;
      else element.textContent = text;
    }
  }
  return changed;
}
