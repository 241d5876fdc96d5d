import { describe, expect, it, vi } from "vitest";
import { Engine } from "../../src/engine/engine";
import { warmUp, warmUpInTurns, warmUpQuestions, warmUpSwapped, warmUpWord } from "../../src/engine/warm";
import { answerSpecOf } from "../../src/search/answer-type";
import { articleText, writeCorpus } from "../support/corpus";

const corpus = () =>
  writeCorpus({
    "001.txt": articleText("Flood waters rise in Tarsk", [
      "Flood waters rose through Tarsk on Monday, and the flood closed the Ostel bridge.",
      "Officials said the flood had forced 300 families from their homes.",
    ]),
    "002.txt": articleText("Tarsk counts the cost", ["The flood left the market of Tarsk under a metre of water, the mayor said."]),
  });

describe("warm-up", () => {
  it("asks about the commonest word of the corpus's headlines", async () => {
    const engine = await Engine.open(corpus());
    expect(warmUpWord(engine.vocabulary)).toBe("flood");
  });

  it("asks one question of each kind of answer /ask looks for", () => {
    const kinds = new Set(warmUpQuestions("flood").map((q) => answerSpecOf(q).type));
    expect(kinds).toEqual(new Set(["count", "agent", "place", "time", "clock", "reason", "duration", "occupation", "any"]));
  });

  it("asks the engine every warm-up question and fills the autocompletes", async () => {
    const engine = await Engine.open(corpus());
    const ask = vi.spyOn(engine, "ask");
    const sourceChoices = vi.spyOn(engine, "sourceChoices");
    warmUp(engine);
    expect(ask.mock.calls.map(([q]) => q)).toEqual(warmUpQuestions("flood"));
    expect(sourceChoices).toHaveBeenCalledTimes(1);
  });

  it("on a reload's engine, builds what is built on first use but asks no question", async () => {
    const engine = await Engine.open(corpus());
    const ask = vi.spyOn(engine, "ask");
    const compareChoices = vi.spyOn(engine, "compareChoices");
    warmUpSwapped(engine);
    expect(ask).not.toHaveBeenCalled();
    expect(compareChoices).toHaveBeenCalledTimes(1);
  });

  it("in turns, lets other work run between its steps", async () => {
    const engine = await Engine.open(corpus());
    const ask = vi.spyOn(engine, "ask");
    const seenBetween: number[] = [];
    let running = true;
    const other = () => {
      seenBetween.push(ask.mock.calls.length);
      if (running) setImmediate(other);
    };
    setImmediate(other);
    await warmUpInTurns(engine);
    running = false;
    // The other work saw the warm-up part-way through, not only before or after it.
    expect(seenBetween.some((n) => n > 0 && n < warmUpQuestions("flood").length)).toBe(true);
  });
});
