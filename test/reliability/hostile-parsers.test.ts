/**
 * Every parser and renderer on every hostile input (scripts/bench/hostile-inputs.ts: the files that froze
 * the bot in issue 13, and more of their kinds) at a modest size. A linear parser takes milliseconds
 * here; one that turned super-linear again takes minutes and fails by the test's time-out. No timing
 * is asserted: the figures are `npm run bench -- hostile`'s.
 */
import { describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../../scripts/bench/hostile-inputs";
import { STAGES } from "../../scripts/bench/hostile-stages";
import { timeStages } from "../../scripts/bench/hostile";
import { Engine } from "../../src/engine/engine";
import { renderAsk, renderSource } from "../../src/discord/render";
import { renderCompare, renderCompareTopics } from "../../src/discord/render-compare";
import type { Page } from "../../src/discord/reply";
import { payloadViolations } from "../../src/discord/truncate";
import { writeCorpus } from "../support/corpus";

/** Large enough that a quadratic parser takes minutes, small enough to take milliseconds when linear. */
const SIZE = 200_000;
/** A stage still running after this long is super-linear again (linear ones take well under a second). */
const BUDGET_MS = 30_000;
const STAGE_NAMES = STAGES.map((s) => s.name);
describe.each(HOSTILE_INPUTS.map((input) => [input.name] as const))("hostile input %s", (name) => {
  it("goes through every parser and renderer", async () => {
    // Each in a worker thread, stopped at the budget: a super-linear parser fails the test instead of
    // holding the test run for minutes.
    const cells = await timeStages({ input: name, size: SIZE, stages: STAGE_NAMES }, BUDGET_MS);
    const unfinished = STAGE_NAMES.filter((stage) => !(cells[stage] && "ms" in cells[stage]));
    expect(unfinished).toEqual([]);
  }, STAGE_NAMES.length * BUDGET_MS);
});

describe("a corpus of hostile files", () => {
  it("is indexed, and /ask, /source and /compare answer on it with valid Discord replies", async () => {
    const files = Object.fromEntries(HOSTILE_INPUTS.map((input, i) => [`${String(i + 1).padStart(3, "0")}_${input.name}.txt`, input.make(SIZE / 4)]));
    const engine = await Engine.open(writeCorpus(files));
    const pages: Page[] = [];
    for (const question of ["council meet again", "how many people were killed"]) {
      const answer = engine.ask(question);
      if ("results" in answer) pages.push(...renderAsk(answer));
    }
    for (const article of engine.articles) {
      for (const options of [{}, { summary: "true" }, { page: "2" }]) {
        const answer = engine.source({ id: article.id, ...options });
        if ("passages" in answer) pages.push(renderSource(answer));
      }
    }
    const topics = engine.compare("");
    if ("topics" in topics) pages.push(...renderCompareTopics(topics));
    for (const { value } of engine.compareChoices("").slice(0, 5)) {
      const answer = engine.compare(value);
      if ("groups" in answer) pages.push(...renderCompare(answer));
    }
    expect(pages.length).toBeGreaterThan(engine.articles.length);
    expect(pages.flatMap((page) => payloadViolations(page))).toEqual([]);
  }, 4 * BUDGET_MS);
});
