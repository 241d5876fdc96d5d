/**
 * The irregular forms of a verb ("took", "taken" for "take"; "went", "gone" for "go"), which Porter
 * stemming never joins: compromise's lexicon says which form a word is, and its conjugator (rules and an
 * irregular-verb table, no tagging) gives the others.
 */
import nlp from "compromise";
import { tagsOf } from "../lexicon/compromise";
import { memoizeByWord } from "../text/memo";

interface VerbMethods {
  toInfinitive(word: string, model: unknown, tense?: string): string;
  conjugate(infinitive: string, model: unknown): Record<string, string | undefined>;
}

let verbs: { methods: VerbMethods; model: unknown } | null = null;
function verbTools() {
  if (!verbs) {
    const methods = (nlp as unknown as { methods(): { two: { transform: { verb: VerbMethods } } } }).methods().two.transform.verb;
    verbs = { methods, model: nlp.model() };
  }
  return verbs;
}

const TENSES = ["PastTense", "Participle"] as const;
/** Forms that carry the meaning; "will take" is two words, and the infinitive is the word itself. */
const FORMS = ["Infinitive", "PastTense", "Participle", "PresentTense", "Gerund"] as const;

/**
 * The verb's base form and its other forms, when the lexicon knows the word as a verb; else []. Asked
 * several times per question word (its senses, its weight, its variants): remembered per word.
 */
export const verbForms = memoizeByWord((word) => Object.freeze(formsOf(word)) as string[], 20_000);

function formsOf(word: string): string[] {
  const { methods, model } = verbTools();
  const lower = word.toLowerCase();
  const tags = tagsOf(lower);
  let infinitive: string | undefined;
  if (tags.includes("Infinitive")) infinitive = lower;
  else {
    const tense = TENSES.find((t) => tags.includes(t));
    if (tense) infinitive = methods.toInfinitive(lower, model, tense);
  }
  if (!infinitive) return [];
  const conjugated = methods.conjugate(infinitive, model);
  // The conjugator must give the word back, or the infinitive it guessed is wrong ("say" → "sie").
  if (infinitive !== lower && !FORMS.some((f) => conjugated[f] === lower)) return [];
  return [...new Set(FORMS.map((f) => conjugated[f]).filter((f): f is string => Boolean(f) && !f!.includes(" ")))];
}
