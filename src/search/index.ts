/**
 * The MiniSearch index of passages. Its options are declared once here because a serialized index
 * must be reloaded with exactly the same ones.
 */
import MiniSearch, { type Options } from "minisearch";
import { splitWords, termsOfWord } from "./terms";
import { passageContext, passageText, type Passage } from "./passages";

export interface PassageDoc {
  id: number;
  text: string;
  context: string;
}

export const INDEX_OPTIONS: Options<PassageDoc> = {
  /** `text` is the quotable passage; `context` its neighbouring sentences, which only help to place it. */
  fields: ["text", "context"],
  /** Nothing stored: passages live in our own array, indexed by id. */
  storeFields: [],
  /** Keeps case so that acronyms ("IS-K", "U.S.") can be told from words by `termsOfWord`. */
  tokenize: (text) => splitWords(text),
  /** Stop words dropped, Porter2 stems, acronyms joined; one word may give several terms. */
  processTerm: (term) => {
    const terms = termsOfWord(term);
    return terms.length === 0 ? null : terms;
  },
};

export function buildIndex(passages: readonly Passage[]): MiniSearch<PassageDoc> {
  const index = new MiniSearch<PassageDoc>(INDEX_OPTIONS);
  index.addAll(passages.map((p) => ({ id: p.id, text: passageText(p), context: passageContext(p) })));
  return index;
}
