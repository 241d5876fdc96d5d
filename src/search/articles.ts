/**
 * Which articles hold a word: /ask reads it to choose a word's senses by the articles of the question's
 * other words, and to count a question's name as met by every passage of an article that writes it.
 */
import type { TermStats } from "./stats";

/** Each passage's article as a number, by the index's internal passage number; prepared once per corpus. */
export interface ArticleNumbers {
  articleOf: Int32Array;
  articleCount: number;
}

/** The articles (marked by number) whose passages hold any of `terms`, or null past `budget` postings read. */
export function articlesHolding(stats: TermStats, { articleOf, articleCount }: ArticleNumbers, terms: readonly string[], budget: number): Uint8Array | null {
  const found = new Uint8Array(articleCount);
  let read = 0;
  for (const term of terms) {
    for (const shortId of stats.postings(term)?.keys() ?? []) {
      if (++read > budget) return null;
      found[articleOf[shortId]!] = 1;
    }
  }
  return found;
}
