import { describe, expect, it } from "vitest";
import fc from "fast-check";
import MiniSearch from "minisearch";
import { INDEX_OPTIONS, type PassageDoc } from "../../src/search/index";
import { Retriever, type RetrievalOptions } from "../../src/search/retrieval";

// Words that share stems, prefixes and near spellings, so that exact, prefix and typo matches mix.
const WORDS = ["flood", "floods", "flooded", "floodwater", "blood", "food", "rescue", "rescuers", "rescued", "rescind", "harbour", "harbor", "harbours", "mayor", "major", "claim", "claimed", "clam", "storm", "stork", "store"];

/** A seeded index of short passages drawn from WORDS (some repeated, so several passages tie). */
function indexOf(seed: number, count: number): MiniSearch<PassageDoc> {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const index = new MiniSearch<PassageDoc>(INDEX_OPTIONS);
  const docs = Array.from({ length: count }, (_, id) => ({
    id,
    text: Array.from({ length: 1 + Math.floor(next() * 8) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ") + ".",
  }));
  index.addAll(docs);
  return index;
}

const terms = fc.constantFrom("flood", "rescu", "harbour", "mayor", "claim", "storm", "stor", "blod", "rescuer", "zebra", "floodwat");

describe("retrieval: MiniSearch's OR search, best results only", () => {
  it("gives MiniSearch's results, scores and order, cut at the depth, and every query term that matched", () => {
    const indexes = [indexOf(1, 60), indexOf(7, 300), indexOf(11, 5)];
    const retrievers = indexes.map((index) => new Retriever(index, "text"));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: indexes.length - 1 }),
        fc.uniqueArray(terms, { minLength: 1, maxLength: 4 }),
        fc.subarray(["flood", "rescu", "harbour", "mayor", "claim", "storm", "stor", "blod", "rescuer", "zebra", "floodwat"]),
        fc.subarray(["rescu", "harbour", "claim", "stor", "flood"]),
        fc.integer({ min: 1, max: 400 }),
        (which, queries, fuzzyTerms, prefixTerms, depth) => {
          const options: RetrievalOptions = {
            fuzzy: (t) => (fuzzyTerms.includes(t) ? 0.2 : false),
            prefix: (t) => prefixTerms.includes(t),
            maxFuzzy: 2,
            boostTerm: (t) => 1 + (t.length % 3) * 0.25,
          };
          const expected = indexes[which]!.search({ combineWith: "OR", queries }, { ...options, tokenize: (s) => [s], processTerm: (t) => t });
          const got = retrievers[which]!.search(queries, options, depth);
          // MiniSearch's result without its match map; the matched terms compared as sets.
          const shape = (r: { id: unknown; score: number; terms: string[]; queryTerms: string[] }) => ({ ...r, terms: [...r.terms].sort() });
          expect(got.results.map(shape)).toEqual(expected.slice(0, depth).map(({ id, score, terms, queryTerms }) => shape({ id, score, terms, queryTerms })));
          expect(got.queryTerms).toEqual(new Set(expected.flatMap((r) => r.queryTerms)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("answers the same on a second search (its scratch space is reused)", () => {
    const index = indexOf(3, 200);
    const retriever = new Retriever(index, "text");
    const options: RetrievalOptions = { fuzzy: () => 0.2, prefix: () => true, maxFuzzy: 2, boostTerm: () => 1 };
    const first = retriever.search(["flood", "claim"], options, 50);
    retriever.search(["storm", "flood"], options, 10);
    expect(retriever.search(["flood", "claim"], options, 50)).toEqual(first);
    expect(first.results.length).toBe(50);
  });
});
