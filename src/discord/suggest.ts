/**
 * `/ask` autocomplete: the question as typed, the typed question with its last word completed from the
 * corpus's own vocabulary (most frequent first), and article titles that contain the typed words.
 * Built once per engine (a sorted word list and lowercased titles), so each keystroke is a binary
 * search and a short scan.
 */
import type { Engine } from "../engine/engine";
import { isStopWord, normalizeWord, rawWords, stem, tokenize } from "../text/analyze";
import type { Choice } from "./choices";
import * as L from "./limits";

/** Completions of the last word offered, besides the typed text and titles. */
const COMPLETIONS_MAX = 8;
/** Shortest typed prefix that is completed (one letter would offer arbitrary words). */
const MIN_PREFIX = 2;
const MIN_WORD = 3;

interface Vocabulary {
  /** Distinct words of the corpus, sorted, with their frequency. */
  words: string[];
  counts: number[];
  titles: { title: string; lower: string }[];
}

const vocabularies = new WeakMap<Engine, Vocabulary>();

function vocabulary(engine: Engine): Vocabulary {
  let vocab = vocabularies.get(engine);
  if (vocab) return vocab;
  // Counted as written first, then each distinct form normalized once: a corpus has far fewer forms than words.
  const written = new Map<string, number>();
  for (const article of engine.articles) {
    for (const paragraph of article.paragraphs) {
      for (const raw of rawWords(paragraph.text)) written.set(raw, (written.get(raw) ?? 0) + 1);
    }
  }
  const counts = new Map<string, number>();
  for (const [raw, n] of written) {
    const word = normalizeWord(raw);
    if (word.length < MIN_WORD || /\d/.test(word) || isStopWord(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + n);
  }
  const words = [...counts.keys()].sort();
  const titles = engine.articles
    .map((a) => a.meta.title)
    .filter((t): t is string => Boolean(t && t.length <= L.CHOICE_VALUE_MAX))
    .map((title) => ({ title, lower: title.toLowerCase() }));
  vocab = { words, counts: words.map((w) => counts.get(w) ?? 0), titles };
  vocabularies.set(engine, vocab);
  return vocab;
}

/** First index of `words` whose word is ≥ `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Corpus words starting with `prefix`, one per stem (its most frequent form: "claimed", not also
 * "claims", "claim", "claiming"), the most frequent stems first.
 */
export function completeWord(engine: Engine, prefix: string, max = COMPLETIONS_MAX): string[] {
  const { words, counts } = vocabulary(engine);
  const byStem = new Map<string, { word: string; count: number; total: number }>();
  for (let i = lowerBound(words, prefix); i < words.length && (words[i] as string).startsWith(prefix); i++) {
    const word = words[i] as string;
    if (word === prefix) continue;
    const count = counts[i] ?? 0;
    const key = stem(word);
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

export function askSuggestions(engine: Engine, typed: string): Choice[] {
  const text = typed.replace(/\s+/g, " ").trimStart();
  const vocab = vocabulary(engine);
  const out: Choice[] = [];
  const add = (value: string) => {
    const v = value.trim();
    if (v && v.length <= L.CHOICE_VALUE_MAX) out.push({ name: v, value: v });
  };
  add(text);
  const last = /([\p{L}'’-]+)$/u.exec(text)?.[1]?.toLowerCase();
  if (last && last.length >= MIN_PREFIX && !text.endsWith(" ")) {
    const head = text.slice(0, text.length - last.length);
    for (const word of completeWord(engine, last)) add(head + word);
  }
  const content = tokenize(text)
    .map((t) => t.word)
    .filter((w) => !isStopWord(w));
  for (const { title, lower } of vocab.titles) {
    if (content.every((w) => lower.includes(w))) add(title);
  }
  return out.slice(0, L.AUTOCOMPLETE_CHOICES_MAX);
}
