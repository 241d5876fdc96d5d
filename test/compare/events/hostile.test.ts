import { describe, expect, it } from "vitest";
import { parseArticle } from "../../../src/corpus/parse";
import { buildCompareIndex } from "../../../src/compare/answer/compare";

// Hostile articles through the whole /compare build (stories, anchors, sources, report times) at modest
// sizes: a step that turns quadratic fails by timeout, with no timing assertion.
const lead = "A bridge collapsed in Velmora on Monday, killing 12 people, police said.";

describe("the /compare build on hostile articles", () => {
  it("reads an article padded with tens of thousands of blank lines and spaces", () => {
    const raw = `Bridge collapse in Velmora\n\n${lead}\n${"\n".repeat(30_000)}${" ".repeat(40_000)}Officials said 14 people died.\n`;
    const index = buildCompareIndex([parseArticle("001", "001_x.txt", raw)]);
    expect(index.figures.map((f) => f.value)).toEqual(expect.arrayContaining([12]));
  });
  it("reads a sentence of month names and one of repeated attributions", () => {
    const raw = `Bridge collapse in Velmora\n\n${lead}\n\n${"March ".repeat(20_000)}2031.\n\n${"police said, ".repeat(5_000)}12 people died.\n`;
    const index = buildCompareIndex([parseArticle("001", "001_x.txt", raw)]);
    expect(index.figures.some((f) => f.value === 12 && f.source === "police")).toBe(true);
  });
  it("reads a sentence holding as many figures as the extraction reads, each with its clause, and many such sentences", () => {
    // 30 clauses: under the extraction's longest sentence (MAX_SENTENCE_CHARS); 300 sentences of them.
    const sentence = `${"In 1998, 5 people were killed, officials said; ".repeat(30)}and that was all.`;
    const raw = `Bridge collapse in Velmora\n\n${lead}\n\n${`${sentence} `.repeat(300)}\n`;
    const index = buildCompareIndex([parseArticle("001", "001_x.txt", raw)]);
    const past = index.events.findIndex((e) => e.kind === "past");
    expect(past).toBeGreaterThanOrEqual(0);
    expect(index.figures.filter((f) => f.event === past).length).toBeGreaterThan(1000);
  });
});
