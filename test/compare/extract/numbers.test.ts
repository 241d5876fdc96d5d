import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findNumbers, mayHoldNumber, NUMBER_WORDS } from "../../../src/compare/extract/numbers";
import { extractQuantities } from "../../../src/compare/extract/quantities";

function values(text: string): number[] {
  return findNumbers(text).map((n) => n.value);
}

describe("findNumbers: digits", () => {
  it("reads thousands separators and decimals", () => {
    expect(values("1,200 people and 3.75 tonnes")).toEqual([1200, 3.75]);
  });
  it("applies a scale word or glued scale suffix", () => {
    expect(values("2.5 million residents")).toEqual([2_500_000]);
    expect(values("a $6bn deal and 25k fans")).toEqual([6e9, 25_000]);
  });
  it("does not read a malformed separator group as one number", () => {
    expect(values("codes 1,2345")).not.toContain(12345);
    expect(values("codes 1,2345")).not.toContain(1);
  });
  it("skips digits glued to letters that name things", () => {
    expect(values("the Galaxy S23 and a COVID19 test")).toEqual([]);
  });
  it("reads a leading-dot decimal", () => {
    expect(values("a .500 record")).toEqual([0.5]);
  });
  it("marks digit ordinals and clock times", () => {
    const [ord, clock] = findNumbers("the 22nd at 23:46");
    expect(ord?.ordinal).toBe(true);
    expect(ord?.value).toBe(22);
    expect(clock?.clock).toBe(true);
  });
  it("reads slash fractions and powers of ten", () => {
    expect(values("1/2 pound")).toEqual([0.5]);
    expect(values("2.998×10−8 m")[0]).toBeCloseTo(2.998e-8);
  });
});

describe("findNumbers: words", () => {
  it("reads spelled-out numbers with 'and' and hyphens", () => {
    expect(values("one hundred and thirty-nine victims")).toEqual([139]);
    expect(values("twenty-one crew")).toEqual([21]);
    expect(values("seven people")).toEqual([7]);
  });
  it("reads large spelled numbers", () => {
    expect(values("two million people")).toEqual([2_000_000]);
    expect(values("four thousand five hundred")).toEqual([4500]);
  });
  it("reads 'a dozen' as 12 but not a bare 'dozen'", () => {
    expect(values("a dozen eggs")).toEqual([12]);
    expect(values("two dozen eggs")).toEqual([24]);
    expect(values("a baker's dozen")).toEqual([]);
  });
  it("marks vague counts with their bounds", () => {
    const [dozens] = findNumbers("dozens of people");
    expect(dozens).toMatchObject({ vague: true, value: 12, high: 120 });
    const [tens] = findNumbers("tens of thousands of people");
    expect(tens).toMatchObject({ vague: true, value: 10_000, high: 100_000 });
    const [several] = findNumbers("several thousand people");
    expect(several).toMatchObject({ vague: true, value: 3000, high: 9000 });
  });
  it("needs 'of' before treating 'scores' as a vague count", () => {
    expect(findNumbers("scores of people")[0]?.vague).toBe(true);
    expect(findNumbers("test scores improved")).toEqual([]);
  });
  it("reads fractions and proportions", () => {
    expect(values("a third of voters")[0]).toBeCloseTo(1 / 3);
    expect(values("two-thirds of the seats")[0]).toBeCloseTo(2 / 3);
    expect(values("one out of four adults")).toEqual([0.25]);
  });
  it("does not read 'the second half of' as a fraction", () => {
    expect(findNumbers("in the second half of the game").some((n) => n.fraction)).toBe(false);
  });
});

describe("mayHoldNumber: the quick test before a sentence is read", () => {
  it("says yes to digits and to number words in any case, no to a sentence without either", () => {
    for (const text of ["3 dead", "Dozens were hurt.", "twenty-one", "a third of them", "HALF the town", "the fourth day"]) expect(mayHoldNumber(text)).toBe(true);
    for (const text of ["The harbour was calm this spring.", "Someone often tends the stones.", "Tenses and scorers"]) expect(mayHoldNumber(text)).toBe(false);
  });
  it("never says no where findNumbers finds a number (random mixes of number words, letters and marks)", () => {
    const piece = fc.constantFrom("one", "Seven", "twenty", "-", "hundred", "dozens", "of", "a", "third", "half", "tens", "thousands", "é", "x", "_", "’s", "'", " ", ",", "\u0301", "K");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        if (!mayHoldNumber(text)) expect(findNumbers(text)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
  it("finds a number word where a pattern of every number word between ASCII word edges does, and only there", () => {
    expect(NUMBER_WORDS.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    const pattern = new RegExp(`(?<![a-z])(?:${NUMBER_WORDS.join("|")})(?![a-z])`, "i");
    const piece = fc.constantFrom("one", "ONE", "Seven", "sevenTY", "twenty", "tens", "ten", "dozen", "s", "th", "e", "x", "z", "A", "[", "`", "@", "{", "é", "ſ", "K", "\u0301", " ", "-", "'");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join("");
        expect(mayHoldNumber(text)).toBe(/\d/.test(text) || pattern.test(text));
      }),
      { numRuns: 5000 },
    );
  });
  it("does not read 'constructor' (an Object property) as a number word", () => {
    expect(extractQuantities("The constructor built 5 houses.").map((q) => q.value)).toEqual([5]);
  });
});
