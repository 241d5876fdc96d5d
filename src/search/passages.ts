/**
 * Passages are what `/ask` quotes: one sentence of body text, or two when the first is too short to
 * stand alone. Its neighbours are its context (src/search/context.ts), which is searched but never quoted.
 */
import type { Article } from "../corpus/types";

export interface Passage {
  /** Position in the passage list; the MiniSearch document id. */
  id: number;
  article: Article;
  /** Paragraph number, from 1; 0 for the headline. */
  paragraph: number;
  /** Offsets of the quotable text in `article.raw`. */
  start: number;
  end: number;
  /** Sentence indices covered, inclusive (0 and -1 for the headline, which is before every sentence). */
  firstSentence: number;
  lastSentence: number;
}

/** A sentence with fewer words than this is joined to the next one of its paragraph. */
const MIN_PASSAGE_WORDS = 8;

export function buildPassages(articles: readonly Article[]): Passage[] {
  const passages: Passage[] = [];
  for (const article of articles) {
    const headline = headlineRange(article);
    if (headline) passages.push({ id: passages.length, article, paragraph: 0, ...headline, firstSentence: 0, lastSentence: -1 });
    for (const paragraph of article.paragraphs) {
      if (paragraph.heading) continue;
      const sentences = paragraph.sentences;
      for (let i = 0; i < sentences.length; i++) {
        const first = sentences[i]!;
        let last = first;
        if (wordCount(first.text) < MIN_PASSAGE_WORDS && i + 1 < sentences.length) last = sentences[++i]!;
        passages.push({
          id: passages.length,
          article,
          paragraph: paragraph.number,
          start: first.start,
          end: last.end,
          firstSentence: first.index,
          lastSentence: last.index,
        });
      }
    }
  }
  return passages;
}

/**
 * The headline, when the article's text carries it above the body: wire copy often answers in its
 * headline ("Officials blame bad weather for plane crash"). Quoted as paragraph 0, verbatim.
 */
function headlineRange(article: Article): { start: number; end: number } | null {
  const title = article.meta.title;
  const bodyStart = article.paragraphs[0]?.start ?? article.raw.length;
  if (!title) return null;
  const start = article.raw.slice(0, bodyStart).indexOf(title);
  return start < 0 ? null : { start, end: start + title.length };
}

export function passageText(p: Passage): string {
  return p.article.raw.slice(p.start, p.end);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
