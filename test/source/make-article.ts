/** Builds an Article in memory (offsets computed as the loader does) for tests that need no files. */
import type { Article, Paragraph, Sentence } from "../../src/corpus/types";

export interface ArticleSpec {
  id: string;
  title?: string | null;
  outlet?: string | null;
  date?: string | null;
  author?: string | null;
  url?: string | null;
  /** Paragraphs as lists of sentences; a string starting with "# " is a heading paragraph. */
  paragraphs: (string[] | string)[];
}

const PARAGRAPH_BREAK = "\n\n";

export function makeArticle(spec: ArticleSpec): Article {
  const title = spec.title === undefined ? `Article ${spec.id}` : spec.title;
  let raw = `${title ?? ""}${PARAGRAPH_BREAK}`;
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  spec.paragraphs.forEach((p, k) => {
    const heading = typeof p === "string";
    const parts = heading ? [p.replace(/^# /, "")] : p;
    const start = raw.length;
    const own: Sentence[] = [];
    parts.forEach((text, j) => {
      if (j > 0) raw += " ";
      own.push({ index: sentences.length + own.length, paragraph: k + 1, start: raw.length, end: raw.length + text.length, text });
      raw += text;
    });
    paragraphs.push({ number: k + 1, start, end: raw.length, text: raw.slice(start), heading, sentences: own });
    sentences.push(...own);
    raw += PARAGRAPH_BREAK;
  });
  const body = paragraphs.map((p) => p.text).join(" ");
  return {
    id: spec.id,
    file: `${spec.id}_${(title ?? "untitled").toLowerCase().replace(/\W+/g, "-").slice(0, 20)}.txt`,
    raw,
    meta: { title, outlet: spec.outlet ?? null, author: spec.author ?? null, date: spec.date ?? null, time: null, place: null, url: spec.url ?? null },
    paragraphs,
    sentences,
    wordCount: body.split(/\s+/).filter(Boolean).length,
  };
}
