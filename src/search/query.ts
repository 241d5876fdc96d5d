/**
 * A question as a search engineer would run it: content words only, each expanded to its stems,
 * synonyms and acronym variants, kept together as one "concept" so that a passage is rewarded for
 * answering more of the question rather than for repeating one word.
 */
import { isAcronym, splitWords, termsOfWord } from "./terms";
import { acronymVariants, synonymsOf } from "./synonyms";

export interface Concept {
  /** The word as the user wrote it. */
  word: string;
  /** The word's own index terms. */
  terms: string[];
  /** Other spellings of the same name ("IS-K" for "ISIS-K", "ISKP"): nearly as good as the word itself. */
  variants: string[];
  /** Synonyms ("killed" for "died"), searched with a lower weight. */
  related: string[];
}

/** Beyond this many concepts a question is a paste, not a question; the rest is ignored. */
export const MAX_CONCEPTS = 24;

export function analyzeQuestion(question: string): Concept[] {
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const word of splitWords(question)) {
    const terms = withPlainForm(word, termsOfWord(word)).filter((t) => !seen.has(t));
    if (terms.length === 0) continue;
    terms.forEach((t) => seen.add(t));
    const acronym = isAcronym(word.replace(/\.$/, ""));
    const variants = new Set(acronym ? terms.flatMap(acronymVariants) : []);
    const related = new Set(terms.flatMap(synonymsOf));
    terms.forEach((t) => (variants.delete(t), related.delete(t)));
    variants.forEach((v) => related.delete(v));
    concepts.push({ word, terms, variants: [...variants], related: [...related] });
    if (concepts.length >= MAX_CONCEPTS) break;
  }
  return concepts;
}

/**
 * A user types acronyms in lowercase too ("isis"), which stems to a word ("isi") that never meets the
 * indexed acronym; the plain lowercase word is searched as well.
 */
function withPlainForm(word: string, terms: string[]): string[] {
  const plain = word.toLowerCase().replace(/[.\-']/g, "");
  return terms.length === 1 && /^\p{L}{2,6}$/u.test(plain) && !terms.includes(plain) ? [...terms, plain] : terms;
}
