import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import { RANK_DEFAULTS } from "../../src/search/rank";
import { analyzeQuestion } from "../../src/search/query";
import { conceptMarks, nearPairs, planQuery, windowOf } from "../../src/search/rank";
import { TermStats } from "../../src/search/stats";
import { articleText, writeCorpus } from "../support/corpus";

// Small corpora stand in for large ones by lowering the bar at which a word counts as common.
const saved = { ...RANK_DEFAULTS };
beforeEach(() => Object.assign(RANK_DEFAULTS, { retrievalMinDf: 2, retrievalDfShare: 0 }));
afterEach(() => Object.assign(RANK_DEFAULTS, saved));

const corpus = () =>
  writeCorpus({
    "001_a.txt": articleText("Harbour news", [
      "The ferry strike ended on Monday after talks at the harbour office.",
      "The harbour ferry carried fewer passengers than last year.",
      "A new ferry timetable starts in the spring, the harbour master said.",
      "Fishermen said the harbour was quiet during the ferry strike.",
    ]),
  });

function top(engine: Engine, q: string): string {
  const answer = engine.ask(q);
  if (!("results" in answer) || !answer.results[0]) throw new Error(`no result for ${q}`);
  return answer.results[0].quote;
}

describe("two-stage ranking", () => {
  it("retrieves with the rare words and still credits the common ones", async () => {
    const engine = await Engine.open(corpus());
    // "ferry" and "harbour" are common here; "timetable" is rare and retrieves.
    expect(top(engine, "harbour ferry timetable")).toMatch(/timetable/);
    // "strike" (2 passages) retrieves both; "talks" decides between them.
    expect(top(engine, "ferry strike talks")).toMatch(/talks/);
  });

  it("answers a question made only of common words", async () => {
    const engine = await Engine.open(corpus());
    expect(top(engine, "harbour ferry")).toMatch(/harbour/);
  });

  it("plans retrieval with rare terms and typo tolerance only for rare or unknown words", async () => {
    const engine = await Engine.open(corpus());
    const stats = new TermStats((engine as unknown as { index: never }).index, "text");
    const plan = planQuery(analyzeQuestion("harbour timetabel strike"), stats);
    expect(plan.retrieval).toContain("strike");
    expect(plan.retrieval).not.toContain("harbour");
    expect(plan.fuzzy.has("timetabel")).toBe(true);
    expect(plan.fuzzy.has("harbour")).toBe(false);
  });

  it("measures the fewest words holding every concept met, and the answer", async () => {
    const engine = await Engine.open(corpus());
    const stats = new TermStats((engine as unknown as { index: never }).index, "text");
    const plan = planQuery(analyzeQuestion("ferry strike"), stats);
    const text = "The ferry was late and the long strike began.";
    const window = (t: string, answers: number[]) => windowOf(conceptMarks(t, plan, answers));
    expect(window(text, [])).toBe(7); // ferry … strike
    expect(window(text, [text.indexOf("late")])).toBe(7); // the answer lies inside that stretch
    expect(window(text, [text.indexOf("began")])).toBe(8);
    expect(window("Nothing here.", [])).toBe(Infinity);
  });

  it("between passages that score the same, ranks first the one that says it in fewer words", async () => {
    const engine = await Engine.open(
      writeCorpus({
        "001_a.txt": articleText("Quay notes", [
          "The ferry that the union had chartered for the summer season was stopped by the strike.",
          "Fishermen watched from the quay as the ferry strike went on.",
          "The town council will meet again next week to discuss the harbour budget.",
        ]),
      }),
    );
    expect(top(engine, "ferry strike")).toBe("Fishermen watched from the quay as the ferry strike went on.");
  });

  it("counts the question's adjacent words found near each other (term proximity)", async () => {
    const engine = await Engine.open(corpus());
    const stats = new TermStats((engine as unknown as { index: never }).index, "text");
    const plan = planQuery(analyzeQuestion("ferry strike talks"), stats);
    const near = (t: string) => nearPairs(conceptMarks(t, plan, []), plan);
    expect(near("The ferry strike ended after talks.")).toBe(1);
    expect(near("The ferry strike ended, and many weeks later, after the summer season and a new timetable, came talks.")).toBe(0.5);
    expect(near("The ferry ran all summer long, as every year, and only in the autumn did the strike and the talks begin.")).toBe(0.5);
    // Only the pairs the passage holds both words of are judged.
    expect(near("The ferry strike ended on Monday.")).toBe(1);
    expect(near("The talks ended on Monday.")).toBe(0);
  });
});
