/**
 * A question as a search engineer would run it: content words only, each expanded to its stems,
 * WordNet's other wordings and acronym variants, kept together as one "concept" so that a passage is
 * rewarded for answering more of the question rather than for repeating one word.
 */
import { isAcronym, splitWords, termsOfWord } from "./terms";
import { acronymVariants, synonymsOf } from "./synonyms";
import { inWordNet, relatedTerms, senseCounts, type Cooccurs, type MeaningTable } from "./meaning";
import { isStopWord } from "../text/analyze";
import { isEnglishWord } from "./entities";
import { verbForms } from "./inflection";

export interface Concept {
  /** The word as the user wrote it. */
  word: string;
  /** The word's own index terms. */
  terms: string[];
  /** Other spellings of the same name ("NLF-K" for "NLFK-K", "NLFKP") or forms of the same verb ("took" for "take"): nearly as good as the word itself. */
  variants: string[];
  /** Other wordings ("death" for "died", "Portuguese" for "Portugal"), searched with a lower weight. */
  related: string[];
  /** How much the word says: 1, less for a verb of many senses ("happen", "do", "take"). */
  weight: number;
  /** A name (capitalised inside the question, or unknown to WordNet): the question's most specific kind of word. */
  name: boolean;
  /** Where the word stands among the question's words: adjacent names are one name ("Arlo Venn"). */
  position: number;
}

export interface AnalyzeOptions {
  /** Reversed WordNet links over the corpus's words (src/search/meaning.ts). */
  table?: MeaningTable;
  /** Lowercased words that only say what kind of answer is wanted ("time" in "what time"): not searched. */
  cues?: ReadonlySet<string>;
  /** Given the question's other words' terms, whether a term occurs in a passage with one of them. */
  cooccurs?: (others: readonly string[]) => Cooccurs;
}

/** Beyond this many concepts a question is a paste, not a question; the rest is ignored. */
export const MAX_CONCEPTS = 24;

export function analyzeQuestion(question: string, options: AnalyzeOptions = {}): Concept[] {
  const words = splitWords(question).filter((w) => !options.cues?.has(w.toLowerCase()));
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  words.forEach((word, position) => {
    if (concepts.length >= MAX_CONCEPTS) return;
    const terms = withPlainForm(word, termsOfWord(word)).filter((t) => !seen.has(t));
    if (terms.length === 0) return;
    terms.forEach((t) => seen.add(t));
    const acronym = isAcronym(word.replace(/\.$/, ""));
    // Another spelling of the name, or another form of the verb ("took" for "take"): the same word.
    const variants = new Set(acronym ? terms.flatMap(acronymVariants) : verbForms(word).flatMap(termsOfWord));
    const context = new Set(words.filter((_, i) => i !== position).flatMap(termsOfWord));
    const related = new Set([...terms.flatMap(synonymsOf), ...(acronym ? [] : relatedOf(word, context, options))]);
    terms.forEach((t) => (variants.delete(t), related.delete(t)));
    variants.forEach((v) => related.delete(v));
    const name = acronym || isName(word, position);
    const noun = DETERMINERS.has(words[position - 1]?.toLowerCase() ?? "");
    concepts.push({ word, terms, variants: [...variants], related: [...related], weight: name || noun ? 1 : specificity(word), name, position });
  });
  return concepts;
}

const NAME_SHAPE = /^(?:\p{Lu}|\p{Ll}+[-'’]\p{Lu})?\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;

/** WordNet's other wordings of a word in a question's context, remembered per corpus (bounded): pure lookups, and a question is asked again for each page. */
const relatedMemo = new WeakMap<object, Map<string, string[]>>();
const RELATED_MEMO_LIMIT = 10_000;
const NO_TABLE = {};

function relatedOf(word: string, context: ReadonlySet<string>, options: AnalyzeOptions): string[] {
  const corpus = options.table ?? NO_TABLE;
  let perCorpus = relatedMemo.get(corpus);
  if (!perCorpus) relatedMemo.set(corpus, (perCorpus = new Map<string, string[]>()));
  const key = `${word}\0${[...context].sort().join(" ")}`;
  let related = perCorpus.get(key);
  if (!related) {
    related = relatedTerms(word, context, options.table, options.cooccurs?.([...context]));
    if (perCorpus.size >= RELATED_MEMO_LIMIT) perCorpus.clear();
    perCorpus.set(key, related);
  }
  return related;
}

/** Words after which the next is a noun, whatever else it could be ("the crash", "its attack"). */
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"]);

/**
 * A name: capitalised inside the question, or written in any case but unknown both to WordNet and to
 * compromise's lexicon of English words ("beslan"). A capitalised first word is a name only if WordNet
 * does not know it ("Sherpa" is an ordinary noun there, "Tarsk" is not).
 */
function isName(word: string, position: number): boolean {
  const bare = word.replace(/['’]s$/i, "");
  // Names are written "Beslan", "al-Nur", "O'Brien" or "FBI"; mixed tokens ("Bf", "x7") are noise.
  if (!NAME_SHAPE.test(bare) && !/^\p{Lu}{2,6}$/u.test(bare)) return false;
  if (/\p{Lu}/u.test(bare) && position > 0) return true; // "Beslan", "al-Nur"
  return bare.length >= 4 && !inWordNet(bare.toLowerCase()) && !isEnglishWord(bare.toLowerCase());
}

/** Senses a verb may have and still say something specific ("compare" has 4; "take" 44, "say" 11). */
const SPECIFIC_VERB_SENSES = 4;

/**
 * A verb of many senses ("do", "take", "happen") says little about what is asked: beyond a few senses its
 * weight falls with the log of its sense count, as idf falls with the log of a term's spread. Nouns,
 * adjectives and names keep their full weight; a word read more often as a verb than otherwise counts as a verb.
 */
function specificity(word: string): number {
  const lower = word.toLowerCase();
  if (isStopWord(lower)) return 1;
  const { verb, adverb, other } = senseCounts(lower);
  // An adverb only qualifies what is asked ("recently", "often"): a passage without it may still answer.
  if (adverb > 0 && verb === 0 && other === 0) return ADVERB_WEIGHT;
  return verb > other && verb > SPECIFIC_VERB_SENSES ? 1 / (1 + Math.log(verb / SPECIFIC_VERB_SENSES)) : 1;
}

/** What an adverb-only word weighs: half, as a qualifier of the thing asked rather than the thing. */
const ADVERB_WEIGHT = 0.5;

/**
 * A user types acronyms in lowercase too ("isis"), which stems to a word ("isi") that never meets the
 * indexed acronym; the plain lowercase word is searched as well.
 */
function withPlainForm(word: string, terms: string[]): string[] {
  const plain = word.toLowerCase().replace(/[.\-']/g, "");
  return terms.length === 1 && /^\p{L}{2,6}$/u.test(plain) && !terms.includes(plain) ? [...terms, plain] : terms;
}
