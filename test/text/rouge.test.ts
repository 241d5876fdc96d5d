import { describe, expect, it } from "vitest";
import { lcsLength, rouge, rougeTokens } from "../../src/text/rouge";

describe("rougeTokens", () => {
  it("lowercases and keeps runs of ASCII letters and digits only", () => {
    expect(rougeTokens("The U.S. fined Acme $4.5m — again!")).toEqual(["the", "u", "s", "fined", "acme", "4", "5m", "again"]);
  });
});

describe("rouge", () => {
  it("scores identical texts 1 on every measure", () => {
    const s = rouge("the cat sat on the mat", "the cat sat on the mat");
    expect([s.rouge1.f1, s.rouge2.f1, s.rougeL.f1]).toEqual([1, 1, 1]);
  });

  it("clips repeated unigrams to their count in the reference", () => {
    // candidate "the the the" vs reference "the cat": overlap 1, P = 1/3, R = 1/2, F1 = 0.4
    const s = rouge("the the the", "the cat");
    expect(s.rouge1.precision).toBeCloseTo(1 / 3);
    expect(s.rouge1.recall).toBeCloseTo(1 / 2);
    expect(s.rouge1.f1).toBeCloseTo(0.4);
  });

  it("counts bigram overlap for ROUGE-2", () => {
    // bigrams: cand {a b, b c, c d}, ref {a b, b d}: overlap 1, P 1/3, R 1/2
    expect(rouge("a b c d", "a b d").rouge2.f1).toBeCloseTo(0.4);
  });

  it("uses the longest common subsequence over the whole texts for ROUGE-L", () => {
    expect(lcsLength(["a", "b", "c", "d", "e"], ["a", "c", "e", "x"])).toBe(3);
    const s = rouge("a b c d e", "a c e x");
    expect(s.rougeL.precision).toBeCloseTo(3 / 5);
    expect(s.rougeL.recall).toBeCloseTo(3 / 4);
  });

  it("scores 0, not NaN, when either side is empty", () => {
    expect(rouge("", "a b").rouge1.f1).toBe(0);
    expect(rouge("a b", "").rougeL.f1).toBe(0);
    expect(rouge("a", "a").rouge2.f1).toBe(0);
  });
});
