/**
 * Two-stage ranking for /ask. MiniSearch retrieves candidates with the question's rarer terms (a word
 * in one passage in a hundred or fewer); then every candidate is scored concept by concept, each concept by
 * its best term (Lucene's dis_max: synonyms do not add up), common terms checked by posting lookup, the
 * passage's context (its article's headline and neighbouring sentences, and for the question's names its
 * whole article) consulted for what its own text lacks, and a coordination factor applied; the question's
 * adjacent words found near each other add a proximity share. The kind of answer the question wants counts as one more
 * thing to meet; a passage without the question's most specific name ranks below every one with it.
 */
import { articlesHolding, type ArticleNumbers } from "./articles";
import type { Hit, Retrieved, Retriever } from "./retrieval";
import { passageText, type Passage } from "./passages";
import { heldByAny, type PassageContext } from "./context";
import { namesPlace } from "./entities";
import type { Concept } from "./query";
import type { TermStats } from "./stats";
import { termsOfWord } from "./terms";
import { wordMatches } from "../text/analyze";
import type { AnswerFinder } from "./answer-type";

export const RANK_DEFAULTS = {
  /** Weight of another spelling of the same name ("NLF-K" for "NLFK-K") relative to the word itself. */
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
  /** The best candidates whose context is consulted (and whose next passage is considered too). */
  contextDepth: 50,
  /** Below this share of passages a name is specific enough that passages lacking it rank after those with it. */
  keyMaxShare: 0.5,
};

export interface Candidate {
  passage: Passage;
  score: number;
  /** What retrieval found in the passage (`matchedTerms` reads the question's terms in it, for highlighting). */
  hit: Hit;
  /**
   * Words in the shortest stretch of the passage holding every concept it meets (and an answer of the
   * kind asked for, when it holds one): between passages that score the same, the one that says it in
   * fewer words says it more directly. Infinity when not measured.
   */
  window: number;
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
  term: string;
  concepts: ConceptWeight[];
  idf: number;
  postings: ReadonlyMap<number, number> | undefined;
}

export interface QueryPlan {
  concepts: readonly Concept[];
  /** Each query term, with the concepts it stands for (and at what weight), its idf and postings. */
  terms: Map<string, TermInfo>;
  /** The same, as a list: scoring walks it for thousands of candidates, and a map's iterator allocates per entry. */
  termList: readonly TermInfo[];
  /** The terms MiniSearch retrieves with. */
  retrieval: string[];
  /** Terms searched with typo tolerance / as prefixes. */
  fuzzy: Set<string>;
  prefix: Set<string>;
  /** The most specific name of the question, by concept number: passages lacking it rank last. */
  key: number | undefined;
  /** What meeting the kind of answer asked for adds to a score: the mean of the concepts' best scores. */
  answerWeight: number;
  /** Its share in the coordination factor: the mean concept weight, or 0 when no kind of answer is asked for. */
  answerShare: number;
  /** The concepts' weights summed: the whole question, without the answer. */
  fullShare: number;
  /** What each concept scores when its own word is in the passage: the measure of how well a synonym meets it. */
  conceptMax: number[];
}

/** `typed`: the question asks for a kind of answer (a number, a time, a person…). */
export function planQuery(concepts: readonly Concept[], stats: TermStats, typed = false): QueryPlan {
  const weights = new Map<string, ConceptWeight[]>();
  const add = (term: string, cw: ConceptWeight) => weights.set(term, [...(weights.get(term) ?? []), cw]);
  const typedIdf = concepts.map((c) => wordIdf(c, stats));
  concepts.forEach((c, concept) => {
    c.terms.forEach((t) => add(t, { concept, weight: c.weight, idfCap: Infinity }));
    c.variants.forEach((t) => add(t, { concept, weight: c.weight * RANK_DEFAULTS.variantWeight, idfCap: Infinity }));
    c.related.forEach((t) => add(t, { concept, weight: c.weight * RANK_DEFAULTS.relatedWeight, idfCap: typedIdf[concept]! }));
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
  const terms = new Map([...weights].map(([term, cws]) => [term, { term, concepts: cws, idf: stats.idf(term), postings: stats.postings(term) }]));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
  const conceptMax = concepts.map((c, i) => c.weight * typedIdf[i]!);
  const answerWeight = typed ? mean(conceptMax) : 0;
  const answerShare = typed ? mean(concepts.map((c) => c.weight)) : 0;
  const fullShare = concepts.reduce((a, c) => a + c.weight, 0);
  return { concepts, terms, termList: [...terms.values()], retrieval, fuzzy, prefix, key: keyConcept(concepts, df, stats.documentCount), answerWeight, answerShare, fullShare, conceptMax };
}

/**
 * The idf of the word as typed, over the forms the corpus writes: a form it never writes ("people" kept
 * whole beside its stem, a word no article uses) has the highest idf of all and would make the concept's
 * full score unreachable. When the corpus writes no form of the word, the rarest of its other
 * spellings and wordings stands in for it; when it writes none of those either, nothing meets the concept.
 */
function wordIdf(c: Concept, stats: TermStats): number {
  const written = (terms: readonly string[]) => terms.filter((t) => stats.documentFrequency(t) > 0).map((t) => stats.idf(t));
  const own = written(c.terms);
  const stand = own.length ? own : written([...c.variants, ...c.related]);
  return stand.length ? Math.max(...stand) : 0;
}

/** The rarest name of the question that the corpus has, when it is in less than `keyMaxShare` of the passages. */
function keyConcept(concepts: readonly Concept[], df: ReadonlyMap<string, number>, documents: number): number | undefined {
  let key: number | undefined;
  let keyDf = Infinity;
  concepts.forEach((c, i) => {
    if (!c.name) return;
    // A name's related words are its other names and adjectives ("Portugal": "Portuguese", "PT").
    const present = [...c.terms, ...c.variants, ...c.related].map((t) => df.get(t) ?? 0).filter((n) => n > 0);
    if (present.length === 0) return;
    const spread = Math.max(...present);
    if (spread < keyDf && spread <= RANK_DEFAULTS.keyMaxShare * documents) [key, keyDf] = [i, spread];
  });
  return key;
}

/**
 * Whether the corpus writes the name of a concept: its word, another spelling, or a related word that is
 * a form of it ("Portuguese" for "Portugal": the same first four letters). A WordNet synonym that is an
 * ordinary word ("base" for "al-Nur") does not say the articles mention the name.
 */
export function nameInCorpus(plan: QueryPlan, concept: number): boolean {
  const c = plan.concepts[concept]!;
  const forms = [...c.terms, ...c.variants, ...c.related.filter((r) => c.terms.some((t) => t.length >= 4 && r.startsWith(t.slice(0, 4))))];
  return forms.some((t) => (plan.terms.get(t)?.postings?.size ?? 0) > 0);
}

/** MiniSearch's search with the retrieval terms (src/search/retrieval.ts), its best `rescoreDepth` results. */
export function retrieve(retriever: Retriever, plan: QueryPlan): Retrieved {
  if (plan.retrieval.length === 0) return { results: [], queryTerms: new Set() };
  return retriever.search(
    plan.retrieval,
    {
      fuzzy: (t) => (plan.fuzzy.has(t) ? 0.2 : false),
      prefix: (t) => plan.prefix.has(t),
      maxFuzzy: 2,
      boostTerm: (t) => Math.max(...(plan.terms.get(t)?.concepts ?? []).map((cw) => cw.weight), 1e-3),
    },
    RANK_DEFAULTS.rescoreDepth,
  );
}

/** What ranking reads of a corpus, prepared once per corpus (see `prepareAsk`). */
export interface RankCorpus extends ArticleNumbers {
  passages: readonly Passage[];
  stats: TermStats;
  context: PassageContext;
}

/** Scores MiniSearch's candidates by concept, best first. */
export function rescore(results: readonly Hit[], plan: QueryPlan, corpus: RankCorpus, findAnswers: AnswerFinder | null): Candidate[] {
  const { passages, stats, context } = corpus;
  const scored = results.slice(0, RANK_DEFAULTS.rescoreDepth).map((r) => scoreText(r, plan, stats, passages[r.id as number]!));
  scored.sort(byScore);
  const top = scored.slice(0, RANK_DEFAULTS.contextDepth);
  const rest = scored.slice(RANK_DEFAULTS.contextDepth);
  // The passage after a good one may answer with "he", its names in the sentence before: consider it too.
  const seen = new Set(scored.map((s) => s.passage.id));
  const next = top
    .map((s) => passages[s.passage.id + 1])
    .filter((p): p is Passage => p !== undefined && p.article === passages[p.id - 1]!.article && !seen.has(p.id))
    .map((p) => (seen.add(p.id), scoreText(bare(p.id), plan, stats, p)));
  // The answer check reads each passage's names: only the candidates that can reach the answer are checked.
  const named = articlesNaming(plan, stats, corpus);
  const articleOf = (s: Scored) => corpus.articleOf[stats.shortIdOf(s.passage.id)!]!;
  return [...[...top, ...next].map((s) => finish(withContext(s, plan, context, named, articleOf(s)), plan, findAnswers)), ...rest.map((s) => finish(s, plan, null))].sort(byScore);
}

/** Most postings read to find the articles that write a name of the question. */
const ARTICLE_NAME_BUDGET = 20_000;

/**
 * For each name of the question, the articles that write it (within the budget; a name too common to
 * list is left out). A name in a question says which story is meant, and an article tells one story:
 * its passages about "the plane" answer a question about the named flight.
 */
function articlesNaming(plan: QueryPlan, stats: TermStats, numbers: ArticleNumbers): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  plan.concepts.forEach((c, concept) => {
    const articles = c.name ? articlesHolding(stats, numbers, [...c.terms, ...c.variants], ARTICLE_NAME_BUDGET) : null;
    if (articles) out.set(concept, articles);
  });
  return out;
}

/** A candidate MiniSearch did not return, scored by posting lookups alone. */
function bare(id: number): Hit {
  return { id, score: 0, terms: [], queryTerms: [] };
}

interface Scored {
  passage: Passage;
  hit: Hit;
  score: number;
  /** Best score per concept met, by concept number; 0 for a concept not met (a met one scores above 0). */
  best: number[];
}

/** Best score first; scores equal but for rounding are told apart by their window, then by position. */
const byScore = (a: Pick<Candidate, "score" | "passage"> & Partial<Candidate>, b: Pick<Candidate, "score" | "passage"> & Partial<Candidate>) => {
  const tie = Math.abs(a.score - b.score) <= SAME_SCORE * Math.max(a.score, b.score);
  return (tie ? 0 : b.score - a.score) || (a.window ?? Infinity) - (b.window ?? Infinity) || a.passage.id - b.passage.id;
};
const SAME_SCORE = 1e-9;

// Scoring runs for thousands of candidates a question: its helpers are plain functions, not closures
// made per candidate, and it keeps per candidate only an array of concept scores (a question's thousands
// of maps and sets were garbage enough to make the collector pause inside questions).
function scoreText(hit: Hit, plan: QueryPlan, stats: TermStats, passage: Passage): Scored {
  const best: number[] = new Array<number>(plan.concepts.length).fill(0);
  readMatches(hit, plan, stats, best, null);
  return { passage, hit, best, score: total(best, plan, false) };
}

/**
 * The question terms the passage holds: each credited to the concepts it stands for (into `best`) and
 * listed (into `matched`). Terms found by typo tolerance or prefix serve the question words that asked for
 * them, never more than those words: a rare compound ("flood-hit" for "flood") is not a better match than the word.
 */
function readMatches(hit: Hit, plan: QueryPlan, stats: TermStats, best: number[] | null, matched: Set<string> | null): void {
  const shortId = stats.shortIdOf(hit.id);
  if (shortId !== undefined) {
    for (const info of plan.termList) {
      if (!info.postings?.has(shortId)) continue;
      if (best) credit(best, info.concepts, 1, info.idf);
      matched?.add(info.term);
    }
  }
  for (const term of hit.terms) {
    if (plan.terms.has(term)) continue;
    for (const q of hit.queryTerms) {
      const asker = plan.fuzzy.has(q) || plan.prefix.has(q) ? plan.terms.get(q) : undefined;
      if (!asker) continue;
      if (best) credit(best, asker.concepts, RANK_DEFAULTS.approximateWeight, Math.min(stats.idf(term), asker.idf));
      matched?.add(term);
    }
  }
}

/** A term met in a passage: each concept it stands for keeps its best score. */
function credit(best: number[], cws: readonly ConceptWeight[], factor: number, idf: number): void {
  for (const { concept, weight, idfCap } of cws) {
    const score = Math.min(idf, idfCap) * weight * factor;
    if (score > best[concept]!) best[concept] = score;
  }
}

/** The question's index terms found in a candidate's text, for highlighting (read for the few shown, not for every candidate). */
export function matchedTerms(c: Candidate, plan: QueryPlan, stats: TermStats): Set<string> {
  const matched = new Set<string>();
  readMatches(c.hit, plan, stats, null, matched);
  return matched;
}

/**
 * Concepts the passage's own text lacks, met in its neighbouring sentences or its article's title, and
 * the question's names its article writes elsewhere (`named`).
 */
function withContext(s: Scored, plan: QueryPlan, context: PassageContext, named: ReadonlyMap<number, Uint8Array>, article: number): Scored {
  if (s.best.every((v) => v > 0)) return s;
  const around = context.around(s.passage);
  const title = context.title(s.passage);
  const best = [...s.best];
  // Context only fills in concepts the passage's own text lacks.
  const credit = (concept: number, score: number) => {
    if (s.best[concept] === 0 && score > best[concept]!) best[concept] = score;
  };
  for (const info of plan.termList) {
    if (!heldByAny(info.postings, around) && !title?.has(info.term)) continue;
    for (const { concept, weight, idfCap } of info.concepts) credit(concept, Math.min(info.idf, idfCap) * weight * RANK_DEFAULTS.contextWeight);
  }
  named.forEach((articles, concept) => articles[article] && credit(concept, plan.conceptMax[concept]! * RANK_DEFAULTS.contextWeight));
  // "He likened…": a personal pronoun stands for the name the sentences before it give, as if written.
  if (PERSONAL_PRONOUN.test(passageText(s.passage))) {
    const before = context.before(s.passage);
    plan.concepts.forEach((c, concept) => {
      if (c.name && s.best[concept] === 0 && !namesPlace(c.word) && c.terms.some((t) => heldByAny(plan.terms.get(t)?.postings, before))) {
        best[concept] = plan.conceptMax[concept]!;
      }
    });
  }
  return { ...s, best, score: total(best, plan, false) };
}

/** A third-person singular personal pronoun: the passage speaks of a person named before it. */
const PERSONAL_PRONOUN = /\b(?:he|she|him|his|her)\b/i;

/**
 * The concepts' scores summed, times the squared share of the question met (a coordination factor).
 * Each concept counts for its weight in that share, so a missing "happen" costs less than a missing
 * name; the kind of answer asked for, when the question asks for one, counts as one more concept of
 * average weight.
 */
function total(best: readonly number[], plan: QueryPlan, answered: boolean): number {
  let sum = answered ? plan.answerWeight : 0;
  let met = answered ? plan.answerShare : 0;
  // A concept met by a synonym or only in the context counts for that share of it.
  for (let concept = 0; concept < best.length; concept++) {
    const v = best[concept]!;
    if (v === 0) continue;
    sum += v;
    met += plan.concepts[concept]!.weight * Math.min(1, v / plan.conceptMax[concept]!);
  }
  const coverage = met / (plan.fullShare + plan.answerShare || 1);
  return sum * coverage * coverage;
}

/**
 * The answer slot and the key name: a passage holding the kind of thing asked for ranks higher, one lacking
 * the key name last. `findAnswers` is given for the candidates that can reach the top, whose window is measured.
 */
function finish(s: Scored, plan: QueryPlan, findAnswers: AnswerFinder | null): Candidate {
  // A sentence is a few hundred characters; a passage of a megabyte (a page with no full stops) is read
  // only as far as a sentence could go, so that one question over it stays fast.
  const text = findAnswers ? passageText(s.passage).slice(0, ANSWER_READ_CHARS) : "";
  const answers = findAnswers ? findAnswers(text) : [];
  const marks = findAnswers ? conceptMarks(text, plan, answers) : [];
  const near = findAnswers ? 1 + PROXIMITY_SHARE * nearPairs(marks, plan) : 1;
  const typed = total(s.best, plan, answers.length > 0) * near;
  const keyed = plan.key === undefined || s.best[plan.key]! > 0;
  const window = findAnswers ? windowOf(marks) : Infinity;
  return { passage: s.passage, hit: s.hit, score: keyed ? typed : typed * KEYLESS, window };
}

/**
 * Term proximity as in the sequential dependence model (Metzler and Croft, 2005): besides each word, a
 * passage is credited for holding the question's adjacent words near each other (within an unordered
 * window of 8 words), "the killer's family" rather than a family and, a sentence later, a killer. The
 * model's published weights give single words 0.85 and word pairs 0.15 (0.10 + 0.05) of the score.
 */
const PROXIMITY_SHARE = 0.15 / 0.85;
const PROXIMITY_WINDOW = 8;

/** Of the question's adjacent concept pairs the passage holds both of, the share found within the proximity window. */
export function nearPairs(marks: readonly Mark[], plan: QueryPlan): number {
  const at = new Map<number, number[]>();
  for (const m of marks) {
    if (m.label < 0) continue;
    const list = at.get(m.label);
    if (list) list.push(m.at);
    else at.set(m.label, [m.at]);
  }
  let pairs = 0;
  let near = 0;
  for (let c = 0; c + 1 < plan.concepts.length; c++) {
    const a = at.get(c);
    const b = at.get(c + 1);
    // A pair with a word the passage lacks is not judged here: the coordination factor already counts it.
    if (!a || !b) continue;
    pairs++;
    if (closest(a, b) < PROXIMITY_WINDOW) near++;
  }
  return pairs ? near / pairs : 0;
}

/** The smallest distance between a position of one list and one of the other (both ascending): a linear merge. */
function closest(a: readonly number[], b: readonly number[]): number {
  let best = Infinity;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    best = Math.min(best, Math.abs(a[i]! - b[j]!));
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return best;
}

/** Whether marks from `from` on already hold `label` (a word's few marks: no copy of the list). */
function markedAt(marks: readonly Mark[], from: number, label: number): boolean {
  for (let k = from; k < marks.length; k++) if (marks[k]!.label === label) return true;
  return false;
}

export interface Mark {
  /** Word number in the passage. */
  at: number;
  /** The concept met there, or ANSWER. */
  label: number;
}
const ANSWER = -1;

/** Where in the passage each concept, and each answer, stands, in word order. */
export function conceptMarks(text: string, plan: QueryPlan, answers: readonly number[]): Mark[] {
  const marks: Mark[] = [];
  const starts = answers.length > 1 ? [...answers].sort((a, b) => a - b) : answers;
  let next = 0;
  let at = 0;
  for (const m of wordMatches(text)) {
    const end = m.index + m[0].length;
    for (; next < starts.length && starts[next]! < end; next++) marks.push({ at, label: ANSWER });
    const first = marks.length;
    for (const term of termsOfWord(m[0])) {
      for (const { concept } of plan.terms.get(term)?.concepts ?? []) {
        // A word's terms may stand for one concept twice ("U.S." and "us"): one mark each.
        if (!markedAt(marks, first, concept)) marks.push({ at, label: concept });
      }
    }
    at++;
  }
  return marks;
}

/**
 * The fewest consecutive words of `text` that hold one word of each question concept the text has, and
 * an answer when there is one (a sliding window over the marked words: linear in the text).
 */
export function windowOf(marks: readonly Mark[]): number {
  const labels = new Set(marks.map((m) => m.label)).size;
  if (labels === 0) return Infinity;
  const inWindow = new Map<number, number>();
  let best = Infinity;
  for (let left = 0, right = 0; right < marks.length; right++) {
    inWindow.set(marks[right]!.label, (inWindow.get(marks[right]!.label) ?? 0) + 1);
    while (inWindow.size === labels) {
      best = Math.min(best, marks[right]!.at - marks[left]!.at + 1);
      const label = marks[left++]!.label;
      const n = inWindow.get(label)! - 1;
      if (n === 0) inWindow.delete(label);
      else inWindow.set(label, n);
    }
  }
  return best;
}

/** How much of a passage the answer finders and the window read. */
const ANSWER_READ_CHARS = 2_000;

/** Scales a passage without the key name below any with it (scores are sums of a few idfs, well above this ratio). */
const KEYLESS = 1e-6;
