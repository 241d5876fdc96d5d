import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeAgreement, countContradictions, type Claim } from "../../../src/compare/answer/conflicts";
import { intervalOf } from "../../../src/compare/extract/intervals";
import type { Qualifier } from "../../../src/compare/extract/quantities";

function claim(key: string, value: number, qualifier?: Qualifier, more: Partial<Claim> = {}): Claim {
  const label = qualifier ? `"${qualifier} ${value}" (${key})` : `${value} (${key})`;
  return { key, label, value, interval: intervalOf({ value, qualifier }), ...more };
}

describe("analyzeAgreement: figures of one day from different reporters", () => {
  const day = "2031-06-13";
  const claims = [
    claim("A", 130, "over", { reporter: "Wire One", day, order: 1 }),
    claim("B", 139, undefined, { reporter: "Wire Two", day, order: 2, said: "police" }),
    claim("C", 137, undefined, { reporter: "Wire Three", day, order: 3, said: "a hospital official" }),
    claim("D", 140, "over", { reporter: "Wire Four", day, order: 4 }),
  ];
  const a = analyzeAgreement(claims);

  it("gives the spread of the stated values and the latest total", () => {
    expect(a.spread).toEqual({ min: 130, max: 140 });
    expect(a.latest).toBe("D");
    expect(a.summary[0]).toBe('Latest: "over 140" (D), 13 June 2031, Wire Four.');
  });
  it("says which exact figures fit a bound", () => {
    expect(a.fits).toEqual([{ bound: "A", within: ["B", "C"] }]);
    expect(a.summary).toContain('139 (B) and 137 (C) fit "over 130" (A).');
  });
  it("tells each disagreement with its day, reporters and sources, most disputed first", () => {
    expect(a.contradictions).toEqual(expect.arrayContaining([["B", "D"], ["C", "D"], ["B", "C"]]));
    expect(a.contradictions).toHaveLength(3);
    expect(a.summary).toContain('On 13 June 2031, Wire Two reported 139 (B) (police) while Wire Three reported 137 (C) (a hospital official) and Wire Four reported "over 140" (D).');
  });
  it("finds the largest agreeing set and the counts it allows", () => {
    const b = analyzeAgreement([claim("A", 45, "at least", { day }), claim("B", 50, "nearly", { day }), claim("C", 41, undefined, { day })]);
    expect(b.consistent).toEqual(["A", "B"]);
    expect(b.consensus).toMatchObject({ low: 45, high: 49 });
    expect(b.contradictions).toEqual([["A", "C"], ["B", "C"]]);
  });
});

describe("analyzeAgreement: what is never a contradiction", () => {
  it("a later toll is an update: 41 on one day, 57 and 163 on the next, told as a change over time", () => {
    const a = analyzeAgreement([
      claim("A", 41, undefined, { reporter: "Wire One", day: "2031-11-15", order: 1 }),
      claim("B", 57, undefined, { reporter: "Wire Two", day: "2031-11-16", order: 2, said: "officials" }),
      claim("C", 163, undefined, { reporter: "Wire Two", day: "2031-11-16", order: 3 }),
    ]);
    expect(a.contradictions).toEqual([]);
    expect(a.latest).toBe("C");
    expect(a.summary).toContain("Over time: 41 (A) on 15 November 2031, then 57 (B) on 16 November 2031, then 163 (C) on 16 November 2031.");
    expect(a.summary.at(-1)).toMatch(/No two sources disagree on the same day/);
  });
  it("one reporter's second figure of the day updates its first", () => {
    const day = "2031-11-16";
    const a = analyzeAgreement([claim("A", 57, undefined, { reporter: "Wire Two", day, order: 1 }), claim("B", 163, undefined, { reporter: "Wire Two", day, order: 2 })]);
    expect(a.contradictions).toEqual([]);
  });
  it("a part of the total ('three of the girls') is listed under it, never set against it", () => {
    const day = "2031-10-02";
    const a = analyzeAgreement([claim("A", 5, undefined, { reporter: "Wire One", day }), claim("B", 3, undefined, { reporter: "Wire Two", day, kind: "part" })]);
    expect(a.contradictions).toEqual([]);
    expect(a.parts).toEqual(["B"]);
    expect(a.summary).toContain("Parts of the total, not other totals: 3 (B).");
    expect(a.latest).toBe("A");
  });
  it("a part is never the latest figure, even when no total is given", () => {
    const a = analyzeAgreement([
      claim("A", 60, undefined, { source: "s1", day: "2031-10-02", order: 1, kind: "part" }),
      claim("B", 9, undefined, { source: "s1", day: "2031-10-02", order: 2, kind: "part" }),
    ]);
    expect(a.latest).toBeNull();
    expect(a.summary.some((line) => line.startsWith("Latest") || line.startsWith("Last given"))).toBe(false);
    expect(a.summary).toContain("Parts of the total, not other totals: 60 (A) and 9 (B).");
    const rough = analyzeAgreement([claim("A", 60, undefined, { day: "2031-10-02", order: 2, kind: "part" }), claim("B", 100, undefined, { day: "2031-10-02", order: 1, kind: "vague" })]);
    expect(rough.latest).toBe("B");
  });
  it("a rough amount ('hundreds') is never set against a count", () => {
    const day = "2031-10-02";
    const a = analyzeAgreement([claim("A", 41, undefined, { reporter: "Wire One", day }), claim("B", 100, "over", { reporter: "Wire Two", day, kind: "vague" })]);
    expect(a.contradictions).toEqual([]);
  });
  it("an open-ended figure ('at least 12') fits an exact total above it", () => {
    const day = "2031-10-02";
    const a = analyzeAgreement([claim("A", 12, "at least", { reporter: "Wire One", day }), claim("B", 15, undefined, { reporter: "Wire Two", day })]);
    expect(a.contradictions).toEqual([]);
    expect(a.summary).toContain('15 (B) fits "at least 12" (A).');
  });
  it("never sets parts of one sentence against each other (217 passengers and seven crew)", () => {
    const c = analyzeAgreement([claim("P", 217, undefined, { source: "s1" }), claim("Q", 7, undefined, { source: "s1" })]);
    expect(c.contradictions).toEqual([]);
  });
  it("names an article whose outlet is not given as 'one article', never by its file number", () => {
    const day = "2031-10-02";
    const a = analyzeAgreement([
      claim("A", 12, undefined, { reporter: "article A", unnamed: true, day, order: 1 }),
      claim("B", 9, undefined, { reporter: "article B", unnamed: true, day, order: 2, said: "a hospital" }),
      claim("C", 15, undefined, { reporter: "Wire One", day, order: 3 }),
    ]);
    const line = a.summary.find((s) => s.startsWith("On 2 October 2031"));
    expect(line).toMatch(/^On 2 October 2031, (one article|Wire One) reported .* while .*another article reported/);
    expect(a.summary.join(" ")).not.toMatch(/article [AB]\b/);
    expect(a.summary[0]).toBe("Latest: 15 (C), 2 October 2031, Wire One.");
    const same = analyzeAgreement([
      claim("A", 3, undefined, { reporter: "Wire One", day, order: 1 }),
      claim("B", 6, undefined, { reporter: "article B", unnamed: true, source: "s1", day, order: 2 }),
      claim("B#2", 7, undefined, { reporter: "article B", unnamed: true, source: "s2", day, order: 3 }),
    ]);
    expect(same.summary).toContain("On 2 October 2031, Wire One reported 3 (A) while one article reported 6 (B) and the same article reported 7 (B#2).");
  });
  it("handles no claims and one claim", () => {
    expect(analyzeAgreement([]).spread).toBeNull();
    expect(analyzeAgreement([claim("A", 5)]).summary).toEqual([]);
  });
  it("tells at most three disagreements and counts the rest", () => {
    const day = "2031-10-02";
    const claims = Array.from({ length: 8 }, (_, k) => claim(String(k), 10 + k * 10, undefined, { reporter: `Wire ${k}`, day }));
    const a = analyzeAgreement(claims);
    expect(a.contradictions).toHaveLength(28);
    const told = a.summary.filter((s) => s.startsWith("On "));
    expect(told).toHaveLength(3);
    expect(a.summary).toContain("… and 10 more disagreeing pairs.");
  });
});

describe("countContradictions", () => {
  it("counts the pairs analyzeAgreement lists (random claims of random days, reporters, sentences and kinds)", () => {
    const qualifier = fc.constantFrom<Qualifier | undefined>(undefined, "over", "under", "about", "at least", "at most", "nearly");
    const one = fc.record({
      value: fc.integer({ min: 1, max: 40 }),
      qualifier,
      source: fc.constantFrom(undefined, "s1", "s2"),
      reporter: fc.constantFrom(undefined, "r1", "r2", "r3"),
      day: fc.constantFrom(null, "2031-01-01", "2031-01-02"),
      kind: fc.constantFrom(undefined, "total" as const, "part" as const, "vague" as const),
    });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 25 }), (xs) => {
        // A sentence belongs to one reporter: its claims share it.
        const claims = xs.map((x, k) => {
          const reporter = x.source ? `r-${x.source}` : x.reporter;
          return claim(String(k), x.value, x.qualifier, { source: x.source, reporter, day: x.day, kind: x.kind });
        });
        expect(countContradictions(claims)).toBe(analyzeAgreement(claims).contradictions.length);
      }),
      { numRuns: 500 },
    );
  });
});
