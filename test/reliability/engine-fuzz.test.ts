/**
 * Property tests of the engine with hostile input, through the entry the console and CLI use
 * (answerLine + render, text and JSON) and through the engine methods: nothing throws, every answer is
 * well-formed (quotes verbatim, pages and highlights in range), every rendering is usable.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { Engine } from "../../src/engine/engine";
import { answerLine, render } from "../../src/cli/session";
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_NAME_MIN, CHOICE_VALUE_MAX } from "../../src/discord/limits";
import { answerProblems, commandLine, hostileCorpusDir, hostileText, numberText, sourceOptions } from "./hostile";

/** Runs per property; the line-level one carries most of the volume. */
const LINE_RUNS = 3_000;
const METHOD_RUNS = 1_000;
/** Fixed seeds: a failure on CI reproduces locally. */
const SEED = 7_007;
const CRASH_MESSAGE = "Something went wrong";

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open(hostileCorpusDir());
});

describe("hostile input through the console/CLI entry (answerLine + render)", () => {
  it(`answers ${LINE_RUNS} generated command lines without throwing, each well-formed in text and JSON`, () => {
    const seen = { quotes: 0, articles: 0 };
    fc.assert(
      fc.property(commandLine, (line) => {
        const answer = answerLine(engine, line);
        expect(answerProblems(answer, engine.corpus)).toEqual([]);
        if ("results" in answer && answer.results.length) seen.quotes++;
        if ("article" in answer) seen.articles++;
        const text = render(answer, false);
        // answerLine turns a thrown error into this message: a crash must not hide behind it.
        expect(text).not.toContain(CRASH_MESSAGE);
        expect(typeof text).toBe("string");
        expect(text.trim().length).toBeGreaterThan(0);
        const json = JSON.parse(render(answer, true)) as { command?: unknown };
        expect(typeof json.command).toBe("string");
      }),
      { numRuns: LINE_RUNS, seed: SEED },
    );
    // The generator must reach real answers, not only error paths.
    expect(seen.quotes).toBeGreaterThan(LINE_RUNS / 50);
    expect(seen.articles).toBeGreaterThan(LINE_RUNS / 50);
  });

  it("the well-formedness check catches a quote that is not the article's text", () => {
    const answer = engine.ask("council bridge vote");
    if (!("results" in answer) || !answer.results[0]) throw new Error("expected a result for the fixture question");
    const forged = { ...answer, results: [{ ...answer.results[0], quote: `${answer.results[0].quote} (edited)` }] };
    expect(answerProblems(forged, engine.corpus)).toEqual([expect.stringMatching(/not the article's text/)]);
  });

  it("treats out-of-range numbers as user errors with a message, never as a crash", () => {
    for (const line of ["/source 00000000000000000009", "/source 3 page:-1", "/source 3 page:99999", "/source 3 paragraph:0-999999", "/source 3 paragraph:999999", "/source 99999999999999999999999"]) {
      const answer = answerLine(engine, line);
      expect(answerProblems(answer, engine.corpus), line).toEqual([]);
      expect(render(answer, false), line).not.toContain(CRASH_MESSAGE);
    }
  });
});

describe("hostile input straight to the engine methods", () => {
  it("ask: any question gives results with verbatim quotes, or suggestions", () => {
    fc.assert(
      fc.property(hostileText, (q) => {
        const answer = engine.ask(q);
        expect(answer.command).toBe("ask");
        expect(answerProblems(answer, engine.corpus)).toEqual([]);
      }),
      { numRuns: METHOD_RUNS, seed: SEED },
    );
  });

  it("source: any combination of id, page, paragraph, find and summary", () => {
    fc.assert(
      fc.property(sourceOptions, (options) => {
        const answer = engine.source(options);
        expect(answerProblems(answer, engine.corpus)).toEqual([]);
      }),
      { numRuns: METHOD_RUNS, seed: SEED },
    );
  });

  it("compare: any topic gives figures with verbatim quotes, the topic list, or a message", () => {
    const topic = fc.oneof(hostileText, fc.constantFrom("", "deaths", "killed", "injured", "people", "arrested", "cost", "vote", "bridge"));
    let withFigures = 0;
    fc.assert(
      fc.property(topic, (t) => {
        const answer = engine.compare(t);
        expect(answer.command).toBe("compare");
        expect(answerProblems(answer, engine.corpus)).toEqual([]);
        if ("groups" in answer && answer.groups.length) withFigures++;
      }),
      { numRuns: METHOD_RUNS, seed: SEED },
    );
    expect(withFigures).toBeGreaterThan(METHOD_RUNS / 50);
  });

  it.each(["compare", "source"] as const)("%s choices (autocomplete): at most 25, names 1-100 characters, values at most 100", (command) => {
    const choices = (typed: string) => (command === "compare" ? engine.compareChoices(typed) : engine.sourceChoices(typed));
    fc.assert(
      fc.property(fc.oneof(hostileText, numberText), (typed) => {
        const list = choices(typed);
        expect(list.length).toBeLessThanOrEqual(AUTOCOMPLETE_CHOICES_MAX);
        for (const c of list) {
          expect([...c.name].length >= CHOICE_NAME_MIN && c.name.length <= CHOICE_NAME_MAX, c.name).toBe(true);
          expect(String(c.value).length).toBeLessThanOrEqual(CHOICE_VALUE_MAX);
        }
      }),
      { numRuns: METHOD_RUNS, seed: SEED },
    );
  });
});
