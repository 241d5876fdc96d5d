/**
 * Which article a user means by what they typed after `/source`: its id (`3`, `003`, `#3`), the start
 * of its file name (`003_870b…`), or words of its title (best match; a tie is ambiguous).
 */
import type { Article } from "../corpus/types";
import { splitWords, termsOfWord } from "../search/terms";

/** Listed in full in an "unknown id" error when the corpus has at most this many articles. */
export const FULL_LIST_MAX = 10;
/** Closest ids (or candidates) named in an error. */
const CLOSEST = 3;
/** Most candidates named when a title match is ambiguous. */
const MAX_CANDIDATES = 10;
/** A typed word this long or longer also matches title words it starts ("carn" → "carnage"). */
const PREFIX_MIN = 3;

export type Resolution = { article: Article } | { error: string; suggestions: string[] };

/** The words of a title as search sees them, plus their lowercase surface forms for prefix matches. */
export interface TitleWords {
  terms: Set<string>;
  surface: string[];
}

export function titleWords(title: string | null): TitleWords {
  const words = splitWords(title ?? "");
  return {
    terms: new Set(words.flatMap(termsOfWord)),
    surface: words.map((w) => w.toLowerCase().replace(/\.$/, "")),
  };
}

/** "003 · Title (Outlet, 2024-03-26)": how an article is named in lists and errors. */
export function describe(a: Article): string {
  const where = [a.meta.outlet, a.meta.date].filter(Boolean).join(", ");
  return `${a.id} · ${a.meta.title ?? "untitled"}${where ? ` (${where})` : ""}`;
}

export class ArticleResolver {
  private readonly byNumber = new Map<number, Article>();
  /** Each article's title words, in article order (shared with the autocomplete index). */
  readonly titles: readonly TitleWords[];
  private readonly idWidth: number;

  constructor(private readonly articles: readonly Article[]) {
    for (const a of articles) this.byNumber.set(Number.parseInt(a.id, 10), a);
    this.titles = articles.map((a) => titleWords(a.meta.title));
    this.idWidth = Math.max(0, ...articles.map((a) => a.id.length));
  }

  resolve(typed: string): Resolution {
    const text = typed.trim().replace(/^#/, "");
    if (/^\d+$/.test(text)) return this.byId(text);
    if (/^\d+[_.]/.test(text)) return this.byFileName(text);
    return this.byTitle(text);
  }

  /** Indices of the articles whose titles best match the words, with the number of words met. */
  titleMatches(text: string): { best: number; indices: number[] } {
    // Stop words would tie every title that has "the" or "of"; they do not count.
    const words = splitWords(text).filter((w) => termsOfWord(w).length > 0);
    if (words.length === 0) return { best: 0, indices: [] };
    let best = 0;
    let indices: number[] = [];
    this.titles.forEach((title, i) => {
      const met = words.filter((w) => wordMeets(w, title)).length;
      if (met === 0 || met < best) return;
      if (met > best) [best, indices] = [met, []];
      indices.push(i);
    });
    return { best, indices };
  }

  private byId(digits: string): Resolution {
    const article = this.byNumber.get(Number.parseInt(digits, 10));
    if (article) return { article };
    return this.unknown(`No article ${digits.padStart(this.idWidth, "0")}.`, digits);
  }

  private byFileName(typed: string): Resolution {
    // A name copied from a list may end in an ellipsis; the rest must start the file name.
    const prefix = typed.replace(/(…|\.\.\.)$/, "").toLowerCase();
    const found = this.articles.filter((a) => a.file.toLowerCase().startsWith(prefix));
    if (found.length === 1) return { article: found[0]! };
    if (found.length > 1) return this.ambiguous(typed, found);
    return this.unknown(`No article file starts with "${typed}".`, typed);
  }

  private byTitle(text: string): Resolution {
    const exact = this.articles.filter((a) => sameTitle(a.meta.title, text));
    if (exact.length === 1) return { article: exact[0]! };
    const { indices } = this.titleMatches(text);
    const found = indices.map((i) => this.articles[i]!);
    if (found.length === 1) return { article: found[0]! };
    if (found.length > 1) return this.ambiguous(text, found);
    return this.unknown(`No article has an id or title matching "${text}".`, text);
  }

  private ambiguous(typed: string, found: readonly Article[]): Resolution {
    const shown = found.slice(0, MAX_CANDIDATES);
    const more = found.length > shown.length ? ` and ${found.length - shown.length} more` : "";
    return {
      error: `"${typed}" matches ${found.length} articles: ${shown.map((a) => a.id).join(", ")}${more}. Give the id, or more words of the title.`,
      suggestions: shown.map(describe),
    };
  }

  /**
   * The one answer to "no such article", whatever was typed: the message, every id when the corpus is
   * small, and the closest articles (by id for a number, by title otherwise) with their titles.
   */
  private unknown(message: string, typed: string): Resolution {
    const list =
      this.articles.length <= FULL_LIST_MAX
        ? ` Articles: ${this.articles.map((a) => a.id).join(", ")}.`
        : " Type /source with no id to list the articles.";
    return { error: `${message}${list}`, suggestions: this.closest(typed).map(describe) };
  }

  /** The CLOSEST articles to what was typed: by id distance when it starts with a number, else by title. */
  private closest(typed: string): Article[] {
    const digits = /^\d+/.exec(typed)?.[0];
    const distance = digits
      ? (a: Article) => Math.abs(Number.parseInt(a.id, 10) - Number.parseInt(digits, 10))
      : titleDistance(typed);
    return this.articles
      .map((article, i) => ({ article, i, d: distance(article) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, CLOSEST)
      .map((c) => c.article);
  }
}

/** Letter trigrams of a text, lowercased: a spelling-tolerant likeness of two short texts. */
function trigrams(text: string): Set<string> {
  const t = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= t.length; i++) out.add(t.slice(i, i + 3));
  return out;
}

/** 1 − Dice similarity of the typed text's trigrams and an article title's (0 for the same words). */
function titleDistance(typed: string): (a: Article) => number {
  const want = trigrams(typed);
  return (a) => {
    const have = trigrams(a.meta.title ?? "");
    let shared = 0;
    for (const g of want) if (have.has(g)) shared++;
    return want.size + have.size === 0 ? 1 : 1 - (2 * shared) / (want.size + have.size);
  };
}

/** A typed word meets a title when one of its terms is a title term, or it starts a title word. */
export function wordMeets(word: string, title: TitleWords): boolean {
  if (termsOfWord(word).some((t) => title.terms.has(t))) return true;
  const lower = word.toLowerCase().replace(/\.$/, "");
  return lower.length >= PREFIX_MIN && title.surface.some((s) => s.startsWith(lower));
}

function sameTitle(title: string | null, typed: string): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return title !== null && norm(title) === norm(typed);
}
