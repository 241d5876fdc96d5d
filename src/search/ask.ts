/**
 * `/ask`: the passages that answer a question, best first, verbatim, attributed and highlighted,
 * without near-repeats and with a fair spread across articles.
 */
import type MiniSearch from "minisearch";
import type { AskAnswer, AskResult, ErrorAnswer, Highlight } from "../engine/answers";
import { passageText, type Passage } from "./passages";
import type { PassageDoc } from "./index";
import { analyzeQuestion } from "./query";
import { termsOfWord } from "./terms";
import { contentStems, tokenize } from "../text/analyze";
import { TermStats } from "./stats";
import { answerMatcher, answerTypeOf, namesIn } from "./answer-type";
import { planQuery, rescore, retrieve, type Candidate } from "./rank";

export const ASK_DEFAULTS = {
  /** Passages in an answer. */
  limit: 5,
  /** Longer questions are refused with a message rather than searched. */
  maxQuestionChars: 500,
  /** Score multiplier applied per passage already chosen from the same article (spread). */
  sameArticleDecay: 0.75,
  /** Stem overlap (Jaccard) above which two passages count as the same quote. */
  nearDuplicate: 0.6,
};

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
  const plan = planQuery(concepts, stats);
  const candidates = rescore(retrieve(index, plan), plan, stats, passages, answerMatcher(answerTypeOf(q), namesIn(q)));
  const results = choose(candidates).map(toResult);
  const suggestions = results.length ? [] : suggest(index, q);
  return { command: "ask", query: q, results, searchedTerms, suggestions };
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
    url: p.article.meta.url,
    paragraph: p.paragraph,
    quote,
    start: p.start,
    end: p.end,
    highlights: highlight(quote, c.matched),
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

function suggest(index: MiniSearch<PassageDoc>, question: string): string[] {
  const close = index
    .autoSuggest(question, { fuzzy: 0.3, prefix: true, combineWith: "OR" })
    .slice(0, 3)
    .map((s) => s.suggestion);
  const tips = ["Try other words for the same thing, or fewer words.", "Use /source to list the articles and their titles."];
  return close.length ? [`Words the articles do use: ${close.join("; ")}`, ...tips] : tips;
}
