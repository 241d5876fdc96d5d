import { describe, expect, it } from "vitest";
import { groupEvents, keyForms, labelEvent, namesIn, pairScore, timeMarkers, type EventItem, type EventSignature } from "../../src/compare/events";

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
  it("matches a country and its people: 'Iranian' meets 'Iran'", () => {
    expect(keyForms("iranian")).toContain("iran");
  });
});

function sig(places: string[], names: string[], year: number | null, month: number | null = null, explicit = year !== null): EventSignature {
  return {
    names: [...places.map((p) => ({ text: p, place: true, keys: [p.toLowerCase()] })), ...names.map((n) => ({ text: n, place: false, keys: [n.toLowerCase()] }))],
    time: { yearLow: year, yearHigh: year, month, explicit, text: year ? String(year) : null },
    eventNoun: "attack",
    namesFrom: "sentence",
  };
}

describe("groupEvents", () => {
  const items: EventItem[] = [
    { signature: sig(["Velmora"], [], 2031, 6), value: 41, sentenceKey: "a1" },
    { signature: sig(["Velmora"], ["Arkel"], 2031, null, false), value: 45, sentenceKey: "b1" },
    { signature: sig([], ["Arkel"], null, null, false), value: 50, sentenceKey: "c1" },
    // The same place in another year is another event.
    { signature: sig(["Velmora"], [], 2019), value: 44, sentenceKey: "a2" },
    // Same year and place but a value of another size: another event.
    { signature: sig(["Velmora"], [], 2031, 6), value: 900, sentenceKey: "c2" },
  ];
  it("merges figures that share a place with compatible times and values, and keeps other years apart", () => {
    const groups = groupEvents(items).map((g) => g.sort());
    expect(groups).toEqual(expect.arrayContaining([[0, 1], [3], [4]]));
  });
  it("scores a shared place above a shared name, and a shared month", () => {
    expect(pairScore(sig(["Velmora"], [], 2031), sig(["Velmora"], [], 2031))).toBe(2);
    expect(pairScore(sig([], ["Arkel"], 2031), sig([], ["Arkel"], 2031))).toBe(1);
    expect(pairScore(sig([], ["Arkel"], 2031, 6), sig([], ["Arkel"], 2031, 6))).toBe(2);
  });
  it("labels a group with its place, event and time", () => {
    expect(labelEvent([{ signature: sig(["Velmora"], [], 2031, 6), articleId: "001" }])).toBe("Velmora attack, June 2031");
  });
});
