/**
 * The article model every later layer reads. Offsets are UTF-16 indices into `Article.raw`, the article's
 * text (a text file exactly as read; a web page's extracted text), so any quote is `raw.slice(start, end)`.
 */

/** One sentence of the article's clean text. */
export interface Sentence {
  /** Position among the article's sentences, 0-based. */
  index: number;
  /** The paragraph it belongs to, numbered from 1 as users see it. */
  paragraph: number;
  start: number;
  end: number;
  /** `raw.slice(start, end)`: verbatim, never rewritten. */
  text: string;
}

/** A block of body text that survived boilerplate removal. */
export interface Paragraph {
  /** Numbered from 1 in reading order, as users see it ("paragraph 7"). */
  number: number;
  start: number;
  end: number;
  text: string;
  /** A subheading inside the body: quotable, but not a sentence of prose (summaries skip it). */
  heading: boolean;
  sentences: Sentence[];
}

/** What the text (or `catalog.json`) says about the article; null when it does not say. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** ISO date, `YYYY-MM-DD`. */
  date: string | null;
  /** Time of day as stated, `HH:MM` on a 24-hour clock, then the zone when stated: "16:47 UTC". */
  time: string | null;
  /** The dateline's place, as written: "OAK HOLLOW, Pa.", "TARSK". */
  place: string | null;
  /** Where the article came from (http or https), when the catalog or the page gives it. */
  url: string | null;
}

export interface Article {
  /** The digits that start the file name: `003` for `003_870b56f95cc585d9.txt`. */
  id: string;
  /** File name within the corpus folder. */
  file: string;
  /** The article's whole text: a text file as read (after UTF-8 decoding); for a web page the text
   *  extracted from it, for Markdown the text without its markup (`formats/`). */
  raw: string;
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  /** All sentences of all paragraphs, in order. */
  sentences: Sentence[];
  /** Words of clean body text. */
  wordCount: number;
}

/** A file that was not loaded, and why, in words a user can act on. */
export interface CorpusWarning {
  file: string;
  message: string;
}

export interface Corpus {
  dir: string;
  articles: Article[];
  warnings: CorpusWarning[];
}
