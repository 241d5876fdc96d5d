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
  /** Paragraph number within the article, from 1. */
  paragraph: number;
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
