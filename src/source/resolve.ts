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
    const shown = digits.padStart(this.idWidth, "0");
    const target = Number.parseInt(digits, 10);
    const closest = [...this.articles]
      .sort((a, b) => Math.abs(Number.parseInt(a.id, 10) - target) - Math.abs(Number.parseInt(b.id, 10) - target))
      .slice(0, CLOSEST);
    return this.unknown(`No article ${shown}.`, closest);
  }

  private byFileName(typed: string): Resolution {
    // A name copied from a list may end in an ellipsis; the rest must start the file name.
    const prefix = typed.replace(/(…|\.\.\.)$/, "").toLowerCase();
    const found = this.articles.filter((a) => a.file.toLowerCase().startsWith(prefix));
    if (found.length === 1) return { article: found[0]! };
    if (found.length > 1) return this.ambiguous(typed, found);
    const sameId = this.byNumber.get(Number.parseInt(typed, 10));
    return this.unknown(`No article file starts with "${typed}".`, sameId ? [sameId] : []);
  }

  private byTitle(text: string): Resolution {
    const exact = this.articles.filter((a) => sameTitle(a.meta.title, text));
    if (exact.length === 1) return { article: exact[0]! };
    const { indices } = this.titleMatches(text);
    const found = indices.map((i) => this.articles[i]!);
    if (found.length === 1) return { article: found[0]! };
    if (found.length > 1) return this.ambiguous(text, found);
    return this.unknown(`No article has an id or title matching "${text}".`, []);
  }

  private ambiguous(typed: string, found: readonly Article[]): Resolution {
    const shown = found.slice(0, MAX_CANDIDATES);
    const more = found.length > shown.length ? ` and ${found.length - shown.length} more` : "";
    return {
      error: `"${typed}" matches ${found.length} articles: ${shown.map((a) => a.id).join(", ")}${more}. Give the id, or more words of the title.`,
      suggestions: shown.map(describe),
    };
  }

  private unknown(message: string, closest: readonly Article[]): Resolution {
    const all = this.articles.length <= FULL_LIST_MAX;
    const list = all
      ? ` Articles: ${this.articles.map((a) => a.id).join(", ")}.`
      : " Type /source with no id to list the articles.";
    const suggestions = closest.length ? closest.map(describe) : all ? this.articles.map(describe) : [];
    return { error: `${message}${list}`, suggestions };
  }
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
