import { describe, expect, it } from "vitest";
import { attributionOf } from "../../../src/compare/events/source";

describe("attributionOf: who the sentence says gave the figure", () => {
  it("reads the speaker before a reporting verb", () => {
    expect(attributionOf("At least 14 people were killed, police said.")).toBe("police");
    expect(attributionOf("Nine people died in the fire, a hospital official told reporters.")).toBe("a hospital official");
    const said = "Regional officials have said 30 villagers are missing.";
    expect(attributionOf(said, said.indexOf("30"))).toBe("Regional officials");
  });
  it("reads an inverted attribution and 'according to'", () => {
    expect(attributionOf('"Twenty bodies were found," said Ilse Varga, the mayor of Ostel.')).toBe("Ilse Varga");
    expect(attributionOf("According to the health ministry, 51 people were hurt.")).toBe("the health ministry");
  });
  it("takes the attribution nearest the figure when a sentence has two", () => {
    const s = "Police said 12 were killed on the bridge, while 40 more died in the market, the governor told a television station.";
    expect(attributionOf(s, s.indexOf("12"))).toBe("Police");
    expect(attributionOf(s, s.indexOf("40"))).toBe("the governor");
  });
  it("names no source for a pronoun or an unattributed sentence", () => {
    expect(attributionOf("He said 40 people died.")).toBeNull();
    expect(attributionOf("Forty people died when the roof fell.")).toBeNull();
  });
  it("reads a long sentence of blanks and repeated verbs in linear time", () => {
    const hostile = `${"said ".repeat(4000)}${" ".repeat(40_000)}police said 3 died.`;
    expect(attributionOf(hostile, hostile.length - 8)).toBe("police");
  });
});

describe("attributionOf: who puts a toll at a figure", () => {
  it("reads the subject of 'put the death toll at'", () => {
    const put = "But state radio on Friday put the death toll at 57.";
    expect(attributionOf(put, put.indexOf("57"))).toBe("state radio");
  });
});

describe("attributionOf: a speaker is a source only of what its verb reports", () => {
  const of = (s: string, figure: string) => attributionOf(s, s.indexOf(figure));
  it("gives no source for a figure outside the reporting verb's clause", () => {
    const s = "The rebel council claims to have won back the valley, but in May it staged an ambush near Ostel that killed over 40 guards.";
    expect(of(s, "over 40")).toBeNull();
    const t = "Over 60 people died in the siege of the depot, while the ministry says nine gunmen have been detained.";
    expect(of(t, "Over 60")).toBeNull();
  });
  it("reads a claim of the deed as no report of its toll", () => {
    expect(of("The Dravik Front claimed responsibility for the blast at the market, which killed 31 shoppers.", "31")).toBeNull();
    expect(of("The Dravik Front claimed a deadly twin-bombing in Ostel that killed 31 shoppers.", "31")).toBeNull();
    expect(of("Over 60 people died in the siege of the depot, which the Dravik Front has claimed.", "Over 60")).toBeNull();
    expect(of("The Dravik Front claimed credit for the ambush, killing 12 guards.", "12")).toBeNull();
  });
  it("still reads a report of deaths ('reported the deaths of') and an aside set off by commas", () => {
    expect(of("Hospital officials reported the deaths of 12 patients.", "12")).toBe("Hospital officials");
    expect(of("Police said the bombing was planned for weeks and killed 14 shoppers.", "14")).toBe("Police");
    expect(of("Over 60 people died in the siege, the ministry said on Friday.", "Over 60")).toBe("the ministry");
    // Reporting a happening is a report; only claiming one is claiming the deed.
    expect(of("Police reported a crash on the coast road that killed 5 drivers.", "5")).toBe("Police");
  });
  it("takes the whole subject, not a place inside it, as the speaker", () => {
    expect(of("Officials in the northern province said 30 villagers drowned.", "30")).toBe("Officials in the northern province");
    expect(of("Militants in Norland claimed responsibility for the bombing, killing 20 people.", "20")).toBeNull();
    expect(of("Militants in Norland said they had killed 20 soldiers.", "20")).toBe("Militants in Norland");
  });
});
