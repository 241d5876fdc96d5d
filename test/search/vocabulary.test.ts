import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boundedEditDistance, checkVocabulary, countVocabulary, Vocabulary } from "../../src/search/vocabulary";
import { makeArticle } from "../source/make-article";
import { stem } from "../../src/text/analyze";

const articles = [
  makeArticle({
    id: "001",
    title: "Floods reach the Tarrask valley",
    paragraphs: [
      ["Water began to rise in Tarrask on Monday.", "The mayor of Tarrask claimed the levees held."],
      ["Officials claimed victory, then claims of failure came.", "Rescuers were claiming boats in Tarrask's harbour."],
      ["The tars of the old roofs melted.", "Floods covered the tars and the fields in 2024."],
    ],
  }),
  makeArticle({ id: "002", title: "Floods reach the Tarrask valley", paragraphs: [["Tarrask counted its boats after the floods."]] }),
  makeArticle({ id: "003", title: "Mayor thanks the rescuers", paragraphs: [["The mayor thanked rescuers in Tarrask."]] }),
];

const vocabulary = new Vocabulary(countVocabulary(articles), articles);

describe("the corpus vocabulary", () => {
  it("counts words as the articles write them: the most frequent written form, no stop words, digits or short words", () => {
    const { words, counts, forms } = vocabulary.data;
    const at = (w: string) => words.indexOf(w);
    expect(forms[at("tarrask")]).toBe("Tarrask");
    expect(counts[at("tarrask")]).toBe(5);
    expect(forms[at("floods")]).toBe("Floods");
    expect(words).not.toContain("the");
    expect(words).not.toContain("2024");
    expect(words).not.toContain("on");
    expect([...words].sort()).toEqual(words);
  });

  it("tells how often a word is written, 0 for a word it never writes", () => {
    expect(vocabulary.count("tarrask")).toBe(5);
    expect(vocabulary.count("tarras")).toBe(0);
    expect(vocabulary.count("the")).toBe(0);
  });

  it("completes a prefix with one word per stem, in its most frequent form, most frequent stems first", () => {
    expect(vocabulary.complete("cla", 8)).toEqual(["claimed"]);
    expect(vocabulary.complete("r", 8)).toEqual(["rescuers", "rise", "roofs"]);
    expect(vocabulary.complete("zz", 8)).toEqual([]);
  });

  it("lists each headline once, in corpus order", () => {
    expect(vocabulary.headlines.map((h) => h.title)).toEqual(["Floods reach the Tarrask valley", "Mayor thanks the rescuers"]);
    expect(vocabulary.headlines[1]!.lower).toBe("mayor thanks the rescuers");
  });

  it("offers names spelled like a missing name, as written, and only names", () => {
    expect(vocabulary.spelledLike("Tarsk", 3, true)).toEqual(["Tarrask"]);
    // "tars" is one letter from "tarsk" but is not a name.
    expect(vocabulary.spelledLike("Tarsk", 3, true)).not.toContain("tars");
    expect(vocabulary.spelledLike("tarsk", 3)).toEqual(["tars"]);
  });

  it("never offers an unrelated word for a name, nor the word itself", () => {
    expect(vocabulary.spelledLike("Beslan", 3, true)).toEqual([]);
    expect(vocabulary.spelledLike("beslan", 3, true)).toEqual([]);
    expect(vocabulary.spelledLike("Tarrask", 3, true)).toEqual([]);
    expect(vocabulary.spelledLike("claimed", 3)).not.toContain("claimed");
  });

  it("survives the cache: the saved data restores the same vocabulary, and other data is refused", () => {
    const restored = new Vocabulary(checkVocabulary(JSON.parse(JSON.stringify(vocabulary.data))), articles);
    expect(restored.spelledLike("Tarsk", 3, true)).toEqual(["Tarrask"]);
    expect(() => checkVocabulary({ words: ["a"], counts: [] })).toThrow();
  });
});

/** Plain Levenshtein distance, all cells. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
    row = next;
  }
  return row[b.length]!;
}

describe("spelling suggestions", () => {
  it("offer exactly the words within the edit limit, one per stem", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "r", "s", "t", "é"), minLength: 4, maxLength: 9 });
    const letter = fc.constantFrom("a", "b", "r", "s", "t", "é");
    // Words one or two edits from the target, so that near spellings are common.
    const edit = fc.record({ kind: fc.constantFrom("substitute", "insert", "delete"), at: fc.nat(), letter });
    const edited = (target: string, edits: { kind: string; at: number; letter: string }[]) =>
      edits.reduce((w, { kind, at, letter }) => {
        const i = at % (w.length + 1);
        return kind === "insert" ? w.slice(0, i) + letter + w.slice(i) : w.slice(0, i) + (kind === "substitute" ? letter : "") + w.slice(i + 1);
      }, target);
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 30 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { maxLength: 30 }), (target, others, edits) => {
        const words = [...others, ...edits.map((e) => edited(target, e))].filter((w) => w.length >= 3);
        const articles = [makeArticle({ id: "001", paragraphs: [[`${words.join(" ")}.`]] })];
        const v = new Vocabulary(countVocabulary(articles), articles);
        const limit = target.length >= 8 ? 2 : 1;
        const close = v.data.words.filter((w) => w !== target && levenshtein(w, target) <= limit);
        const got = v.spelledLike(target, 1000);
        expect(got.every((w) => close.includes(w))).toBe(true);
        expect(got.length).toBe(new Set(close.map(stem)).size - (close.some((w) => stem(w) === stem(target)) ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe("bounded edit distance", () => {
  it("is the edit distance when within the limit, and limit + 1 beyond it", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        expect(boundedEditDistance(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
