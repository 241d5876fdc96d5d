/**
 * The answers the engine gives, as plain data. Every renderer (console text, CLI JSON, Discord embeds)
 * draws from these objects and nothing else, so the three always say the same thing.
 */

/** Where a quote comes from, as shown beside it. */
export interface Attribution {
  articleId: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  /** Paragraph number within the article, from 1; 0 for the headline (an /ask quote may be the headline). */
  paragraph: number;
  /** The article's http(s) address, when the catalog or the page gives one. */
  url?: string | null;
}

/** A character range to highlight, relative to the quote it belongs to. */
export interface Highlight {
  start: number;
  end: number;
}

/** A verbatim slice of an article (`raw.slice(start, end)`), with where it is. */
export interface Quote extends Attribution {
  quote: string;
  /** Offsets of the quote in the article's file. */
  start: number;
  end: number;
  highlights: Highlight[];
}

export interface AskResult extends Quote {
  score: number;
}

export interface AskAnswer {
  command: "ask";
  query: string;
  results: AskResult[];
  /** When nothing matched: what the user could try instead. */
  suggestions: string[];
  /** When the articles cannot answer, why, plainly: "No article mentions Beslan." */
  notFound?: string;
  /** Words of the question that were searched for (after stop words), for "no match for ..." notes. */
  searchedTerms: string[];
}

/** An answer that could not be given, and what to do about it. */
export interface ErrorAnswer {
  command: string;
  error: string;
  /** Alternatives to offer (closest ids, topics, …), when there are some. */
  suggestions?: string[];
}

export interface HelpAnswer {
  command: "help";
  commands: { usage: string; description: string }[];
}

/** An article as `/source` presents it. */
export interface SourceArticle {
  id: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
  /** Time of day as stated ("16:47 UTC"). */
  time: string | null;
  /** The dateline's place ("TARSK, Norland"). */
  place: string | null;
  /** An http(s) address of the article, when the catalog or the page gives one. */
  url: string | null;
  /** The file in the corpus folder, for scripts (JSON); never shown to users. */
  file: string;
}

/** A verbatim piece of the article: a paragraph, part of one (whole sentences), or a sentence. */
export interface SourcePassage {
  paragraph: number;
  quote: string;
  /** Offsets of the quote in the article's file. */
  start: number;
  end: number;
  /** A subheading of the article rather than prose. */
  heading: boolean;
  highlights: Highlight[];
}

/** `/source ID`: what the text shows (`view`) and the page of it. */
export interface SourceAnswer {
  command: "source";
  /** `text`: the article page by page; `paragraphs`: the asked range; `find`: the matching sentences; `summary`: summary only. */
  view: "text" | "paragraphs" | "find" | "summary";
  article: SourceArticle;
  words: number;
  readingMinutes: number;
  paragraphCount: number;
  /** 3 to 5 of the article's own sentences, verbatim, in article order. */
  summary: string[];
  passages: SourcePassage[];
  /** 1-based page of `passages` among `pageCount` (0 pages for the summary view). */
  page: number;
  pageCount: number;
  /** For `paragraphs`: the range shown. */
  paragraphs?: { from: number; to: number };
  /** For `find`: the words searched, and how many sentences matched in all pages. */
  find?: { query: string; searchedTerms: string[]; matches: number };
}

/** One line of the `/source` listing. */
export interface SourceListItem {
  id: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  words: number;
}

/** `/source` with no id: the articles. */
export interface SourceListAnswer {
  command: "source";
  articles: SourceListItem[];
}

export type { CompareAnswer, CompareTopicsAnswer, CompareGroup, CompareFigure, CompareTopicSummary } from "../compare/answer/compare";
import type { CompareAnswer, CompareTopicsAnswer } from "../compare/answer/compare";
/** What `/compare` answers: figures of a topic by event, the contested topics, or an error with the topics that exist. */
export type CompareReply = CompareAnswer | CompareTopicsAnswer | ErrorAnswer;
