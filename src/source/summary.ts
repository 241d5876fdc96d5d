/**
 * Extractive summary for `/source`: pick whole sentences of the article, never rewrite them.
 *
 * Method: LexRank (PageRank over the cosine-similarity graph of TF-IDF vectors of content stems, the same
 * stems search uses) gives each sentence its centrality; a position prior adds the weight news leads
 * carry; long sentences are discounted since a summary line should be short; near-duplicates are
 * skipped; the chosen sentences come back in article order. Bounded: at most MAX_SENTENCES are read.
 */
import { contentStems } from "../text/analyze";

export interface SummaryOptions {
  /** Fewest sentences to return when the article has that many (default 3). */
  min?: number;
  /** Most sentences to return (default 5). */
  max?: number;
}

/** Internal knobs, exposed for the eval and tests; defaults are the tuned values below. */
export interface SummaryTuning {
  positionWeight: number;
  positionDecay: number;
  redundancy: number;
  idealWords: number;
}

const DEFAULT_MIN = 3;
const DEFAULT_MAX = 5;
/** Share of the score given to position (the rest to centrality). */
const POSITION_WEIGHT = 0.5;
/** Position prior halves every this many sentences. */
const POSITION_HALF_LIFE = 3;
/** Cosine above which a candidate repeats an already chosen sentence. */
const REDUNDANCY_COSINE = 0.5;
/** Sentences longer than this many words are discounted in proportion. */
const IDEAL_WORDS = 30;
/** A sentence shorter than this rarely stands alone. */
const MIN_WORDS = 6;
/**
 * The per-article budget: only the first this many sentences are compared (LexRank compares every pair,
 * so 25 000 short sentences would need 625 million cosines and run out of memory). Past the first
 * few dozen sentences the position prior leaves a sentence no chance anyway; 250 sentences is a very
 * long news article (~6 000 words).
 */
export const MAX_SENTENCES = 250;
const DAMPING = 0.85;
const ITERATIONS = 50;
const CONVERGED = 1e-9;

export const DEFAULT_TUNING: SummaryTuning = {
  positionWeight: POSITION_WEIGHT,
  positionDecay: POSITION_HALF_LIFE,
  redundancy: REDUNDANCY_COSINE,
  idealWords: IDEAL_WORDS,
};

/** Indices (into `sentences`, ascending = article order) of the sentences that summarize the article. */
export function summarize(
  sentences: readonly string[],
  options: SummaryOptions = {},
  tuning: SummaryTuning = DEFAULT_TUNING,
): number[] {
  const max = Math.max(1, options.max ?? DEFAULT_MAX);
  const min = Math.min(max, Math.max(1, options.min ?? DEFAULT_MIN));
  const usable = sentences
    .map((s, i) => ({ i, text: s.trim() }))
    .filter((s) => s.text.length > 0)
    .slice(0, MAX_SENTENCES);
  if (usable.length === 0) return [];

  const vectors = tfidfVectors(usable.map((s) => s.text));
  const centrality = normalizeToMax(lexRank(vectors));
  const scores = usable.map((s, k) => {
    const position = Math.pow(0.5, k / tuning.positionDecay);
    const words = wordCount(s.text);
    const lengthFactor = words > tuning.idealWords ? tuning.idealWords / words : 1;
    const base = (1 - tuning.positionWeight) * centrality[k]! + tuning.positionWeight * position;
    return base * lengthFactor;
  });

  // Sentences that stand alone come first; weak ones (captions, questions, fragments) only fill in
  // when the good ones run out. Ties go to the earlier sentence, so the result is deterministic.
  const eligible = usable.map((s) => standsAlone(s.text));
  const pool = usable.map((_, k) => k);
  pool.sort((a, b) => Number(eligible[b]) - Number(eligible[a]) || scores[b]! - scores[a]! || a - b);

  const chosen: number[] = [];
  const target = targetCount(usable.length, min);
  for (const k of pool) {
    if (chosen.length >= target) break;
    if (chosen.some((c) => cosine(vectors[c]!, vectors[k]!) > tuning.redundancy)) continue;
    if (chosen.some((c) => sameText(usable[c]!.text, usable[k]!.text))) continue;
    chosen.push(k);
  }
  return chosen.map((k) => usable[k]!.i).sort((a, b) => a - b);
}

/**
 * We return `min` sentences (clamped to `max`): measured against news highlights, every sentence past
 * the third costs precision more than it adds recall, long articles included (see scripts/eval-summary.ts).
 */
function targetCount(available: number, min: number): number {
  return Math.min(available, min);
}

/** Long enough, ends like a sentence, and is not a question. */
export function standsAlone(text: string): boolean {
  if (wordCount(text) < MIN_WORDS) return false;
  const end = text.replace(/["'”’)\]]+$/, "");
  if (!/[.!]$/.test(end)) return false;
  return !end.endsWith("?");
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function sameText(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\W+/g, " ") === b.toLowerCase().replace(/\W+/g, " ");
}

type Vector = Map<string, number>;

/** TF-IDF with the article's sentences as documents; vectors are L2-normalized. */
function tfidfVectors(texts: readonly string[]): Vector[] {
  const termCounts = texts.map((t) => {
    const counts = new Map<string, number>();
    for (const s of contentStems(t)) counts.set(s, (counts.get(s) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const counts of termCounts) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  return termCounts.map((counts) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [term, tf] of counts) {
      const w = tf * Math.log(1 + n / df.get(term)!);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  return dot;
}

/** Continuous LexRank: PageRank over the weighted cosine graph (no self-loops). */
function lexRank(vectors: readonly Vector[]): number[] {
  const n = vectors.length;
  const weights = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 0 : cosine(a, b))));
  const outSums = weights.map((row) => row.reduce((s, w) => s + w, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let i = 0; i < n; i++) {
      const share = outSums[i]! > 0 ? (DAMPING * rank[i]!) / outSums[i]! : 0;
      // A sentence sharing nothing spreads its rank evenly, so ranks keep summing to 1.
      if (share === 0) for (let j = 0; j < n; j++) next[j]! += (DAMPING * rank[i]!) / n;
      else for (let j = 0; j < n; j++) next[j]! += share * weights[i]![j]!;
    }
    const delta = next.reduce((s, r, j) => s + Math.abs(r - rank[j]!), 0);
    rank = next;
    if (delta < CONVERGED) break;
  }
  return rank;
}

function normalizeToMax(values: readonly number[]): number[] {
  const top = Math.max(...values);
  return values.map((v) => (top > 0 ? v / top : 0));
}
