import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeAgreement, countContradictions, type Claim } from "../../src/compare/conflicts";
import { intervalOf } from "../../src/compare/extract/intervals";
import type { Qualifier } from "../../src/compare/extract/quantities";

function claim(key: string, value: number, qualifier?: Qualifier, source?: string): Claim {
  const label = qualifier ? `"${qualifier} ${value}" (${key})` : `${value} (${key})`;
  return { key, label, value, interval: intervalOf({ value, qualifier }), source };
}

describe("analyzeAgreement", () => {
  const claims = [claim("A", 130, "over"), claim("B", 139), claim("C", 137), claim("D", 140, "over")];
  const a = analyzeAgreement(claims);

  it("gives the spread of the stated values", () => {
    expect(a.spread).toEqual({ min: 130, max: 140 });
  });
  it("says which exact figures fit a bound", () => {
    expect(a.fits).toEqual([{ bound: "A", within: ["B", "C"] }]);
    expect(a.summary).toContain('139 (B) and 137 (C) fit "over 130" (A).');
  });
  it("says which figures contradict: over 140 against 137 and 139, and the two exact figures", () => {
    expect(a.contradictions).toEqual(expect.arrayContaining([["B", "D"], ["C", "D"], ["B", "C"]]));
    expect(a.contradictions).toHaveLength(3);
    expect(a.summary).toContain('"over 140" (D) contradicts 139 (B) and 137 (C).');
    expect(a.summary).toContain("139 (B) and 137 (C) disagree.");
  });
  it("shades no consensus when several sets of two tie", () => {
    expect(a.consistent).toHaveLength(2);
    expect(a.consensus).toBeNull();
  });
  it("finds the largest agreeing set and the counts it allows", () => {
    const b = analyzeAgreement([claim("A", 45, "at least"), claim("B", 50, "nearly"), claim("C", 41)]);
    expect(b.consistent).toEqual(["A", "B"]);
    expect(b.consensus).toMatchObject({ low: 45, high: 49 });
    expect(b.contradictions).toEqual([["A", "C"], ["B", "C"]]);
  });
  it("never sets parts of one sentence against each other (217 passengers and seven crew)", () => {
    const c = analyzeAgreement([claim("P", 217, undefined, "s1"), claim("Q", 7, undefined, "s1")]);
    expect(c.contradictions).toEqual([]);
    expect(c.summary).toContain("All these figures can be true at once.");
  });
  it("handles no claims and one claim", () => {
    expect(analyzeAgreement([]).spread).toBeNull();
    expect(analyzeAgreement([claim("A", 5)]).summary).toEqual([]);
  });
});

describe("countContradictions", () => {
  it("counts the pairs analyzeAgreement lists, same-source pairs left out (random claims)", () => {
    const qualifier = fc.constantFrom<Qualifier | undefined>(undefined, "over", "under", "about", "at least", "at most", "nearly");
    const one = fc.record({ value: fc.integer({ min: 1, max: 40 }), qualifier, source: fc.constantFrom(undefined, "s1", "s2") });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 25 }), (xs) => {
        const claims = xs.map((x, k) => claim(String(k), x.value, x.qualifier, x.source));
        expect(countContradictions(claims)).toBe(analyzeAgreement(claims).contradictions.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe("analyzeAgreement: the contradiction sentences", () => {
  /** The plain statement of the rule: most contradicted first (bounds before exact figures, then first met), all it contradicts, repeat. */
  function reference(claims: Claim[], pairs: [string, string][]): string[] {
    const byKey = new Map(claims.map((c) => [c.key, c]));
    const exact = (k: string): boolean => byKey.get(k)!.interval.high === byKey.get(k)!.interval.low && !byKey.get(k)!.interval.lowOpen && !byKey.get(k)!.interval.highOpen;
    const names = (ks: string[]): string => (ks.length <= 1 ? ks.join("") : `${ks.slice(0, -1).join(", ")} and ${ks.at(-1)}`);
    const left = [...pairs];
    const out: string[] = [];
    while (left.length > 0) {
      const counts = new Map<string, number>();
      for (const [a, b] of left) for (const k of [a, b]) counts.set(k, (counts.get(k) ?? 0) + 1);
      const [top] = [...counts.entries()].sort((x, y) => y[1] - x[1] || Number(exact(x[0])) - Number(exact(y[0])))[0]!;
      const others = left.filter(([a, b]) => a === top || b === top).map(([a, b]) => (a === top ? b : a));
      const label = (k: string): string => byKey.get(k)!.label;
      out.push(others.length === 1 && exact(top) && exact(others[0]!) ? `${label(top)} and ${label(others[0]!)} disagree.` : `${label(top)} contradicts ${names(others.map(label))}.`);
      for (let i = left.length - 1; i >= 0; i--) if (left[i]![0] === top || left[i]![1] === top) left.splice(i, 1);
    }
    return out;
  }
  it("names each contradiction once, in the order the plain rule gives (random claims)", () => {
    const qualifier = fc.constantFrom<Qualifier | undefined>(undefined, "over", "under", "about", "nearly");
    const one = fc.record({ value: fc.integer({ min: 1, max: 30 }), qualifier });
    fc.assert(
      fc.property(fc.array(one, { maxLength: 20 }), (xs) => {
        const claims = xs.map((x, k) => claim(String(k), x.value, x.qualifier));
        const a = analyzeAgreement(claims);
        const told = a.summary.filter((s) => / contradicts | disagree\.$/.test(s));
        expect(told).toEqual(reference(claims, a.contradictions));
      }),
      { numRuns: 400 },
    );
  });
});
