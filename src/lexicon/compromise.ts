/**
 * compromise's lexicon: a plain word → tag map ("Demonym", "PastTense", "FirstName"…), read without
 * running its tagger (a few microseconds a word rather than milliseconds a sentence). One copy for
 * every reader: /ask's names, /compare's nouns and events.
 */
import nlp from "compromise";

type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | null = null;

/** The tags the lexicon gives a word, as written (its entries are lowercase). */
export function tagsOf(word: string): string[] {
  lexicon ??= (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  const tags = lexicon[word];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}
