/**
 * `/ask`: the passages that answer a question, best first, verbatim, attributed and highlighted,
 * without near-repeats and with a fair spread across articles.
 */
import type MiniSearch from "minisearch";
import type { SearchResult } from "minisearch";
import type { AskAnswer, AskResult, ErrorAnswer, Highlight } from "../engine/answers";
import type { Passage, } from "./passages";
import { passageText } from "./passages";
import type { PassageDoc } from "./index";
import { analyzeQuestion, type Concept } from "./query";
import { splitWords, termsOfWord } from "./terms";
import { contentStems } from "../text/analyze";
import { TermStats } from "./stats";
import { ANSWER_TYPE_BOOST, answerTypeOf, hasAnswerType, namesIn, type AnswerType } from "./answer-type";

export const ASK_DEFAULTS = {
  /** Passages in an answer. */
  limit: 5,
  /** Longer questions are refused with a message rather than searched. */
  maxQuestionChars: 500,
  /** Weight of a synonym or variant match relative to the word itself. */
  relatedWeight: 0.45,
  /** Field weights: the quotable text counts most; its neighbours help to place it. */
  boost: { text: 2, context: 0.6 },
  /** Score multiplier applied per passage already chosen from the same article (spread). */
  sameArticleDecay: 0.75,
  /** Stem overlap (Jaccard) above which two passages count as the same quote. */
  nearDuplicate: 0.6,
  /** Typos are tolerated in words at least this long (short words fuzz into other words). */
  fuzzyMinLength: 5,
  /** Prefix matches only for words at least this long (they outrank exact ones on short terms). */
  prefixMinLength: 6,
  /** Weight of a match found only in a passage's context (its neighbours, its title). */
  contextWeight: 0.3,
  /** Weight of a typo-tolerant or prefix match relative to an exact one. */
  approximateWeight: 0.6,
  /** How many of MiniSearch's best candidates are rescored by concept. */
  rescoreDepth: 400,
};

interface Candidate {
  passage: Passage;
  score: number;
  matched: Set<string>;
}

export function ask(
  index: MiniSearch<PassageDoc>,
  passages: readonly Passage[],
  question: string,
  stats: TermStats = new TermStats(index, "text"),
): AskAnswer | ErrorAnswer {
  const q = question.trim();
  if (!q) return { command: "ask", error: "Ask a question, for example: /ask who claimed responsibility for the attack" };
  if (q.length > ASK_DEFAULTS.maxQuestionChars) {
    return { command: "ask", error: `Your question is ${q.length} characters long; keep it under ${ASK_DEFAULTS.maxQuestionChars} and ask about one thing.` };
  }
  const concepts = analyzeQuestion(q);
  const searchedTerms = concepts.map((c) => c.word);
  if (concepts.length === 0) {
    return { command: "ask", query: q, results: [], searchedTerms, suggestions: ["Your question has only common words; add the names, places or things you want to know about."] };
  }
  const wanted = { type: answerTypeOf(q), names: namesIn(q) };
  const candidates = rank(search(index, concepts), concepts, passages, stats, wanted);
  const chosen = choose(candidates);
  const results = chosen.map((c) => toResult(c));
  const suggestions = results.length ? [] : suggest(index, q);
  return { command: "ask", query: q, results, searchedTerms, suggestions };
}

function search(index: MiniSearch<PassageDoc>, concepts: readonly Concept[]): SearchResult[] {
  const weight = new Map<string, number>();
  for (const c of concepts) {
    c.related.forEach((t) => weight.set(t, Math.max(weight.get(t) ?? 0, ASK_DEFAULTS.relatedWeight)));
    c.terms.forEach((t) => weight.set(t, 1));
  }
  const terms = [...weight.keys()];
  return index.search({ combineWith: "OR", queries: terms }, {
    boost: ASK_DEFAULTS.boost,
    // Terms are already processed: searching them as given keeps stems and acronyms intact.
    tokenize: (s) => [s],
    processTerm: (t) => t,
    fuzzy: (t) => (t.length >= ASK_DEFAULTS.fuzzyMinLength && weight.get(t) === 1 ? 0.2 : false),
    prefix: (t) => t.length >= ASK_DEFAULTS.prefixMinLength && weight.get(t) === 1,
    maxFuzzy: 2,
    boostTerm: (t) => weight.get(t) ?? ASK_DEFAULTS.relatedWeight,
  });
}

/**
 * Rescores MiniSearch's candidates concept by concept: each concept counts once, by its best-matching
 * term (idf × the term's weight × the field's), so "deadly … killed … death" does not outweigh a passage
 * that meets every part of the question. Then a coordination factor (the share of concepts met, squared)
 * and the answer-type preference.
 */
function rank(
  results: readonly SearchResult[],
  concepts: readonly Concept[],
  passages: readonly Passage[],
  stats: TermStats,
  wanted: { type: AnswerType; names: string[] },
): Candidate[] {
  const weights = conceptWeights(concepts);
  const out: Candidate[] = [];
  for (const r of results.slice(0, ASK_DEFAULTS.rescoreDepth)) {
    const best = new Map<number, number>();
    const inText: string[] = [];
    for (const term of r.terms) {
      const fields = r.match[term] ?? [];
      if (fields.includes("text")) inText.push(term);
      const field = fields.includes("text") ? 1 : ASK_DEFAULTS.contextWeight;
      for (const { concept, weight } of weightsOf(term, r.queryTerms, weights)) {
        const score = stats.idf(term) * weight * field;
        if (score > (best.get(concept) ?? 0)) best.set(concept, score);
      }
    }
    if (inText.length === 0) continue;
    const passage = passages[r.id as number]!;
    const coverage = best.size / concepts.length;
    const typed = hasAnswerType(wanted.type, passageText(passage), wanted.names) ? ANSWER_TYPE_BOOST : 1;
    const sum = [...best.values()].reduce((a, b) => a + b, 0);
    out.push({ passage, score: sum * coverage * coverage * typed, matched: new Set(inText) });
  }
  return out.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
}

interface ConceptWeight {
  concept: number;
  weight: number;
}

/** For each query term, the concepts it stands for and at what weight (1 for the word, less for a synonym). */
function conceptWeights(concepts: readonly Concept[]): Map<string, ConceptWeight[]> {
  const map = new Map<string, ConceptWeight[]>();
  const add = (term: string, cw: ConceptWeight) => map.set(term, [...(map.get(term) ?? []), cw]);
  concepts.forEach((c, concept) => {
    c.terms.forEach((t) => add(t, { concept, weight: 1 }));
    c.related.forEach((t) => add(t, { concept, weight: ASK_DEFAULTS.relatedWeight }));
  });
  return map;
}

/**
 * The concepts a matched document term serves. A term matched by typo tolerance or prefix is not a query
 * term itself: it serves the query terms MiniSearch reports that did not match exactly, at a discount.
 */
function weightsOf(term: string, queryTerms: readonly string[], weights: Map<string, ConceptWeight[]>): ConceptWeight[] {
  const direct = weights.get(term);
  if (direct) return direct;
  return queryTerms
    .filter((q) => q !== term && q.length >= ASK_DEFAULTS.fuzzyMinLength)
    .flatMap((q) => (weights.get(q) ?? []).map((cw) => ({ concept: cw.concept, weight: cw.weight * ASK_DEFAULTS.approximateWeight })));
}

/** Greedy selection: best first, near-repeats dropped, each further pick from one article discounted. */
function choose(candidates: Candidate[]): Candidate[] {
  const pool = candidates.slice(0, ASK_DEFAULTS.limit * 8);
  const chosen: Candidate[] = [];
  const stems: Set<string>[] = [];
  const perArticle = new Map<string, number>();
  while (chosen.length < ASK_DEFAULTS.limit && pool.length > 0) {
    let best = -1;
    let bestScore = -Infinity;
    pool.forEach((c, i) => {
      const s = c.score * ASK_DEFAULTS.sameArticleDecay ** (perArticle.get(c.passage.article.id) ?? 0);
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    const [pick] = pool.splice(best, 1);
    const own = new Set(contentStems(passageText(pick!.passage)));
    if (stems.some((s) => jaccard(s, own) > ASK_DEFAULTS.nearDuplicate)) continue;
    chosen.push(pick!);
    stems.push(own);
    perArticle.set(pick!.passage.article.id, (perArticle.get(pick!.passage.article.id) ?? 0) + 1);
  }
  return chosen;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  a.forEach((t) => b.has(t) && both++);
  return both / (a.size + b.size - both || 1);
}

function toResult(c: Candidate): AskResult {
  const p = c.passage;
  const quote = passageText(p);
  return {
    articleId: p.article.id,
    title: p.article.meta.title,
    outlet: p.article.meta.outlet,
    date: p.article.meta.date,
    paragraph: p.paragraph,
    quote,
    start: p.start,
    end: p.end,
    highlights: highlight(quote, c.matched),
    score: Math.round(c.score * 1000) / 1000,
  };
}

/** Ranges of the words of `text` whose index terms are among the matched ones. */
export function highlight(text: string, matched: ReadonlySet<string>): Highlight[] {
  const out: Highlight[] = [];
  let from = 0;
  for (const word of splitWords(text)) {
    const at = text.indexOf(word, from);
    if (at < 0) continue;
    from = at + word.length;
    if (termsOfWord(word).some((t) => matched.has(t))) out.push({ start: at, end: at + word.replace(/\.$/, "").length });
  }
  return out;
}

function suggest(index: MiniSearch<PassageDoc>, question: string): string[] {
  const close = index
    .autoSuggest(question, { fuzzy: 0.3, prefix: true, combineWith: "OR" })
    .slice(0, 3)
    .map((s) => s.suggestion);
  const tips = ["Try other words for the same thing, or fewer words.", "Use /source to list the articles and their titles."];
  return close.length ? [`Words the articles do use: ${close.join("; ")}`, ...tips] : tips;
}
