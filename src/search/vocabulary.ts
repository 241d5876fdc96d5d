/**
 * The corpus's own words, as its articles write them, and its headlines: what a user is offered while
 * typing a question (completions of the last word) and when the articles cannot answer one (words spelled
 * like the missing one). Counted once per corpus, at index time, and cached with the index; real words,
 * never index stems ("began" is not offered for "Beslan").
 */
import type { Article } from "../corpus/types";
import { countBelow } from "../text/sorted";
import { isStopWord, normalizeWord, rawWords, startsCapitalized, stem } from "../text/analyze";

/** Shorter words are not offered (a two-letter completion or suggestion says nothing). */
const MIN_WORD = 3;

/** The vocabulary as plain data, for the index cache. */
export interface VocabularyData {
  /** Distinct words of the corpus (lowercased, possessive dropped), sorted. */
  words: string[];
  /** How often each word occurs. */
  counts: number[];
  /** Each word as the articles most often write it ("Tarsk", "girls"). */
  forms: string[];
  /** Each word's stem: one completion or suggestion per stem. */
  stems: string[];
}

/** Counts the words of the articles' paragraphs. */
export function countVocabulary(articles: readonly Article[]): VocabularyData {
  // Counted as written first, then each distinct form normalized once: a corpus has far fewer forms than words.
  const written = new Map<string, number>();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (const raw of rawWords(paragraph.text)) written.set(raw, (written.get(raw) ?? 0) + 1);
    }
  }
  const entries = new Map<string, { count: number; form: string; formCount: number }>();
  for (const [raw, n] of written) {
    const word = normalizeWord(raw);
    if (word.length < MIN_WORD || /\d/.test(word) || isStopWord(word)) continue;
    const entry = entries.get(word);
    if (!entry) entries.set(word, { count: n, form: withoutPossessive(raw), formCount: n });
    else {
      entry.count += n;
      if (n > entry.formCount) [entry.form, entry.formCount] = [withoutPossessive(raw), n];
    }
  }
  const words = [...entries.keys()].sort();
  return { words, counts: words.map((w) => entries.get(w)!.count), forms: words.map((w) => entries.get(w)!.form), stems: words.map(stem) };
}

function withoutPossessive(raw: string): string {
  return /['’][sS]$/.test(raw) ? raw.slice(0, -2) : raw;
}

/** Throws unless `data` has the shape `countVocabulary` gives (a cache written by other code). */
export function checkVocabulary(data: unknown): VocabularyData {
  const v = data as VocabularyData;
  const parallel = [v?.counts, v?.forms, v?.stems];
  if (!Array.isArray(v?.words) || parallel.some((a) => !Array.isArray(a) || a.length !== v.words.length)) {
    throw new Error("vocabulary missing");
  }
  return v;
}

/** A headline, with its lowercase form for matching typed words. */
export interface Headline {
  title: string;
  lower: string;
}

export class Vocabulary {
  /** The articles' distinct headlines, in corpus order. */
  readonly headlines: readonly Headline[];
  /** What spelling suggestions read of each word, built with the vocabulary (not at a first question). */
  private readonly spelling: SpellingIndex;

  constructor(
    readonly data: VocabularyData,
    articles: readonly Article[],
  ) {
    const titles = new Set(articles.map((a) => a.meta.title).filter((t): t is string => Boolean(t)));
    this.headlines = [...titles].map((title) => ({ title, lower: title.toLowerCase() }));
    // The stemmer learns the corpus's words now, from the cache, rather than one question at a time.
    data.words.forEach((w, i) => stem.remember(w, data.stems[i]!));
    this.spelling = spellingIndex(data);
  }

  /** How often the corpus writes a word (lowercase, as `words` holds it); 0 for a word it never writes. */
  count(word: string): number {
    const { words, counts } = this.data;
    const i = countBelow(words, word);
    return words[i] === word ? (counts[i] ?? 0) : 0;
  }

  /**
   * Corpus words starting with `prefix` (lowercase), one per stem in its most frequent form ("claimed",
   * not also "claims", "claim", "claiming"), the most frequent stems first.
   */
  complete(prefix: string, max: number): string[] {
    const { words, counts, stems } = this.data;
    const byStem = new Map<string, { word: string; count: number; total: number }>();
    for (let i = countBelow(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++) {
      const word = words[i]!;
      if (word === prefix) continue;
      const count = counts[i] ?? 0;
      const key = stems[i]!;
      const seen = byStem.get(key);
      if (!seen) byStem.set(key, { word, count, total: count });
      else {
        seen.total += count;
        if (count > seen.count) [seen.word, seen.count] = [word, count];
      }
    }
    return [...byStem.values()]
      .sort((a, b) => b.total - a.total || a.word.localeCompare(b.word))
      .slice(0, max)
      .map((m) => m.word);
  }

  /**
   * Corpus words spelled like `word` (a typo, another transliteration), as the articles write them,
   * closest then most frequent first, one per stem, never the word itself. For a name typed capitalized,
   * only words the articles write capitalized ("Tony" is not offered "tiny"), and two letters apart from
   * five letters on: the search itself already tolerates one ("Tarsk" for "Tarssk"). Other words are
   * at most one letter apart, two from eight letters on ("began" is not offered for "beslan"). One pass
   * over the words of similar length, each compared with a bounded edit distance.
   */
  spelledLike(word: string, max: number, isName = false): string[] {
    const asName = isName && startsCapitalized(word);
    const target = normalizeWord(word);
    const limit = target.length < 4 ? 0 : target.length >= (asName ? 5 : 8) ? 2 : 1;
    if (limit === 0) return [];
    const { words, counts, forms, stems } = this.data;
    const found: { i: number; distance: number }[] = [];
    const { byLength, letters, capitalized } = this.spelling;
    const targetLetters = letterSet(target);
    for (let length = target.length - limit; length <= target.length + limit; length++) {
      for (const i of byLength[length] ?? []) {
        if (asName && !capitalized[i]) continue;
        // An edit adds or removes at most one letter of each word's letter set: a cheap test first.
        if (bitCount(letters[i]! ^ targetLetters) > 2 * limit) continue;
        const distance = boundedEditDistance(target, words[i]!, limit);
        if (distance > 0 && distance <= limit) found.push({ i, distance });
      }
    }
    found.sort((a, b) => a.distance - b.distance || counts[b.i]! - counts[a.i]! || (words[a.i]! < words[b.i]! ? -1 : 1));
    const offered = new Set([stem(target)]);
    const out: string[] = [];
    for (const { i } of found) {
      if (out.length >= max) break;
      const key = stems[i]!;
      if (offered.has(key)) continue;
      offered.add(key);
      out.push(forms[i]!);
    }
    return out;
  }
}

function spellingIndex({ words, forms }: VocabularyData): SpellingIndex {
  const byLength: number[][] = [];
  words.forEach((w, i) => (byLength[w.length] ??= []).push(i));
  return {
    byLength,
    letters: Int32Array.from(words, letterSet),
    capitalized: Uint8Array.from(forms, (f) => (startsCapitalized(f) ? 1 : 0)),
  };
}

interface SpellingIndex {
  /** Indices of the words by length. */
  byLength: number[][];
  /** Each word's letters as a set of bits (`letterSet`). */
  letters: Int32Array;
  /** 1 where the articles write the word capitalized. */
  capitalized: Uint8Array;
}

/** The letters of a word as bits: a–z one bit each, other characters folded onto the same 32 bits. */
function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) set |= 1 << (word.charCodeAt(i) & 31);
  return set;
}

function bitCount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

/**
 * Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`: two rows, each
 * cell only within `limit` of the diagonal, so a comparison costs O(limit × length).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const far = limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : far));
  let current = new Array<number>(b.length + 1).fill(far);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // The cells just outside the band are read by this row and the next: out of reach.
    current[from - 1] = from === 1 && i <= limit ? i : far;
    if (to < b.length) current[to + 1] = far;
    let rowMin = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const cell = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1, far);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > limit) return far;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, far);
}
