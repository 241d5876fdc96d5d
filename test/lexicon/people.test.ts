import { describe, expect, it } from "vitest";
import { countedKind, countsPeople } from "../../src/lexicon/people";

describe("countedKind: does a noun count people, by WordNet", () => {
  it("counts kinds of person, whatever their name", () => {
    for (const noun of ["villagers", "passengers", "nurses", "pilgrims", "casualties", "Shiites", "children"]) {
      expect([noun, countedKind(noun)]).toEqual([noun, "people"]);
    }
  });
  it("counts the members of a collective noun written as itself, not groups counted in the plural", () => {
    for (const noun of ["crew", "police", "troops", "staff", "people", "dead", "wounded"]) expect([noun, countsPeople(noun)]).toEqual([noun, true]);
    for (const noun of ["families", "units", "companies", "villages"]) expect([noun, countsPeople(noun)]).toEqual([noun, false]);
  });
  it("tells dead bodies apart", () => {
    for (const noun of ["bodies", "corpses", "remains"]) expect([noun, countedKind(noun)]).toEqual([noun, "bodies"]);
  });
  it("counts no things: boats, bullets, rounds, buggies, years, bags", () => {
    for (const noun of ["boats", "bullets", "rounds", "buggies", "years", "bags", "houses"]) {
      expect([noun, countedKind(noun)]).toEqual([noun, "things"]);
    }
  });
  it("reads no named individual as a sense of a common noun ('burns' are no poet)", () => {
    expect(countsPeople("burns")).toBe(false);
  });
  it("leaves pronouns, missing nouns and unknown words to the clause", () => {
    for (const noun of ["others", null, "zorblaxians"]) expect(countedKind(noun)).toBe("unknown");
  });
  it("knows that lives counted are people", () => {
    expect(countsPeople("lives")).toBe(true);
  });
});
