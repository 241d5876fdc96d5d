import { describe, expect, it } from "vitest";
import { namesIn, timeMarkers } from "../../../src/compare/events/mentions";

const words = { lower: new Set(["the", "observers", "in"]), midCapitals: new Set(["velmora", "tarsk"]) };

describe("timeMarkers", () => {
  it("reads full dates, months with years, bare years, and relative years", () => {
    const t = timeMarkers("On 22 March 2031 the roof fell; in 2019 a bridge fell; in January this year a tower fell.");
    expect(t.map((m) => [m.text, m.yearLow, m.month, m.back])).toEqual([
      ["22 March 2031", 2031, 3, null],
      ["2019", 2019, null, null],
      ["January this year", null, 1, 0],
    ]);
  });
  it("skips comparisons ('the worst since 2004') and the modal 'may'", () => {
    expect(timeMarkers("It was the worst since 2004, and more may follow.")).toEqual([]);
  });
});

describe("namesIn", () => {
  it("finds names and tells places (after in/at/near/city of) from other names", () => {
    const names = namesIn("Observers say the Arkel Stadium in Velmora is owned by Dorn Holdings.", words);
    expect(names.map((n) => [n.text, n.place])).toEqual([
      ["Arkel Stadium", false],
      ["Velmora", true],
      ["Dorn Holdings", false],
    ]);
  });

  it("reads a word after a quote mark or colon (and spaces) as a sentence's first word: a name only by the article's evidence", () => {
    const evidence = { lower: new Set(["rescuers"]), midCapitals: new Set(["velmora"]) };
    expect(namesIn("He said: “ Rescuers reached Velmora.", evidence).map((n) => n.text)).toEqual(["Velmora"]);
    expect(namesIn("He said: “Velmora is cut off.", evidence).map((n) => n.text)).toEqual(["Velmora"]);
    expect(namesIn("He said Rescuers reached it.", evidence).map((n) => n.text)).toEqual(["Rescuers"]);
  });
});

describe("hostile sentences read in linear time (modest sizes: a regression fails by timeout)", () => {
  it("a page of month names: every look-around around a month is bounded", () => {
    const t = timeMarkers(`${"March ".repeat(20_000)}2031`);
    expect(t.at(-1)!.yearLow).toBe(2031);
  });
  it("years cued by 'in' again and again", () => {
    expect(timeMarkers("in 1998 ".repeat(5_000))).toHaveLength(5_000);
  });
  it("many words after a long run of text: the quote-opener test reads back over spaces only", () => {
    const names = namesIn(`${"word ".repeat(20_000)}in Velmora`, words);
    expect(names.map((n) => n.text)).toEqual(["Velmora"]);
  });
  it("a name after a long run of blanks", () => {
    const names = namesIn(`${" ".repeat(40_000)}in Velmora`, words);
    expect(names.map((n) => n.text)).toEqual(["Velmora"]);
  });
});
