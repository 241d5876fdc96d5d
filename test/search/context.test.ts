import { describe, expect, it } from "vitest";
import { articleFromBytes } from "../../src/corpus/load";
import type { Article } from "../../src/corpus/types";
import { buildIndex } from "../../src/search/index";
import { buildPassages, passageText } from "../../src/search/passages";
import { TermStats } from "../../src/search/stats";
import { heldByAny, PassageContext } from "../../src/search/context";
import { articleText } from "../support/corpus";

function article(id: string, title: string, paragraphs: string[]): Article {
  const a = articleFromBytes(id, `${id}.txt`, Buffer.from(articleText(title, paragraphs)));
  if (typeof a === "string") throw new Error(a);
  return a;
}

const articles = [
  article("001", "Bridge closed in Tarsk", [
    "The Ostel bridge was closed on Monday by order of the council in Tarsk.",
    "Engineers found deep cracks in two of its stone pillars during a survey.",
    "The mayor of Tarsk said repairs would take at least six months to finish.",
    "Ferries will carry the commuters across the river until the work is done.",
    "He added that the council would pay for the extra ferry crossings itself.",
    "A second survey of the old harbour wall is planned for next spring.",
  ]),
  article("002", "Harvest festival in Norland", ["The harvest festival in Norland drew large crowds of visitors this weekend."]),
];
const passages = buildPassages(articles);
const stats = new TermStats(buildIndex(passages), "text");
const context = new PassageContext(passages, stats);
const passageSaying = (words: string) => passages.find((p) => passageText(p).includes(words))!;
const holds = (ids: readonly number[], term: string) => heldByAny(stats.postings(term), ids);

describe("a passage's context", () => {
  it("holds the three sentences before it, the one after it and its headline", () => {
    const p = passageSaying("He added");
    const around = context.around(p);
    for (const term of ["engin", "mayor", "ferri", "survey", "harbour", "bridg"]) expect(holds(around, term), term).toBe(true);
    // Four sentences back is out of reach, and the passage's own words are not its context.
    expect(holds(around, "council")).toBe(false);
    expect(holds(around, "pay")).toBe(false);
  });

  it("before a pronoun, reaches back three sentences and not to the headline", () => {
    const before = context.before(passageSaying("He added"));
    expect(holds(before, "mayor")).toBe(true);
    expect(holds(before, "harbour")).toBe(false);
    expect(holds(before, "bridg")).toBe(false);
  });

  it("stays inside its own article", () => {
    const first = context.around(passageSaying("harvest festival in Norland drew"));
    expect(holds(first, "survey")).toBe(false);
    expect(holds(first, "festiv")).toBe(true); // its own headline
  });

  it("reads a title from its text when the title is not a passage", () => {
    const untitled = { ...articles[1]!, meta: { ...articles[1]!.meta, title: "Crowds at the Norland fair" } };
    const [p] = buildPassages([untitled]).filter((q) => q.paragraph > 0);
    const alone = new PassageContext([{ ...p!, id: 0 }], stats);
    expect(alone.title({ ...p!, id: 0 })?.has("fair")).toBe(true);
    expect(context.title(passageSaying("He added"))).toBeNull();
  });
});
