import { describe, expect, it } from "vitest";
import MiniSearch from "minisearch";
import { TermStats } from "../../src/search/stats";

describe("TermStats", () => {
  // Guards the one place that reads MiniSearch's internal term index: a change of its layout fails here.
  const index = new MiniSearch<{ id: number; text: string; other: string }>({ fields: ["text", "other"] });
  index.addAll([
    { id: 1, text: "flood flood town", other: "river" },
    { id: 2, text: "flood bridge", other: "flood" },
    { id: 3, text: "bridge council", other: "" },
  ]);
  const stats = new TermStats(index, "text");

  it("counts the documents holding a term in one field", () => {
    expect(stats.documentFrequency("flood")).toBe(2);
    expect(stats.documentFrequency("council")).toBe(1);
    expect(stats.documentFrequency("river")).toBe(0);
    expect(new TermStats(index, "other").documentFrequency("river")).toBe(1);
  });

  it("gives rarer terms a higher idf", () => {
    expect(stats.idf("council")).toBeGreaterThan(stats.idf("flood"));
    expect(stats.idf("absent")).toBeGreaterThan(stats.idf("council"));
  });

  it("keeps reading the index after a round trip through JSON", () => {
    const loaded = MiniSearch.loadJSON(JSON.stringify(index), { fields: ["text", "other"] });
    expect(new TermStats(loaded, "text").documentFrequency("flood")).toBe(2);
  });

  it("tells whether a document holds a term, by the document's own id", () => {
    expect(stats.has(2, "bridge")).toBe(true);
    expect(stats.has(1, "bridge")).toBe(false);
    expect(stats.has(99, "flood")).toBe(false);
    expect(stats.documentCount).toBe(3);
  });

  it("refuses a field the index does not have", () => {
    expect(() => new TermStats(index, "nope")).toThrow(/no field nope/);
  });
});

describe("TermStats on a common term", () => {
  // 1 500 documents, "flood" in every third one and "river" in all but every seventh: both large postings.
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
  index.addAll(Array.from({ length: 1500 }, (_, id) => ({ id, text: `${id % 3 === 0 ? "flood" : "calm"} ${id % 7 ? "river" : "lake"}` })));
  const stats = new TermStats(index, "text");

  it("answers membership, size and iteration as the index's own postings do", () => {
    for (const term of ["flood", "river", "calm"]) {
      const postings = stats.postings(term)!;
      const own = (index as unknown as { _index: { get(t: string): Map<number, Map<number, number>> } })._index.get(term).get(0)!;
      expect(postings.size).toBe(own.size);
      expect([...postings.keys()]).toEqual([...own.keys()]);
      expect([...postings]).toEqual([...own]);
      // More lookups than postings: the first ones read the map, the later ones the bit set built then.
      for (let shortId = -2; shortId < 1510; shortId++) expect(postings.has(shortId)).toBe(own.has(shortId));
      for (let shortId = 1509; shortId >= -2; shortId--) expect(postings.has(shortId)).toBe(own.has(shortId));
    }
    expect(stats.documentFrequency("flood")).toBe(500);
  });

  it("converts document ids and internal numbers both ways, and knows no other id", () => {
    for (const id of [0, 1, 777, 1499]) expect(stats.documentIdOf(stats.shortIdOf(id)!)).toBe(id);
    for (const id of [1500, -1, 2.5, "7", undefined]) expect(stats.shortIdOf(id)).toBeUndefined();
    expect(stats.documentIdOf(1500)).toBeUndefined();
  });
});
