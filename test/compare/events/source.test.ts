import { describe, expect, it } from "vitest";
import { attributionOf } from "../../../src/compare/events/source";

describe("attributionOf: who the sentence says gave the figure", () => {
  it("reads the speaker before a reporting verb", () => {
    expect(attributionOf("At least 14 people were killed, police said.")).toBe("police");
    expect(attributionOf("Nine people died in the fire, a hospital official told reporters.")).toBe("a hospital official");
    expect(attributionOf("Regional officials have said 30 villagers are missing.")).toBe("Regional officials");
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
    expect(attributionOf("But state radio on Friday put the death toll at 57.")).toBe("state radio");
  });
});
