import { describe, expect, it } from "vitest";
import { extractFigures, type Figure } from "../../../src/compare/classify/figures";
import type { Article } from "../../../src/corpus/types";

/** The figures of one invented article whose paragraphs are the given sentences, one each. */
function figuresOf(...texts: string[]): Figure[] {
  return extractFigures([inventedArticle(texts.map((text) => [text]))]);
}
/** The figures of one invented article of one paragraph holding the given sentences. */
function paragraphFigures(...texts: string[]): Figure[] {
  return extractFigures([inventedArticle([texts])]);
}
/** An invented article of the given paragraphs (each its sentences): sentences apart by a space, paragraphs by a blank line. */
function inventedArticle(texts: string[][]): Article {
  const raw = texts.map((p) => p.join(" ")).join("\n\n");
  let start = 0;
  let index = 0;
  const paragraphs = texts.map((sentenceTexts, i) => {
    const sentences = sentenceTexts.map((text) => {
      const sentence = { index: index++, paragraph: i + 1, start, end: start + text.length, text };
      start += text.length + 1;
      return sentence;
    });
    start += 1;
    const text = sentenceTexts.join(" ");
    return { number: i + 1, start: sentences[0]!.start, end: sentences.at(-1)!.end, text, heading: false, sentences };
  });
  return {
    id: "001", file: "001.txt", raw, wordCount: raw.split(/\s+/).length,
    meta: { title: null, outlet: null, author: null, date: null, time: null, place: null, url: null },
    paragraphs, sentences: paragraphs.flatMap((p) => p.sentences),
  };
}
const of = (figures: Figure[], measure: string) => figures.filter((f) => f.measure === measure).map((f) => f.value);

describe("figures: a measure counts people in that state", () => {
  it("counts no things the clause's verb reaches: carriages, boats, rounds of ammunition", () => {
    const fs = figuresOf(
      "A line of 40 carriages carried the coffins of the six girls killed in the fire.",
      "The gunman fired 60 rounds, killing 4 people.",
      "Rescuers found 12 boats wrecked and 3 fishermen drowned.",
    );
    expect(of(fs, "deaths")).toEqual([6, 4, 3]);
  });
  it("takes no clock time, calibre, age, money, percentage, year, population or name for a toll", () => {
    const fs = figuresOf(
      "At 9:40 a.m. a man armed with a .45-caliber pistol killed 5 people.",
      "The 32-year-old killed 2 guards in 2019, police said.",
      "The nation of 150 million mourned the 30 people killed, and 20% of its budget went to $5 million in aid.",
      "Flight 370 crashed, killing 239 people.",
    );
    expect(of(fs, "deaths")).toEqual([5, 2, 30, 239]);
  });
  it("reads people on board as no toll unless their clause says they died", () => {
    const fs = figuresOf("A plane with 150 people on board crashed into the sea.", "Of the 150 people on board, 40 died.");
    expect(of(fs, "deaths")).toEqual([40]);
    expect(fs.filter((f) => f.value === 150 && f.measure !== null)).toEqual([]);
  });
  it("never files the hurt under deaths nor the dead under injured", () => {
    const fs = figuresOf("Three died and 40 were taken to hospital.", "Tens of thousands were left homeless.");
    expect(of(fs, "deaths")).toEqual([3]);
    expect(of(fs, "injured")).toEqual([40]);
    expect(fs.find((f) => f.value === 10_000)?.measure).toBe("displaced");
  });
});

describe("figures: kinds (total, part, vague) and bodies", () => {
  it("marks vague amounts with their range and their words", () => {
    const [f] = figuresOf("Hundreds of villagers died in the landslide.");
    expect(f).toMatchObject({ measure: "deaths", kind: "vague", value: 100, high: 1000, phrase: "Hundreds" });
  });
  it("marks a subgroup as a part of the total it is listed under", () => {
    const fs = figuresOf("The bombing killed 52 people, including 13 police officers.");
    expect(fs.map((f) => [f.value, f.kind, f.partOf ?? null])).toEqual([
      [52, "total", null],
      [13, "part", "52 people"],
    ]);
  });
  it("reads 'Among them were N' after a toll as a part of that toll", () => {
    const fs = paragraphFigures("The blast at the depot killed 48 people.", "Among them were 11 firefighters.");
    expect(fs.map((f) => [f.value, f.measure, f.kind, f.partOf ?? null])).toEqual([
      [48, "deaths", "total", null],
      [11, "deaths", "part", "48 people"],
    ]);
    // Not when the toll is not in the sentence right before.
    const apart = paragraphFigures("The blast at the depot killed 48 people.", "Rescuers searched the rubble.", "Among them were 11 firefighters.");
    expect(apart.filter((f) => f.measure === "deaths").map((f) => f.value)).toEqual([48]);
  });
  it("reads people lost in a war or a disaster as deaths", () => {
    expect(of(figuresOf("The province has lost 2,400 people since the war began."), "deaths")).toEqual([2400]);
    expect(figuresOf("The party lost 20 members in the election.").filter((f) => f.measure !== null)).toEqual([]);
  });
  it("reads recovered bodies as deaths, at least that many", () => {
    const [f] = figuresOf("Divers recovered 27 bodies from the wreck on Tuesday.");
    expect(f).toMatchObject({ measure: "deaths", value: 27, kind: "total", atLeast: true });
    expect(f!.interval).toMatchObject({ low: 27, high: null });
  });
});
