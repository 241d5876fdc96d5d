import { describe, expect, it } from "vitest";
import { installedWordNetDir, parseDataLine, parseIndexFile, POINTER, WordNet, wordNet } from "../../src/lexicon/wordnet.js";

describe("WordNet file formats", () => {
  it("reads an index line's synset offsets after its pointer symbols", () => {
    const index = parseIndexFile("  1 licence header\nfire_engine n 2 2 @ ~ 2 0 00012345 00067890  \n");
    expect(index.get("fire engine")).toEqual([12345, 67890]);
  });

  it("reads a data line's lexicographer file, words, pointers and gloss", () => {
    const line = "00012345 18 n 02 medic 0 corpsman 0 002 @ 00007846 n 0000 + 00054321 v 0101 | a person trained in first aid";
    const synset = parseDataLine(line, "n");
    expect(synset.lexname).toBe("noun.person");
    expect(synset.words).toEqual(["medic", "corpsman"]);
    expect(synset.pointers).toEqual([
      { symbol: "@", offset: 7846, pos: "n", source: 0, target: 0 },
      { symbol: "+", offset: 54321, pos: "v", source: 1, target: 1 },
    ]);
    expect(synset.gloss).toBe("a person trained in first aid");
  });
});

describe("WordNet lookups on the installed database", () => {
  const wn = wordNet();
  const person = wn.lookup("person", "n")[0]!;

  it("finds base forms of regular and common irregular plurals", () => {
    expect(wn.lemmas("villagers", "n")).toContain("villager");
    expect(wn.lemmas("lives", "n")).toContain("life");
    expect(wn.lemmas("children", "n")).toContain("child");
    expect(wn.lemmas("killed", "v")).toContain("kill");
  });

  it("tells a kind of person from a thing by its hypernyms", () => {
    expect(wn.lookup("passengers", "n").some((s) => wn.isA(s, person))).toBe(true);
    expect(wn.lookup("boats", "n").some((s) => wn.isA(s, person))).toBe(false);
  });

  it("reads only a word's first senses when asked for a few, in the order of all of them, and counts them without reading", () => {
    const all = wn.lookup("heads", "n");
    expect(all.length).toBeGreaterThan(3);
    expect(wn.lookup("heads", "n", 2)).toEqual(all.slice(0, 2));
    expect(wn.senseCount("heads", "n")).toBe(all.length);
    expect(wn.senseCount("qwzx", "n")).toBe(0);
  });

  it("reads each synset's own line through its reused read buffer: nothing of a longer line read before", () => {
    const fresh = new WordNet(installedWordNetDir());
    const [long, short] = [wn.lookup("head", "n")[0]!, wn.lookup("ferry", "n")[0]!];
    expect(long.gloss.length).toBeGreaterThan(short.gloss.length);
    expect(fresh.synset(long.offset, "n")).toEqual(long);
    const read = fresh.synset(short.offset, "n");
    expect(read.words).toContain("ferry");
    expect(read).toEqual(short);
    fresh.close();
  });

  it("follows derivations and pertainyms", () => {
    const terrorist = wn.lookup("terrorist", "n")[0]!;
    expect(wn.related(terrorist, POINTER.derivation).flatMap((s) => s.words)).toContain("terrorism");
    const chinese = wn.lookup("chinese", "a");
    expect(chinese.flatMap((s) => wn.related(s, POINTER.pertainym)).flatMap((s) => s.words)).toContain("china");
  });

  it("names the word a word's own pointer leads to, and none for a pointer between whole synsets", () => {
    const explode = wn.lookup("explode", "v").find((s) => wn.pointed(s, "explode", [POINTER.derivation]).length > 0)!;
    const derived = wn.pointed(explode, "explode", [POINTER.derivation]);
    expect(derived.map((t) => t.word)).toContain("explosion");
    const hypernyms = wn.pointed(person, "person", [POINTER.hypernym]);
    expect(hypernyms.length).toBeGreaterThan(0);
    expect(hypernyms.every((t) => t.word === undefined)).toBe(true);
  });
});
