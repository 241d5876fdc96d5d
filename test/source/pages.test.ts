import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../../src/corpus/load";
import type { Article } from "../../src/corpus/types";
import { PAGE_CHARS, packPages, textPages, type Piece } from "../../src/source/pages";
import { makeArticle } from "./make-article";

/** Discord's limit on an embed description. */
const EMBED_DESCRIPTION_MAX = 4096;
const CORPUS = join(import.meta.dirname, "../../corpus");

/** Every sentence start and end offset of the article. */
function boundaries(article: Article): { starts: Set<number>; ends: Set<number> } {
  return { starts: new Set(article.sentences.map((s) => s.start)), ends: new Set(article.sentences.map((s) => s.end)) };
}

function sentencesCovered(article: Article, pages: Piece[][]): number[] {
  return pages.flat().flatMap((p) => article.sentences.filter((s) => s.start >= p.start && s.end <= p.end).map((s) => s.index));
}

function checkPages(article: Article, pages: Piece[][], budget = PAGE_CHARS): void {
  const { starts, ends } = boundaries(article);
  for (const page of pages) {
    expect(page.length).toBeGreaterThan(0);
    for (const piece of page) {
      // A page never starts or ends inside a sentence.
      expect(starts.has(piece.start)).toBe(true);
      expect(ends.has(piece.end)).toBe(true);
    }
    const chars = page.reduce((n, p) => n + p.end - p.start, 0);
    const oneSentence = page.length === 1 && article.sentences.some((s) => s.start === page[0]!.start && s.end === page[0]!.end);
    if (!oneSentence) expect(chars).toBeLessThanOrEqual(budget);
  }
  // Every sentence appears exactly once, in order.
  expect(sentencesCovered(article, pages)).toEqual(article.sentences.map((s) => s.index));
}

describe("textPages", () => {
  it("keeps a page of text well inside one Discord embed description", () => {
    expect(PAGE_CHARS).toBeGreaterThan(1000);
    expect(PAGE_CHARS * 1.5).toBeLessThan(EMBED_DESCRIPTION_MAX);
  });

  it("breaks between paragraphs, keeping short paragraphs whole", () => {
    const para = ["Word ".repeat(50).trim() + "."]; // 250 characters
    const article = makeArticle({ id: "001", paragraphs: Array.from({ length: 10 }, () => para) });
    const pages = textPages(article, 600);
    checkPages(article, pages, 600);
    expect(pages.map((p) => p.map((x) => x.paragraph))).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
  });

  it("breaks a paragraph longer than a page between its sentences", () => {
    const sentence = "This sentence is forty characters long.."; // 40 characters
    const long = Array.from({ length: 12 }, () => sentence);
    const article = makeArticle({ id: "002", paragraphs: [["A short opening paragraph."], long, ["A closing one."]] });
    const pages = textPages(article, 200);
    checkPages(article, pages, 200);
    expect(pages.length).toBeGreaterThan(2);
    // Paragraph 2 spans several pages, each piece a run of whole sentences.
    expect(pages.filter((p) => p.some((x) => x.paragraph === 2)).length).toBeGreaterThan(1);
  });

  it("gives a sentence longer than a page a page of its own rather than cutting it", () => {
    const huge = `${"long ".repeat(100).trim()}.`;
    const article = makeArticle({ id: "003", paragraphs: [["Before."], [huge, "After it."]] });
    const pages = textPages(article, 100);
    checkPages(article, pages, 100);
    expect(pages.some((p) => p.length === 1 && article.raw.slice(p[0]!.start, p[0]!.end) === huge)).toBe(true);
  });

  it("never splits a sentence in any seed article, and every piece is verbatim text of the file", async () => {
    const corpus = await loadCorpus(CORPUS);
    expect(corpus.articles.length).toBeGreaterThan(0);
    for (const article of corpus.articles) {
      const file = readFileSync(join(CORPUS, article.file), "utf8");
      const pages = textPages(article);
      checkPages(article, pages);
      for (const piece of pages.flat()) expect(file.slice(piece.start, piece.end)).toBe(article.raw.slice(piece.start, piece.end));
    }
  });
});

describe("packPages", () => {
  it("keeps pieces separate unless asked to merge, and starts a new page when one is full", () => {
    const pieces: Piece[] = [0, 1, 2].map((i) => ({ paragraph: 1, start: i * 50, end: i * 50 + 40, heading: false }));
    expect(packPages(pieces, 100).map((p) => p.length)).toEqual([2, 1]);
    expect(packPages(pieces, 100, true)).toEqual([[{ paragraph: 1, start: 0, end: 90, heading: false }], [pieces[2]]]);
  });
});
