/**
 * `/source ID find:WORDS`: the sentences of one article that match the words, processed as `/ask`
 * processes a question (stems, synonyms, acronym variants), so "killed" finds "killing".
 */
import type { Article } from "../corpus/types";
import type { Highlight } from "../engine/answers";
import { analyzeQuestion } from "../search/query";
import { splitWords, termsOfWord } from "../search/terms";
import { highlight } from "../search/ask";

export interface Found {
  paragraph: number;
  start: number;
  end: number;
  heading: boolean;
  highlights: Highlight[];
}

export interface FindResult {
  /** The words searched for (stop words left out). */
  searchedTerms: string[];
  /** Matching sentences in article order; empty when none. */
  found: Found[];
}

/**
 * Sentences that meet the most of the query's words (all of them when some sentence does), so that
 * "mayor budget" quotes the sentences about both rather than every sentence naming one.
 */
export function findInArticle(article: Article, query: string): FindResult {
  const concepts = analyzeQuestion(query);
  const searchedTerms = concepts.map((c) => c.word);
  if (concepts.length === 0) return { searchedTerms, found: [] };
  const wanted = concepts.map((c) => ({ terms: new Set([...c.terms, ...c.variants, ...c.related]), surface: surface(c.word) }));
  const scored: { found: Found; met: number }[] = [];
  for (const p of article.paragraphs) {
    for (const s of p.sentences) {
      const met = new Set<number>();
      const matched = new Set<string>();
      for (const word of splitWords(s.text)) {
        const terms = termsOfWord(word);
        wanted.forEach((w, i) => {
          // The surface form catches what stemming reads differently: "isis" typed in lower case is an acronym in the text.
          if (!terms.some((t) => w.terms.has(t)) && surface(word) !== w.surface) return;
          met.add(i);
          terms.forEach((t) => matched.add(t));
        });
      }
      if (met.size === 0) continue;
      const found = { paragraph: p.number, start: s.start, end: s.end, heading: p.heading, highlights: highlight(s.text, matched) };
      scored.push({ found, met: met.size });
    }
  }
  const best = Math.max(0, ...scored.map((s) => s.met));
  return { searchedTerms, found: scored.filter((s) => s.met === best).map((s) => s.found) };
}

function surface(word: string): string {
  return word.toLowerCase().replace(/[.\-'’]/g, "");
}
