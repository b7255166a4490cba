/**
 * The published results of a call (components/call-results.tsx) as the public page renders them:
 * an accessible ranking table with a caption, the winners with their justification, the method
 * with the criteria's weights, ties marked, and a submitter's own scores per anonymous juror.
 */
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { CallResults, MyCallScores, type CallResultsData, type MyCallScoresData } from "../../app/components/call-results";
import { translatorFor } from "../../app/i18n";
import { TranslatorProvider } from "../../app/i18n/react";
import "../../app/i18n/messages.server";
import type { Locale } from "../../server/i18n/locale";

function render(node: ReactNode, locale: Locale = "es") {
  return renderToStaticMarkup(
    createElement(StaticRouter, { location: "/convocatorias/reto" }, createElement(TranslatorProvider, { translator: translatorFor(locale, []), children: node })),
  );
}

const row = (rank: number, title: string, score: number | null, extra: Partial<CallResultsData["ranking"][number]> = {}) => ({
  rank,
  submissionId: `00000000-0000-4000-8000-00000000000${rank}`,
  ideaId: `10000000-0000-4000-8000-00000000000${rank}`,
  ideaTitle: title,
  ideaIsPublic: true,
  authorName: `Autora ${rank}`,
  organizationName: null,
  submittedAt: "2026-12-01T15:00:00.000Z",
  score,
  jurorsScored: score === null ? 0 : 2,
  tied: false,
  isWinner: false,
  winnerJustification: null,
  ...extra,
});

const results: CallResultsData = {
  call: { id: "20000000-0000-4000-8000-000000000001", title: "Reto", slug: "reto", status: "RESULTS_PUBLISHED", resultsPublishedAt: "2027-01-10T20:30:00.000Z" },
  method: { formula: "Fórmula del ranking.", tieBreak: "Regla de desempate." },
  criteria: [
    { position: 1, name: "Impacto", description: "A cuántas familias llega.", weight: 60, maxScore: 10 },
    { position: 2, name: "Viabilidad", description: "", weight: 40, maxScore: 5 },
  ],
  winners: [],
  ranking: [
    row(1, "Huerta flotante", 79.5, { isWinner: true, winnerJustification: "El mejor puntaje." }),
    row(2, "Redes biodegradables", 68.5, { tied: true }),
    row(3, "Vivero de mangle", 68.5, { tied: true }),
    row(4, "Sin jurados", null),
  ],
};
results.winners = results.ranking.filter((r) => r.isWinner);

describe("CallResults", () => {
  it("names a hidden idea without a link to it", () => {
    const hidden = { ...results, ranking: [{ ...results.ranking[0]!, isWinner: false, ideaId: null, ideaTitle: "Idea retirada por moderación" }], winners: [] };
    const html = render(createElement(CallResults, { results: hidden }));
    expect(html).toContain("Idea retirada por moderación");
    expect(html).not.toContain('href="/ideas/');
  });

  it("renders the winners, the method with weights and the ranked table with its caption, ties marked", () => {
    const html = render(createElement(CallResults, { results }));
    expect(html).toContain("<caption");
    expect(html).toContain("Ranking de las postulaciones (puntaje ponderado de 0 a 100)");
    expect(html).toContain("El mejor puntaje.");
    expect(html).toContain("Fórmula del ranking.");
    expect(html).toContain("Regla de desempate.");
    expect(html).toMatch(/Impacto.*60 %/s);
    // Bogotá time: 20:30 UTC is 3:30 p. m.
    expect(html).toMatch(/10 de enero de 2027.*3:30/);
    const rows = html.split("<tr>").slice(1);
    const ranking = rows.slice(-4);
    expect(ranking[0]).toContain("79,50");
    expect(ranking[0]).toContain("Ganadora");
    expect(ranking[1]).toContain("68,50");
    expect(ranking[1]).toContain("Empate");
    expect(ranking[2]).toContain("Empate");
    expect(ranking[3]).toContain("Sin calificar");
    expect(ranking[3]).not.toContain("Empate");
    expect(html).toContain('href="/ideas/10000000-0000-4000-8000-000000000001"');
  });

  it("reads in English with English number format", () => {
    const html = render(createElement(CallResults, { results }), "en");
    expect(html).toContain("Ranking of the submissions");
    expect(html).toContain("79.50");
    expect(html).toContain("Tie: decided by the tie-break");
  });
});

describe("MyCallScores", () => {
  it("shows each anonymous juror's value of the maximum and comment per criterion", () => {
    const scores: MyCallScoresData = {
      submissionId: "00000000-0000-4000-8000-000000000001",
      callId: results.call.id,
      score: 79.5,
      rank: 1,
      isWinner: true,
      winnerJustification: "El mejor puntaje.",
      method: results.method,
      criteria: [],
      jurors: [
        {
          number: 1,
          label: "Jurado 1",
          complete: true,
          weighted: 74,
          scores: [
            { criterionId: "c1", criterionName: "Impacto", value: 8, maxScore: 10, weight: 60, comment: "Llega lejos." },
            { criterionId: "c2", criterionName: "Viabilidad", value: 4, maxScore: 5, weight: 40, comment: "" },
          ],
        },
        { number: 2, label: "Jurado 2", complete: false, weighted: 30, scores: [{ criterionId: "c1", criterionName: "Impacto", value: 5, maxScore: 10, weight: 60, comment: "" }] },
      ],
    };
    const html = render(createElement(MyCallScores, { scores }));
    expect(html).toContain("Jurado 1: 74,00 de 100");
    expect(html).toContain("Jurado 2: calificación incompleta");
    expect(html).toContain("8 de 10");
    expect(html).toContain("Llega lejos.");
    expect(html).toContain("¡Tu postulación es ganadora!");
    expect(html).toContain("Puntaje: 79,50 · Puesto 1");
    expect(html).not.toMatch(/Jurado (Primera|real)/);
  });
});
