/**
 * A passage's context as index documents: the passages of its article that lie within the CONTEXT_BEFORE
 * sentences before it or the one sentence after it, and its article's headline. Whether the context holds a question's term is then a posting
 * lookup per neighbour: no text is read or analysed again at question time, so a passage ranked for the
 * first time costs what it costs the hundredth time.
 */
import type { Passage } from "./passages";
import type { TermStats } from "./stats";
import { splitWords, termsOfWord } from "./terms";

/** Sentences before a passage read as its context: a "he" in wire copy finds its name within a few. */
export const CONTEXT_BEFORE = 3;

export class PassageContext {
  /** Each passage's article's headline passage, by passage id; -1 when the headline is not a passage. */
  private readonly headlines: Int32Array;
  /** Index terms of the titles that are not passages (read from the title's text), by article. */
  private readonly titleTerms = new WeakMap<Passage["article"], ReadonlySet<string>>();

  constructor(
    private readonly passages: readonly Passage[],
    private readonly stats: TermStats,
  ) {
    this.headlines = new Int32Array(passages.length).fill(-1);
    let headline = -1;
    passages.forEach((p, i) => {
      if (i === 0 || passages[i - 1]!.article !== p.article) headline = p.paragraph === 0 ? i : -1;
      this.headlines[i] = headline;
    });
  }

  /**
   * The index numbers of the passages before `p` in its article that lie within its CONTEXT_BEFORE
   * previous sentences, nearest first.
   */
  before(p: Passage): number[] {
    const out: number[] = [];
    for (let i = p.id - 1; i >= 0; i--) {
      const q = this.passages[i]!;
      if (q.article !== p.article || q.paragraph === 0 || q.firstSentence < p.firstSentence - CONTEXT_BEFORE) break;
      this.push(out, i);
    }
    return out;
  }

  /** `before`, the passage after `p` when it is the one sentence after it, and the headline when it is a passage (not `p` itself). */
  around(p: Passage): number[] {
    const out = this.before(p);
    const next = this.passages[p.id + 1];
    if (next && next.article === p.article && next.firstSentence === p.lastSentence + 1 && next.lastSentence === next.firstSentence) this.push(out, next.id);
    const headline = this.headlines[p.id]!;
    if (headline >= 0 && headline !== p.id) this.push(out, headline);
    return out;
  }

  /** The title's index terms when the title is not a passage of its own (it is not in the article's text), else null. */
  title(p: Passage): ReadonlySet<string> | null {
    const title = p.article.meta.title;
    if (!title || this.headlines[p.id]! >= 0) return null;
    let terms = this.titleTerms.get(p.article);
    if (!terms) this.titleTerms.set(p.article, (terms = new Set(splitWords(title).flatMap(termsOfWord))));
    return terms;
  }

  private push(out: number[], passageId: number): void {
    const shortId = this.stats.shortIdOf(passageId);
    if (shortId !== undefined) out.push(shortId);
  }
}

/** Whether any of the passages (by index number) holds the term, given the term's postings. */
export function heldByAny(postings: ReadonlyMap<number, number> | undefined, shortIds: readonly number[]): boolean {
  if (!postings) return false;
  for (const id of shortIds) if (postings.has(id)) return true;
  return false;
}
