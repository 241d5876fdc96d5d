/**
 * Pages of an article's text for `/source`. A page is a few verbatim pieces that together fit one
 * Discord embed description. Pages break between paragraphs; a paragraph longer than a page breaks
 * between its sentences; a sentence is never cut.
 */
import type { Article, Paragraph, Sentence } from "../corpus/types";

/**
 * Characters of article text on one page. A Discord embed description holds 4096 characters; this
 * leaves room for paragraph labels, highlight markup and the escaping of markdown characters.
 */
export const PAGE_CHARS = 1800;
/** What a page spends between two pieces (a blank line). */
const SEPARATOR_CHARS = 2;

/** A verbatim range of the article: `article.raw.slice(start, end)`. */
export interface Piece {
  paragraph: number;
  start: number;
  end: number;
  heading: boolean;
}

/** The whole text as pages of pieces: paragraphs whole when they fit, else runs of whole sentences. */
export function textPages(article: Article, budget = PAGE_CHARS): Piece[][] {
  return paragraphPages(article.paragraphs, budget);
}

/** Paragraphs as pages, each paragraph whole when it fits a page, else as runs of whole sentences. */
export function paragraphPages(paragraphs: readonly Paragraph[], budget = PAGE_CHARS): Piece[][] {
  const pager = new Pager<Piece>(budget);
  for (const p of paragraphs) {
    if (p.end - p.start <= budget || p.sentences.length === 0) pager.add(paragraphPiece(p));
    else for (const s of p.sentences) pager.add(sentencePiece(p, s), true);
  }
  return pager.finish();
}

/** Packs pieces given in order into pages; `merge` joins consecutive ones of a page (whole sentences). */
export function packPages<T extends Piece>(pieces: readonly T[], budget = PAGE_CHARS, merge = false): T[][] {
  const pager = new Pager<T>(budget);
  for (const piece of pieces) pager.add(piece, merge);
  return pager.finish();
}

export function paragraphPiece(p: Paragraph): Piece {
  return { paragraph: p.number, start: p.start, end: p.end, heading: p.heading };
}

export function sentencePiece(p: Paragraph, s: Sentence): Piece {
  return { paragraph: p.number, start: s.start, end: s.end, heading: p.heading };
}

class Pager<T extends Piece> {
  private pages: T[][] = [];
  private current: T[] = [];
  private used = 0;

  constructor(private readonly budget: number) {}

  /** Adds a piece, on a new page when it does not fit; a piece larger than a page gets a page of its own. */
  add(piece: T, merge = false): void {
    const last = this.current[this.current.length - 1];
    const joins = merge && last !== undefined && last.paragraph === piece.paragraph;
    const cost = joins ? piece.end - last.end : piece.end - piece.start + (last ? SEPARATOR_CHARS : 0);
    if (this.current.length > 0 && this.used + cost > this.budget) {
      this.newPage();
      this.add(piece, merge);
      return;
    }
    if (joins) this.current[this.current.length - 1] = { ...last, end: piece.end };
    else this.current.push({ ...piece });
    this.used += cost;
  }

  finish(): T[][] {
    this.newPage();
    return this.pages;
  }

  private newPage(): void {
    if (this.current.length > 0) this.pages.push(this.current);
    this.current = [];
    this.used = 0;
  }
}
