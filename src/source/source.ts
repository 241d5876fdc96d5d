/**
 * `/source`: one article — its metadata, an extractive summary, its text page by page, a paragraph
 * range, or the sentences matching some words — or, with no id, the list of articles. Every quote is
 * `article.raw.slice(start, end)`.
 */
import type { Article, Sentence } from "../corpus/types";
import type { ErrorAnswer, SourceAnswer, SourceArticle, SourceListAnswer, SourcePassage } from "../engine/answers";
import { summarize } from "./summary";
import { packPages, paragraphPages, textPages, type Piece } from "./pages";
import { ArticleResolver } from "./resolve";
import { ChoiceIndex, type Choice } from "./choices";
import { findInArticle, type Found } from "./find";
import { COMMAND_OPTIONS } from "../engine/request";

/** Average adult silent reading speed, for "≈ N min read". */
export const WORDS_PER_MINUTE = 230;

export type SourceReply = SourceAnswer | SourceListAnswer | ErrorAnswer;

/** Option values as typed: `id`, `page`, `paragraph`, `find`, `summary`. */
export type SourceOptions = Partial<Record<"id" | "page" | "paragraph" | "find" | "summary", string>>;

type View = Pick<SourceAnswer, "view" | "paragraphs" | "find"> & { pages: (Piece | Found)[][] };

/** Built once per corpus; summaries and pages are computed on first use of each article and kept. */
export class SourceIndex {
  private readonly resolver: ArticleResolver;
  private readonly choiceIndex: ChoiceIndex;
  private readonly summaries = new Map<Article, Sentence[]>();
  private readonly pages = new Map<Article, Piece[][]>();

  constructor(private readonly articles: readonly Article[]) {
    this.resolver = new ArticleResolver(articles);
    this.choiceIndex = new ChoiceIndex(articles, this.resolver.titles);
  }

  answer(options: SourceOptions): SourceReply {
    const id = options.id?.trim() ?? "";
    if (!id) return this.list();
    const resolved = this.resolver.resolve(id);
    if ("error" in resolved) return { command: "source", ...(unknownOption(id) ?? resolved) };
    const article = resolved.article;
    const view = this.view(article, options);
    if ("error" in view) return view;
    const pageCount = view.pages.length;
    const page = view.view === "summary" ? 0 : parsePage(options.page, pageCount, article);
    if (typeof page === "string") return { command: "source", error: page };
    return {
      command: "source",
      view: view.view,
      article: articleInfo(article),
      words: article.wordCount,
      readingMinutes: readingMinutes(article.wordCount),
      paragraphCount: article.paragraphs.length,
      summary: this.summary(article).map((s) => article.raw.slice(s.start, s.end)),
      passages: (view.pages[page - 1] ?? []).map((p) => toPassage(article, p)),
      page,
      pageCount,
      ...(view.paragraphs ? { paragraphs: view.paragraphs } : {}),
      ...(view.find ? { find: view.find } : {}),
    };
  }

  /** The summary sentences of an article: 3 to 5 body sentences (never headings), in article order. */
  summary(article: Article): Sentence[] {
    let chosen = this.summaries.get(article);
    if (!chosen) {
      const body = article.paragraphs.filter((p) => !p.heading).flatMap((p) => p.sentences);
      chosen = summarize(body.map((s) => s.text)).map((i) => body[i]!);
      this.summaries.set(article, chosen);
    }
    return chosen;
  }

  /** The article's whole text as pages. */
  textPages(article: Article): Piece[][] {
    let pages = this.pages.get(article);
    if (!pages) {
      pages = textPages(article);
      this.pages.set(article, pages);
    }
    return pages;
  }

  choices(typed: string): Choice[] {
    return this.choiceIndex.choices(typed);
  }

  private list(): SourceListAnswer {
    return {
      command: "source",
      articles: this.articles.map((a) => ({ id: a.id, title: a.meta.title, outlet: a.meta.outlet, date: a.meta.date, words: a.wordCount })),
    };
  }

  /** Summary, then find, then paragraphs, then the text: the first option given decides what is shown. */
  private view(article: Article, options: SourceOptions): View | ErrorAnswer {
    if (isOn(options.summary)) return { view: "summary", pages: [] };
    if (options.find !== undefined) return this.findView(article, options.find.trim());
    if (options.paragraph !== undefined) return paragraphView(article, options.paragraph.trim());
    return { view: "text", pages: this.textPages(article) };
  }

  private findView(article: Article, query: string): View | ErrorAnswer {
    if (!query) return { command: "source", error: `Say what to find in article ${article.id}, for example: /source ${article.id} find:police` };
    const { searchedTerms, found } = findInArticle(article, query);
    if (searchedTerms.length === 0) {
      return { command: "source", error: `"${query}" has only common words; give the words to find in article ${article.id}.` };
    }
    if (found.length === 0) {
      return {
        command: "source",
        error: `No sentence of article ${article.id} matches "${query}". To search every article, try /ask ${query}`,
        suggestions: [`/ask ${query}`],
      };
    }
    return { view: "find", pages: packPages(found), find: { query, searchedTerms, matches: found.length } };
  }
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

function articleInfo(a: Article): SourceArticle {
  const { title, outlet, author, date, time, place, url } = a.meta;
  return { id: a.id, title, outlet, author, date, time, place, url, file: a.file };
}

function toPassage(article: Article, p: Piece | Found): SourcePassage {
  const highlights = "highlights" in p ? p.highlights : [];
  return { paragraph: p.paragraph, quote: article.raw.slice(p.start, p.end), start: p.start, end: p.end, heading: p.heading, highlights };
}

/** "7", "7-9", "7–9", "7 to 9"; a reversed range is read forwards. */
function paragraphView(article: Article, typed: string): View | ErrorAnswer {
  const count = article.paragraphs.length;
  const valid = `article ${article.id} has paragraphs 1 to ${count}`;
  const m = /^(\d+)(?:\s*(?:-|–|—|to|\.\.)\s*(\d+))?$/i.exec(typed);
  if (!m) return { command: "source", error: `paragraph takes a number or a range like 2-4; ${valid}.` };
  const a = Number.parseInt(m[1]!, 10);
  const b = m[2] === undefined ? a : Number.parseInt(m[2], 10);
  const [from, to] = a <= b ? [a, b] : [b, a];
  if (from < 1 || to > count) {
    const missing = from < 1 ? from : to;
    return { command: "source", error: `There is no paragraph ${missing}: ${valid}.` };
  }
  return { view: "paragraphs", pages: paragraphPages(article.paragraphs.slice(from - 1, to)), paragraphs: { from, to } };
}

/** The 1-based page asked for (1 when not given), or an error message naming the valid pages. */
function parsePage(typed: string | undefined, count: number, article: Article): number | string {
  if (typed === undefined || typed.trim() === "") return 1;
  const valid = count === 1 ? "it has 1 page" : `it has pages 1 to ${count}`;
  if (!/^\d+$/.test(typed.trim())) return `page takes a number; for article ${article.id} ${valid}.`;
  const page = Number.parseInt(typed, 10);
  if (page < 1 || page > count) return `There is no page ${page} of article ${article.id}: ${valid}.`;
  return page;
}

/** A flag option: given with no value or any value but false/no/off/0. */
function isOn(value: string | undefined): boolean {
  return value !== undefined && !/^(false|no|off|0)$/i.test(value.trim());
}

/**
 * "name:value" in what was typed as the id, with a name /source does not take ("/source 3 foo:bar"):
 * the user meant an option, so the error names it rather than looking for an article titled so.
 */
function unknownOption(typed: string): { error: string; suggestions: string[] } | undefined {
  const names = COMMAND_OPTIONS.source.named;
  const name = /(?:^|\s)([\p{L}_-]+):\S/u.exec(typed)?.[1];
  if (!name || names.includes(name.toLowerCase())) return undefined;
  return { error: `Unknown option ${name}: /source takes ${names.join(", ")}.`, suggestions: [] };
}
