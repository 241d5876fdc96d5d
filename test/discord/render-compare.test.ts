import { describe, expect, it } from "vitest";
import { FIGURES_PER_PAGE, renderCompare } from "../../src/discord/render-compare";
import { payloadViolations } from "../../src/discord/truncate";
import type { CompareAnswer, CompareFigure, CompareGroup } from "../../src/compare/answer/compare";
import { analyzeAgreement } from "../../src/compare/answer/conflicts";
import { intervalOf } from "../../src/compare/extract/intervals";

const long = (n: number, word: string): string => Array.from({ length: n }, () => word).join(" ");

function figure(k: number, value: number, day: string): CompareFigure {
  const ref = String(k).padStart(3, "0");
  const quote = `${long(60, "Rescuers")} ${value} people died ${long(80, "yesterday")}.`;
  return {
    ref, articleId: ref, title: long(30, "Headline"), outlet: long(10, "Outlet"), date: day, paragraph: 3, value, phrase: String(value), noun: "people",
    quote, start: 0, end: quote.length, highlights: [{ start: quote.indexOf(String(value)), end: quote.indexOf(String(value)) + String(value).length }],
    interval: intervalOf({ value }), when: null, reportedAt: day, source: long(20, "spokesperson"), kind: "total",
  };
}

function group(n: number): CompareGroup {
  const figures = Array.from({ length: n }, (_, k) => figure(k + 1, 10 + k, k % 2 ? "2031-03-04" : "2031-03-03"));
  const agreement = analyzeAgreement(figures.map((f) => ({ key: f.ref, label: `${f.value} (${f.ref})`, value: f.value, interval: f.interval, reporter: `Outlet ${f.ref}`, day: f.reportedAt, said: f.source })));
  return {
    label: long(40, "Collapse"), event: { type: "collapse", place: "Velmora", date: "3 March 2031", kind: "main" }, latest: null,
    articleIds: figures.map((f) => f.articleId), figures, agreement, figureCount: n, articleCount: n,
  };
}

function answer(...sizes: number[]): CompareAnswer {
  const groups = sizes.map(group);
  const figureCount = sizes.reduce((a, b) => a + b, 0);
  return { command: "compare", topic: "deaths", query: "deaths", groups, figureCount, articleCount: figureCount, totalGroups: groups.length };
}

describe("/compare in Discord: within limits by construction", () => {
  it("shows a typical story's event on one page: every figure a field, the answer on top", () => {
    const pages = renderCompare(answer(8, 2));
    const first = pages[0]!.embeds![0]!;
    expect(first.fields).toHaveLength(8);
    expect(first.description).toMatch(/^• Latest/);
    expect(first.description).toMatch(/Also: /);
    expect(pages).toHaveLength(2);
  });
  it("keeps every page of a long event within Discord's limits, pages only for the tail", () => {
    const pages = renderCompare(answer(25));
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(payloadViolations(page)).toEqual([]);
    expect(pages.map((p) => p.embeds![0]!.fields!.length)).toEqual([FIGURES_PER_PAGE, FIGURES_PER_PAGE, 5]);
  });
  it("says at most three disagreements in words, however many there are", () => {
    const first = renderCompare(answer(25))[0]!.embeds![0]!;
    expect((first.description!.match(/^• On /gm) ?? []).length).toBeLessThanOrEqual(3);
    expect(first.description).toMatch(/more disagreeing pairs/);
  });
});
