/**
 * Text analysis shared by search, summaries and figures: one tokenizer, one stemmer, one stop list,
 * so that "killed" in a question meets "killing" in an article wherever terms are compared.
 */
import stemWord from "wink-porter2-stemmer";
import { STOP_WORDS } from "./stopwords";
import { memoizeByWord } from "./memo";

export interface Token {
  /** Lowercased surface form. */
  word: string;
  start: number;
  end: number;
}

// Letters and digits, with inner apostrophes ("don't", "Smith's") and inner hyphens/dots of acronyms
// kept together; the search layer splits hyphenated forms again when it needs the parts. Exported so
// the search layer's raw-case splitter (src/search/terms.ts) cuts words at the same places.
export const WORD_PATTERN = String.raw`[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*`;
const WORD = new RegExp(WORD_PATTERN, "gu");

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of wordMatches(text)) {
    tokens.push({ word: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

const CAPITAL_FIRST = /^\p{Lu}/u;
const LOWERCASE_FIRST = /^\p{Ll}/u;

/**
 * Whether a text (a word as written) starts with a capital: "Tarsk", "UN". One pattern made once, not a
 * literal in every caller's loop (tsx, which runs the benchmarks, builds such a literal at every call).
 */
export function startsCapitalized(text: string): boolean {
  return CAPITAL_FIRST.test(text);
}

/** Whether a text (a word as written) starts with a lowercase letter: "ferry", not "Ferry" or "12". */
export function startsLowercase(text: string): boolean {
  return LOWERCASE_FIRST.test(text);
}

/** The words of a text as written, with their offsets (`match.index`), without building tokens. */
export function wordMatches(text: string): IterableIterator<RegExpExecArray> {
  return text.matchAll(WORD);
}

/** The words of a text as written (not yet normalized): `tokenize` without offsets, for counting. */
export function rawWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Lowercase, fold curly apostrophes and drop a possessive "'s". */
export function normalizeWord(word: string): string {
  // Called for every word of the corpus: no regex unless the word holds an apostrophe.
  let w = word.toLowerCase();
  if (w.includes("’")) w = w.replaceAll("’", "'");
  return w.endsWith("'s") ? w.slice(0, -2) : w;
}

/**
 * Longer "words" are hyphen chains or junk, not English words with a suffix to strip, and the stemmer's
 * suffix patterns take time quadratic in a word's length (a 20 000-letter one took seconds).
 */
const MAX_STEMMED_LENGTH = 40;

/** Porter2 stem (died→die, killed→kill); numbers, short and over-long words pass through. */
export const stem = memoizeByWord((word) =>
  /\d/.test(word) || word.length < 3 || word.length > MAX_STEMMED_LENGTH ? word : stemWord(word),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The marks inside a token ("twin-bombing", "U.S.", "o'clock") that split it into content words. */
const INNER_MARK = /[-.']/;

/** The stems of the content words of a text, in order (stop words dropped). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    // Most words have no inner mark: not split (an array per word).
    if (!INNER_MARK.test(t.word)) {
      if (!isStopWord(t.word)) out.push(stem(t.word));
      continue;
    }
    for (const part of t.word.split(INNER_MARK)) {
      if (part && !isStopWord(part)) out.push(stem(part));
    }
  }
  return out;
}
