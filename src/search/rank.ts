/**
 * Two-stage ranking for /ask. MiniSearch retrieves candidates with the question's rarer terms (a word
 * in one passage in a hundred or fewer); then every candidate is scored concept by concept, each concept by
 * its best term (Lucene's dis_max: synonyms do not add up), common terms checked by posting lookup, the
 * passage's context consulted for what its own text lacks, and a coordination factor applied.
 */
import type MiniSearch from "minisearch";
import type { SearchResult } from "minisearch";
import type { PassageDoc } from "./index";
import { passageContext, passageText, type Passage } from "./passages";
import type { Concept } from "./query";
import type { TermStats } from "./stats";
import { splitWords, termsOfWord } from "./terms";
import { ANSWER_TYPE_BOOST } from "./answer-type";

export const RANK_DEFAULTS = {
  /** Weight of another spelling of the same name ("IS-K" for "ISIS-K") relative to the word itself. */
  variantWeight: 0.9,
  /** Weight of a synonym match relative to the word itself. */
  relatedWeight: 0.45,
  /** Weight of a typo-tolerant or prefix match relative to an exact one. */
  approximateWeight: 0.6,
  /** Weight of a concept met only in a passage's context (its neighbours, its title). */
  contextWeight: 0.3,
  /** A term in more passages than this share (and than `retrievalMinDf`) only scores; it does not retrieve. */
  retrievalDfShare: 0.01,
  retrievalMinDf: 1000,
  /** Typos are tolerated in words at least this long (short words fuzz into other words)… */
  fuzzyMinLength: 5,
  /** …and only for words this rare or absent in the corpus: a common word is not a typo. */
  fuzzyMaxDf: 3,
  /** Prefix matches only for words at least this long (they outrank exact ones on short terms). */
  prefixMinLength: 6,
  /** MiniSearch's best candidates scored by concept; the rest are too weak to matter. */
  rescoreDepth: 3000,
  /** The best candidates whose context is consulted. */
  contextDepth: 50,
};

export interface Candidate {
  passage: Passage;
  score: number;
  /** Index terms of the question found in the passage's text, for highlighting. */
  matched: Set<string>;
}

interface ConceptWeight {
  concept: number;
  weight: number;
  /**
   * The highest idf this term may count with for the concept: a synonym never counts for more than the
   * word the user typed, or a rare synonym ("explosion") would outrank the common word asked for ("attack").
   */
  idfCap: number;
}

/** A query term as scoring needs it, looked up once per question. */
interface TermInfo {
  concepts: ConceptWeight[];
  idf: number;
  postings: ReadonlyMap<number, number> | undefined;
}

export interface QueryPlan {
  concepts: readonly Concept[];
  /** Each query term, with the concepts it stands for (and at what weight), its idf and postings. */
  terms: Map<string, TermInfo>;
  /** The terms MiniSearch retrieves with. */
  retrieval: string[];
  /** Terms searched with typo tolerance / as prefixes. */
  fuzzy: Set<string>;
  prefix: Set<string>;
}

export function planQuery(concepts: readonly Concept[], stats: TermStats): QueryPlan {
  const weights = new Map<string, ConceptWeight[]>();
  const add = (term: string, cw: ConceptWeight) => weights.set(term, [...(weights.get(term) ?? []), cw]);
  concepts.forEach((c, concept) => {
    const typedIdf = Math.max(...c.terms.map((t) => stats.idf(t)));
    c.terms.forEach((t) => add(t, { concept, weight: 1, idfCap: Infinity }));
    c.variants.forEach((t) => add(t, { concept, weight: RANK_DEFAULTS.variantWeight, idfCap: Infinity }));
    c.related.forEach((t) => add(t, { concept, weight: RANK_DEFAULTS.relatedWeight, idfCap: typedIdf }));
  });
  const maxDf = Math.max(RANK_DEFAULTS.retrievalMinDf, RANK_DEFAULTS.retrievalDfShare * stats.documentCount);
  const exact = new Set(concepts.flatMap((c) => c.terms));
  const df = new Map([...weights.keys()].map((t) => [t, stats.documentFrequency(t)]));
  const fuzzy = new Set([...exact].filter((t) => t.length >= RANK_DEFAULTS.fuzzyMinLength && df.get(t)! <= RANK_DEFAULTS.fuzzyMaxDf));
  const prefix = new Set([...exact].filter((t) => t.length >= RANK_DEFAULTS.prefixMinLength && df.get(t)! <= maxDf));
  const rare = [...weights.keys()].filter((t) => df.get(t)! > 0 && df.get(t)! <= maxDf);
  if (rare.length === 0) {
    // Every word the corpus has is common: retrieve with the rarest, and let scoring sort out the rest.
    const rarest = [...exact].filter((t) => df.get(t)! > 0).sort((a, b) => df.get(a)! - df.get(b)!)[0];
    if (rarest) rare.push(rarest);
  }
  const retrieval = [...new Set([...rare, ...fuzzy, ...prefix])];
  const terms = new Map([...weights].map(([t, cws]) => [t, { concepts: cws, idf: stats.idf(t), postings: stats.postings(t) }]));
  return { concepts, terms, retrieval, fuzzy, prefix };
}

export function retrieve(index: MiniSearch<PassageDoc>, plan: QueryPlan): SearchResult[] {
  if (plan.retrieval.length === 0) return [];
  return index.search(
    { combineWith: "OR", queries: plan.retrieval },
    {
      // Terms are already processed: searching them as given keeps stems and acronyms intact.
      tokenize: (s) => [s],
      processTerm: (t) => t,
      fuzzy: (t) => (plan.fuzzy.has(t) ? 0.2 : false),
      prefix: (t) => plan.prefix.has(t),
      maxFuzzy: 2,
      boostTerm: (t) => Math.max(...(plan.terms.get(t)?.concepts ?? []).map((cw) => cw.weight), 1e-3),
    },
  );
}

/** Scores MiniSearch's candidates by concept, best first. */
export function rescore(
  results: readonly SearchResult[],
  plan: QueryPlan,
  stats: TermStats,
  passages: readonly Passage[],
  holdsAnswer: (text: string) => boolean,
): Candidate[] {
  const scored = results.slice(0, RANK_DEFAULTS.rescoreDepth).map((r) => scoreText(r, plan, stats, passages[r.id as number]!));
  scored.sort(byScore);
  return scored
    .map((s, i) => (i < RANK_DEFAULTS.contextDepth ? withContext(s, plan) : s))
    .map((s) => finish(s, holdsAnswer))
    .sort(byScore);
}

interface Scored extends Candidate {
  /** Best score per concept met. */
  best: Map<number, number>;
}

const byScore = (a: Candidate, b: Candidate) => b.score - a.score || a.passage.id - b.passage.id;

function scoreText(r: SearchResult, plan: QueryPlan, stats: TermStats, passage: Passage): Scored {
  const best = new Map<number, number>();
  const matched = new Set<string>();
  const credit = (term: string, cws: readonly ConceptWeight[], factor: number, idf = stats.idf(term)) => {
    matched.add(term);
    for (const { concept, weight, idfCap } of cws) {
      const score = Math.min(idf, idfCap) * weight * factor;
      if (score > (best.get(concept) ?? 0)) best.set(concept, score);
    }
  };
  const shortId = stats.shortIdOf(r.id);
  for (const [term, info] of plan.terms) if (shortId !== undefined && info.postings?.has(shortId)) credit(term, info.concepts, 1, info.idf);
  // Terms found by typo tolerance or prefix serve the question words that asked for them.
  const askers = r.queryTerms.filter((q) => plan.fuzzy.has(q) || plan.prefix.has(q));
  for (const term of r.terms) {
    if (plan.terms.has(term)) continue;
    askers.forEach((q) => credit(term, plan.terms.get(q)?.concepts ?? [], RANK_DEFAULTS.approximateWeight));
  }
  return { passage, best, matched, score: total(best, plan) };
}

/** Concepts the passage's own text lacks, met in its neighbouring sentences or its article's title. */
function withContext(s: Scored, plan: QueryPlan): Scored {
  if (s.best.size === plan.concepts.length) return s;
  const context = new Set(splitWords(passageContext(s.passage)).flatMap(termsOfWord));
  const best = new Map(s.best);
  for (const [term, info] of plan.terms) {
    if (!context.has(term)) continue;
    for (const { concept, weight, idfCap } of info.concepts) {
      const score = Math.min(info.idf, idfCap) * weight * RANK_DEFAULTS.contextWeight;
      if (!s.best.has(concept) && score > (best.get(concept) ?? 0)) best.set(concept, score);
    }
  }
  return { ...s, best, score: total(best, plan) };
}

function total(best: Map<number, number>, plan: QueryPlan): number {
  const coverage = best.size / plan.concepts.length;
  let sum = 0;
  best.forEach((v) => (sum += v));
  return sum * coverage * coverage;
}

/** The answer-type preference: a passage holding the kind of thing asked for ranks higher. */
function finish(s: Scored, holdsAnswer: (text: string) => boolean): Candidate {
  const typed = holdsAnswer(passageText(s.passage)) ? ANSWER_TYPE_BOOST : 1;
  return { passage: s.passage, matched: s.matched, score: s.score * typed };
}
