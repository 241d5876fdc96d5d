import { describe, expect, it } from "vitest";
import { extractQuantities, type Quantity } from "../../../src/compare/extract/quantities";

function only(sentence: string): Quantity {
  const qs = extractQuantities(sentence);
  expect(qs).toHaveLength(1);
  return qs[0]!;
}

describe("extractQuantities: qualifiers", () => {
  const cases: [string, string, number, Quantity["change"]][] = [
    ["over 130 people", "over", 130, ">"],
    ["more than 130 people", "over", 130, ">"],
    ["upwards of 130 people", "over", 130, ">"],
    ["under 130 people", "under", 130, "<"],
    ["fewer than 130 people", "under", 130, "<"],
    ["about 130 people", "about", 130, "~"],
    ["some 130 people", "about", 130, "~"],
    ["an estimated 130 people", "about", 130, "~"],
    ["at least 130 people", "at least", 130, ">"],
    ["no fewer than 130 people", "at least", 130, ">"],
    ["up to 130 people", "at most", 130, "<"],
    ["as many as 130 people", "at most", 130, "<"],
    ["nearly 130 people", "nearly", 130, "~"],
    ["almost 130 people", "nearly", 130, "~"],
    ["just under 130 people", "nearly", 130, "<"],
  ];
  it.each(cases)("%s", (sentence, qualifier, value, change) => {
    const q = only(`They said ${sentence} were there.`);
    expect(q).toMatchObject({ qualifier, value, change, kind: "count", noun: "people" });
  });
  it("keeps the qualifier in the verbatim text and offsets", () => {
    const s = "The attack left over 130 people dead.";
    const q = only(s);
    expect(q.text).toBe("over 130");
    expect(s.slice(q.start, q.end)).toBe(q.text);
    expect(s.slice(q.nounStart, q.nounEnd)).toBe("people");
  });
  it("leaves exact numbers without a qualifier", () => {
    const q = only("Seven people died.");
    expect(q).toMatchObject({ value: 7, change: "=" });
    expect(q.qualifier).toBeUndefined();
  });
});

describe("extractQuantities: ranges", () => {
  it.each([
    ["between 130 and 140 people", "between 130 and 140"],
    ["130-140 people", "130-140"],
    ["130 to 140 people", "130 to 140"],
  ])("%s", (phrase, text) => {
    expect(only(`Police said ${phrase} were hurt.`)).toMatchObject({ value: 130, high: 140, text, noun: "people" });
  });
  it("shares the scale of the high end", () => {
    expect(only("four to five thousand people fled")).toMatchObject({ value: 4000, high: 5000 });
    expect(only("a fine of $89 to $93 billion")).toMatchObject({ value: 89e9, high: 93e9, kind: "money" });
  });
  it("does not join an amount and the level it reached", () => {
    const qs = extractQuantities("Shares rose 0.65 per cent to 27,349.19.");
    expect(qs.map((q) => q.value)).toEqual([0.65, 27349.19]);
    expect(qs[0]!.change).toBe("up");
  });
  it("does not join a year and an amount", () => {
    const qs = extractQuantities("sales rose in 2018 to 3.9 million headsets");
    expect(qs.map((q) => q.kind)).toEqual(["year", "count"]);
  });
  it("collapses a range with equal ends", () => {
    const q = only("They tied the game at 89-89.");
    expect(q.value).toBe(89);
    expect(q.high).toBeUndefined();
  });
});

describe("extractQuantities: vague counts", () => {
  it("marks dozens, hundreds and thousands as vague ranges", () => {
    expect(only("Dozens of people were killed.")).toMatchObject({ vague: true, value: 12, high: 120, kind: "count", noun: "people" });
    expect(only("Thousands fled.")).toMatchObject({ vague: true, value: 1000, kind: "count" });
  });
  it("reads 'a dozen' as exactly 12", () => {
    const q = only("a dozen crew were rescued");
    expect(q).toMatchObject({ value: 12, noun: "crew" });
    expect(q.vague).toBeUndefined();
  });
});

describe("extractQuantities: kinds", () => {
  it.each([
    ["It happened in 2017.", "year", 2017],
    ["The concert was on 22 March.", "date", 22],
    ["The concert was on March 24th.", "date", 24],
    ["The man, aged 25, was held.", "age", 25],
    ["A 25-year-old man was held.", "age", 25],
    ["The alarm sounded at 23:46.", "time", 23],
    ["It lasted 48 hours.", "time", 48],
    ["It cost $5 million.", "money", 5e6],
    ["Prices rose 20%.", "percent", 20],
    ["Prices rose 20 percent.", "percent", 20],
    ["The fire spread over 12 km.", "measure", 12],
    ["He came third.", "ordinal", 3],
  ] as const)("%s -> %s", (sentence, kind, value) => {
    const q = extractQuantities(sentence).find((x) => x.kind !== "count");
    expect(q).toMatchObject({ kind, value });
    expect(extractQuantities(sentence).some((x) => x.kind === "count")).toBe(false);
  });
  it("keeps a four-digit count followed by a plural noun", () => {
    expect(only("2000 people marched.")).toMatchObject({ kind: "count", noun: "people" });
  });
  it("reads an age in apposition", () => {
    expect(extractQuantities("Jane Smith, 44, said so.")[0]).toMatchObject({ kind: "age", value: 44 });
  });
  it("reads a clock time with a.m./p.m.", () => {
    expect(only("It began at 11 a.m. on Friday.")).toMatchObject({ kind: "time", unit: "time of day" });
  });
  it("gives ISO timestamps one date", () => {
    expect(only("Posted 2019-09-01T10:38:07.190Z")).toMatchObject({ kind: "date" });
  });
  it("skips numbers that are part of names", () => {
    expect(extractQuantities("the iPhone 11 and Section 427 and COVID-19 and category 4 storms")).toEqual([]);
    expect(extractQuantities("the S&P 500 rose")).toEqual([]);
    expect(extractQuantities("He lives at 49 Zorro Ranch Road")).toEqual([]);
  });
  it("skips 'one' used as a pronoun but keeps 'one of'", () => {
    expect(extractQuantities("He wanted the same one again.")).toEqual([]);
    expect(only("One of the victims was a child.")).toMatchObject({ value: 1, noun: "victims" });
  });
  it("skips spelled numbers in compound modifiers", () => {
    expect(extractQuantities("a six-speed gearbox")).toEqual([]);
  });
  it("reads money with currency signs and glued scales", () => {
    expect(only("a £2.5m deal")).toMatchObject({ kind: "money", value: 2.5e6, unit: "£" });
    expect(only("It produced 1.2m tons")).toMatchObject({ value: 1.2e6, kind: "measure" });
  });
  it("reads signed percentages as moves", () => {
    expect(only("Dow -1.3%")).toMatchObject({ value: -1.3, change: "down" });
  });
});

describe("extractQuantities: changes", () => {
  it("labels rises and falls of amounts", () => {
    const [a, b] = extractQuantities("Nasdaq rose 2.1% and the Dow fell by 190 points.");
    expect(a).toMatchObject({ value: 2.1, change: "up" });
    expect(b).toMatchObject({ value: 190, change: "down" });
  });
  it("does not label a count as a rise without 'by'", () => {
    expect(only("The toll rose 12 people")).toMatchObject({ change: "=" });
  });
  it("carries a qualifier into a bracketed conversion", () => {
    const [, b] = extractQuantities("They fly more than 100 kilometers (60 miles).");
    expect(b).toMatchObject({ value: 60, change: ">" });
  });
});
