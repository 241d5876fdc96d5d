import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/corpus/sentences";

const split = (text: string) => splitSentences(text).map((s) => s.text);

describe("splitSentences", () => {
  it("keeps titles, initials and dotted acronyms inside their sentence", () => {
    expect(split("The U.S. had troops there. Mr. Ivanov left. Dr. A. Smith of St. Petersburg spoke.")).toEqual([
      "The U.S. had troops there.",
      "Mr. Ivanov left.",
      "Dr. A. Smith of St. Petersburg spoke.",
    ]);
  });

  it("does not split after month abbreviations or 'No.' before a number", () => {
    expect(split("After the Sept. 11 attacks, he went. No. 5 is here.")).toEqual(["After the Sept. 11 attacks, he went.", "No. 5 is here."]);
  });

  it("splits after a closing quote but not inside a quoted question", () => {
    expect(split('He said, "Go home." Then he left. "Is it?" he asked. It was.')).toEqual([
      'He said, "Go home."',
      "Then he left.",
      '"Is it?" he asked.',
      "It was.",
    ]);
  });

  it("splits a dotted acronym that ends a sentence when a sentence opener follows", () => {
    expect(split("It hit the U.S. The president spoke.")).toEqual(["It hit the U.S.", "The president spoke."]);
  });

  it("splits sentences glued without a space after a lowercase word", () => {
    expect(split("the attack spread beyond Afghanistan.The Taliban denied it.")).toEqual([
      "the attack spread beyond Afghanistan.",
      "The Taliban denied it.",
    ]);
  });

  it("keeps an ellipsis followed by lowercase in one sentence", () => {
    expect(split("He paused... and then spoke. Done.")).toEqual(["He paused... and then spoke.", "Done."]);
  });

  it("gives offsets that slice back to the sentence text", () => {
    const text = "  First one here. Second, with “quotes.” Third!";
    for (const s of splitSentences(text, 100)) expect(text.slice(s.start - 100, s.end - 100)).toBe(s.text);
  });
});
