import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { termsOfWord } from "../../src/search/terms";

describe("index terms of a word", () => {
  it("of a plain lowercase word, are what the general path gives it (here reached by a final dot)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(termsOfWord(word)).toEqual(termsOfWord(`${word}.`));
      }),
      { numRuns: 500 },
    );
    for (const word of ["the", "a", "killed", "flooding", "s"]) expect(termsOfWord(word)).toEqual(termsOfWord(`${word}.`));
  });

  it("drop stop words and single letters, and stem the rest", () => {
    expect(termsOfWord("the")).toEqual([]);
    expect(termsOfWord("x")).toEqual([]);
    expect(termsOfWord("floods")).toEqual(["flood"]);
  });
});
