/**
 * The MiniSearch index of passages. Its options are declared once here because a serialized index
 * must be reloaded with exactly the same ones.
 */
import MiniSearch, { type Options } from "minisearch";
import { splitWords, termsOfWord } from "./terms";
import { passageText, type Passage } from "./passages";

export interface PassageDoc {
  id: number;
  text: string;
}

export const INDEX_OPTIONS: Options<PassageDoc> = {
  /**
   * Only the quotable text. A passage's context (its neighbours, its headline) is looked at when candidates
   * are ranked, through the neighbours' own postings (src/search/context.ts); indexing it too would
   * triple the index for a tie-breaker.
   */
  fields: ["text"],
  /** Nothing stored: passages live in our own array, indexed by id. */
  storeFields: [],
  /** Keeps case so that acronyms ("NLF-K", "U.S.") can be told from words by `termsOfWord`. */
  tokenize: (text) => splitWords(text),
  /** Stop words dropped, Porter2 stems, acronyms joined; one word may give several terms. */
  processTerm: (term) => {
    const terms = termsOfWord(term);
    return terms.length === 0 ? null : terms;
  },
};

/** Passages added between two progress reports. */
const PROGRESS_CHUNK = 5000;

export function buildIndex(passages: readonly Passage[], onProgress?: (done: number, total: number) => void): MiniSearch<PassageDoc> {
  const index = new MiniSearch<PassageDoc>(INDEX_OPTIONS);
  for (let from = 0; from < passages.length; from += PROGRESS_CHUNK) {
    const chunk = passages.slice(from, from + PROGRESS_CHUNK);
    index.addAll(chunk.map((p) => ({ id: p.id, text: passageText(p) })));
    onProgress?.(from + chunk.length, passages.length);
  }
  return index;
}
