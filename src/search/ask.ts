/**
 * `/ask`: the passages that answer a question, best first, verbatim, attributed and highlighted,
 * without near-repeats and with a fair spread across articles.
 */
import type { AskAnswer, AskResult, ErrorAnswer, Highlight } from "../engine/answers";
import { passageText, type Passage } from "./passages";
import type MiniSearch from "minisearch";
import type { PassageDoc } from "./index";
import { Retriever } from "./retrieval";
import { analyzeQuestion, type Concept } from "./query";
import type { Vocabulary } from "./vocabulary";
import { termsOfWord } from "./terms";
import { contentStems, tokenize } from "../text/analyze";
import { TermStats } from "./stats";
import { answerFinder, answerSpecOf, namesIn } from "./answer-type";
import { matchedTerms, nameInCorpus, planQuery, rescore, retrieve, type Candidate, type RankCorpus } from "./rank";
import type { MeaningTable } from "./meaning";
import { articlesHolding } from "./articles";
import { PassageContext } from "./context";

export const ASK_DEFAULTS = {
  /** Passages in an answer: five a page, so two pages. */
  limit: 10,
  /** Longer questions are refused with a message rather than searched. */
  maxQuestionChars: 500,
  /** Score multiplier applied per passage already chosen from the same article (spread). */
  sameArticleDecay: 0.75,
  /** Stem overlap (Jaccard) above which two passages count as the same quote. */
  nearDuplicate: 0.6,
};

/** What /ask reads of a corpus, prepared once per corpus (when the engine opens it), never per question. */
export interface AskCorpus extends RankCorpus {
  retriever: Retriever;
  table: MeaningTable;
  vocabulary: Vocabulary;
}

export function prepareAsk(index: MiniSearch<PassageDoc>, passages: readonly Passage[], table: MeaningTable, vocabulary: Vocabulary): AskCorpus {
  const stats = new TermStats(index, "text");
  const articleNumbers = new Map<string, number>();
  const articleOf = new Int32Array(stats.documentSlots).fill(-1);
  for (const p of passages) {
    const shortId = stats.shortIdOf(p.id);
    if (shortId === undefined) continue;
    let article = articleNumbers.get(p.article.id);
    if (article === undefined) articleNumbers.set(p.article.id, (article = articleNumbers.size));
    articleOf[shortId] = article;
  }
  return {
    passages,
    stats,
    retriever: new Retriever(index, "text"),
    table,
    vocabulary,
    articleOf,
    articleCount: articleNumbers.size,
    context: new PassageContext(passages, stats),
  };
}

export function ask(corpus: AskCorpus, question: string): AskAnswer | ErrorAnswer {
  const { stats, retriever, table, vocabulary } = corpus;
  const q = question.trim();
  if (!q) return { command: "ask", error: "Ask a question, for example: /ask who claimed responsibility for the attack" };
  if (q.length > ASK_DEFAULTS.maxQuestionChars) {
    return { command: "ask", error: `Your question is ${q.length} characters long; keep it under ${ASK_DEFAULTS.maxQuestionChars} and ask about one thing.` };
  }
  const spec = answerSpecOf(q);
  const concepts = analyzeQuestion(q, { table, cues: spec.cues, cooccurs: (others) => nearby(corpus, others) });
  const searchedTerms = concepts.map((c) => c.word);
  if (concepts.length === 0) {
    return { command: "ask", query: q, results: [], searchedTerms, suggestions: ["Your question has only common words; add the names, places or things you want to know about."] };
  }
  const plan = planQuery(concepts, stats, spec.type !== "any");
  const retrieved = retrieve(retriever, plan);
  // A name the corpus never writes (nor anything close to it) is a question the articles cannot answer.
  const absent = concepts.filter((c, i) => c.name && !nameInCorpus(plan, i) && !c.terms.some((t) => retrieved.queryTerms.has(t)));
  if (absent.length > 0) {
    const missing = absent.map((c) => c.word).join(", ");
    return { command: "ask", query: q, results: [], searchedTerms, suggestions: suggest(vocabulary, absent), notFound: `No article mentions ${missing}.` };
  }
  const findAnswers = answerFinder(spec, namesIn(q), new Set(concepts.flatMap((c) => c.terms)));
  const candidates = rescore(retrieved.results, plan, corpus, findAnswers);
  const results = choose(candidates).map((c) => toResult(c, matchedTerms(c, plan, stats)));
  const suggestions = results.length ? [] : suggest(vocabulary, concepts);
  return { command: "ask", query: q, results, searchedTerms, suggestions };
}

/** Most postings read to find the articles that hold a question's other words, or a term's articles. */
const NEARBY_BUDGET = 5_000;

/**
 * "Near the question's other words": in an article that holds one of them (a pronoun often stands for
 * the name a sentence away). Built on first use (most words never need it); beyond the budget every term
 * counts as near.
 */
function nearby(corpus: AskCorpus, others: readonly string[]): (term: string) => boolean {
  const { stats, articleOf } = corpus;
  // A question of one word has only the corpus itself to choose its senses by.
  if (others.length === 0) return (term) => stats.documentFrequency(term) > 0;
  let articles: Uint8Array | null | undefined;
  return (term) => {
    if (articles === undefined) articles = articlesHolding(stats, corpus, others, NEARBY_BUDGET);
    if (articles === null) return true;
    let seen = 0;
    for (const shortId of stats.postings(term)?.keys() ?? []) {
      if (++seen > NEARBY_BUDGET) return true;
      if (articles[articleOf[shortId]!]) return true;
    }
    return false;
  };
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

function toResult(c: Candidate, matched: ReadonlySet<string>): AskResult {
  const p = c.passage;
  const quote = passageText(p);
  return {
    articleId: p.article.id,
    title: p.article.meta.title,
    outlet: p.article.meta.outlet,
    date: p.article.meta.date,
    url: p.article.meta.url,
    paragraph: p.paragraph,
    quote,
    start: p.start,
    end: p.end,
    highlights: highlight(quote, matched),
    score: Math.round(c.score * 1000) / 1000,
  };
}

/**
 * Ranges of the words of `text` whose index terms are among the matched ones. The shared tokenizer gives
 * the offsets; each word is analysed in its own case, as the index analysed it.
 */
export function highlight(text: string, matched: ReadonlySet<string>): Highlight[] {
  const out: Highlight[] = [];
  for (const { start, end } of tokenize(text)) {
    if (termsOfWord(text.slice(start, end)).some((t) => matched.has(t))) out.push({ start, end });
  }
  return out;
}

/** Words spelled like each missing one offered, and in all. */
const CLOSE_PER_WORD = 3;
const CLOSE_MAX = 5;
const HEADLINES_SHOWN = 3;

/**
 * What to try instead: words the articles write (as written, never index stems) that are spelled like the
 * missing ones, and some of the articles' headlines.
 */
function suggest(vocabulary: Vocabulary, missing: readonly Concept[]): string[] {
  const close = new Set<string>();
  for (const { word, name } of missing) {
    for (const form of vocabulary.spelledLike(word, CLOSE_PER_WORD, name)) close.add(form);
  }
  const titles = vocabulary.headlines.slice(0, HEADLINES_SHOWN).map((h) => h.title);
  return [
    ...(close.size ? [`Words the articles do use: ${[...close].slice(0, CLOSE_MAX).join(", ")}`] : []),
    ...(titles.length ? [`Some headlines: ${titles.map((t) => `“${t}”`).join("; ")}`] : []),
    "Try other words for the same thing, or use /source to list the articles.",
  ];
}
