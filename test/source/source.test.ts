import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine } from "../../src/engine/engine";
import type { SourceAnswer, SourceListAnswer } from "../../src/engine/answers";
import { loadCorpus } from "../../src/corpus/load";
import { SourceIndex, readingMinutes, type SourceReply } from "../../src/source/source";
import { makeArticle } from "./make-article";

const CORPUS = join(import.meta.dirname, "../../corpus");
const engine = Engine.fromCorpus(await loadCorpus(CORPUS));

function ok(reply: SourceReply): SourceAnswer {
  if ("error" in reply) throw new Error(reply.error);
  if ("articles" in reply) throw new Error("got the listing");
  return reply;
}

function error(reply: SourceReply): string {
  if (!("error" in reply)) throw new Error("expected an error");
  return reply.error;
}

// An invented article: a fire at a warehouse, with a heading and a long paragraph.
const FIRE = makeArticle({
  id: "007",
  title: "Warehouse fire in the docks",
  outlet: "Harbour Times",
  author: "A. Writer",
  date: "2022-05-01",
  paragraphs: [
    ["A fire destroyed a warehouse in the docks on Sunday night, killing two night guards.", "Firefighters fought the blaze for six hours."],
    ["The cause of the fire is not yet known, the fire service said in a statement on Monday."],
    "# What happens next",
    ["Investigators will examine the building once it is safe to enter.", "The owners said they would rebuild."],
    ["Neighbours described a loud explosion shortly before midnight.", "Several families left their homes as smoke spread across the area."],
    ["The killings of the guards have shocked the small community around the docks."],
  ],
});
const fire = new SourceIndex([FIRE]);

describe("/source ID on the seed corpus", () => {
  it("gives metadata, length, reading time and a 3-5 sentence summary of verbatim body sentences in article order", () => {
    for (const article of engine.articles) {
      const file = readFileSync(join(CORPUS, article.file), "utf8");
      const answer = ok(engine.source({ id: article.id }));
      expect(answer.article).toMatchObject({ id: article.id, title: article.meta.title, outlet: article.meta.outlet, author: article.meta.author, date: article.meta.date });
      expect(answer.words).toBe(article.wordCount);
      expect(answer.readingMinutes).toBe(readingMinutes(article.wordCount));
      expect(answer.summary.length).toBeGreaterThanOrEqual(Math.min(3, article.sentences.length));
      expect(answer.summary.length).toBeLessThanOrEqual(5);
      const body = article.paragraphs.filter((p) => !p.heading).flatMap((p) => p.sentences);
      const positions = answer.summary.map((text) => body.findIndex((s) => s.text === text));
      for (const [k, i] of positions.entries()) {
        expect(i, `summary sentence of ${article.id} is a body sentence: ${answer.summary[k]}`).toBeGreaterThanOrEqual(0);
        expect(file.slice(body[i]!.start, body[i]!.end)).toBe(answer.summary[k]);
      }
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it("quotes every page of every article verbatim from the file, page 1 starting with paragraph 1", () => {
    for (const article of engine.articles) {
      const file = readFileSync(join(CORPUS, article.file), "utf8");
      const first = ok(engine.source({ id: article.id }));
      expect(first.page).toBe(1);
      expect(first.passages[0]?.paragraph).toBe(1);
      const seen: number[] = [];
      for (let page = 1; page <= first.pageCount; page++) {
        const answer = ok(engine.source({ id: article.id, page: String(page) }));
        expect(answer.page).toBe(page);
        for (const p of answer.passages) {
          expect(p.quote).toBe(file.slice(p.start, p.end));
          seen.push(p.paragraph);
        }
      }
      // All paragraphs are shown across the pages, in order.
      expect([...new Set(seen)]).toEqual(article.paragraphs.map((p) => p.number));
    }
  });

  it("answers a page past the end with the valid range", () => {
    const { pageCount } = ok(engine.source({ id: "3" }));
    expect(error(engine.source({ id: "3", page: String(pageCount + 1) }))).toBe(`There is no page ${pageCount + 1} of article 003: it has pages 1 to ${pageCount}.`);
    expect(error(engine.source({ id: "3", page: "two" }))).toMatch(/^page takes a number/);
  });

  it("lists the articles when no id is given", () => {
    const list = engine.source({}) as SourceListAnswer;
    expect(list.articles.map((a) => a.id)).toEqual(engine.articles.map((a) => a.id));
    expect(list.articles[0]).toEqual({
      id: engine.articles[0]!.id,
      title: engine.articles[0]!.meta.title,
      outlet: engine.articles[0]!.meta.outlet,
      date: engine.articles[0]!.meta.date,
      words: engine.articles[0]!.wordCount,
    });
  });
});

describe("/source options", () => {
  it("summary shows the summary and no text", () => {
    const answer = ok(fire.answer({ id: "7", summary: "true" }));
    expect(answer.view).toBe("summary");
    expect(answer.passages).toEqual([]);
    expect(answer.summary.length).toBeGreaterThanOrEqual(3);
    expect(answer.summary).not.toContain("What happens next");
  });

  it("paragraph quotes one paragraph or a range, reversed ranges read forwards", () => {
    expect(ok(fire.answer({ id: "7", paragraph: "2" })).passages.map((p) => p.paragraph)).toEqual([2]);
    const range = ok(fire.answer({ id: "7", paragraph: "5-3" }));
    expect(range.paragraphs).toEqual({ from: 3, to: 5 });
    expect(range.passages.map((p) => [p.paragraph, p.heading])).toEqual([[3, true], [4, false], [5, false]]);
    expect(range.passages[0]!.quote).toBe("What happens next");
  });

  it("paragraph out of bounds names the valid range", () => {
    expect(error(fire.answer({ id: "7", paragraph: "9" }))).toBe("There is no paragraph 9: article 007 has paragraphs 1 to 6.");
    expect(error(fire.answer({ id: "7", paragraph: "5-8" }))).toBe("There is no paragraph 8: article 007 has paragraphs 1 to 6.");
    expect(error(fire.answer({ id: "7", paragraph: "0-2" }))).toBe("There is no paragraph 0: article 007 has paragraphs 1 to 6.");
    expect(error(fire.answer({ id: "7", paragraph: "first" }))).toMatch(/^paragraph takes a number or a range/);
  });

  it("find quotes the sentences with the words, matching other forms of them, highlighted", () => {
    const answer = ok(fire.answer({ id: "7", find: "killed guards" }));
    expect(answer.view).toBe("find");
    const quotes = answer.passages.map((p) => p.quote);
    expect(quotes).toEqual([
      "A fire destroyed a warehouse in the docks on Sunday night, killing two night guards.",
      "The killings of the guards have shocked the small community around the docks.",
    ]);
    const marked = answer.passages.map((p) => p.highlights.map((h) => p.quote.slice(h.start, h.end)));
    expect(marked).toEqual([["killing", "guards"], ["killings", "guards"]]);
    expect(answer.find).toMatchObject({ query: "killed guards", matches: 2 });
  });

  it("find with no hit says so and suggests /ask", () => {
    const reply = fire.answer({ id: "7", find: "volcano" });
    expect(error(reply)).toBe('No sentence of article 007 matches "volcano". To search every article, try /ask volcano');
    expect(fire.answer({ id: "7", find: "the and of" })).toMatchObject({ error: expect.stringMatching(/only common words/) });
  });
});
