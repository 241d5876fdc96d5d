/**
 * Meaning from WordNet: the other words an article may use for a question's word. Synonyms (the
 * lemmas of the word's synset), derivations ("terrorists" → terrorism, "died" → death), pertainyms
 * ("Portuguese" → Portugal) and causes ("killed" → die), each from the senses the question means: a
 * simplified Lesk picks the senses whose gloss and lemmas share words with the rest of the question,
 * and falls back on the most frequent sense of each part of speech.
 *
 * WordNet's pertainyms point one way only (adjective → noun), so "Portugal" cannot reach "Portuguese" by
 * itself: `buildMeaningTable` reverses them over the corpus's own adjectives once, at index time, and
 * the table is cached with the index.
 */
import { POINTER, wordNet, type Pos, type Synset } from "../lexicon/wordnet";
import { contentStems, isStopWord } from "../text/analyze";
import { termsOfWord } from "./terms";
import { isValueWord } from "./entities";
import { verbForms } from "./inflection";

const PARTS_OF_SPEECH: readonly Pos[] = ["n", "v", "a", "r"];
/** Pointers that lead to another wording of the same thing, and to the words they carry. */
const LEXICAL_LINKS: readonly string[] = [POINTER.derivation, POINTER.pertainym];
/** An adjective's opposite and the attribute both measure ("fast": "slow", "speed"). */
const ADJECTIVE_POLES: readonly string[] = [POINTER.antonym, POINTER.attribute];
/** "kill" causes "die": a report of killings answers a question about deaths. */
const CAUSE = ">";

/** Stems of an adjective's pertainym nouns reversed: noun stem → adjective stems the corpus uses. */
export type MeaningTable = Record<string, string[]>;

interface Reading {
  synset: Synset;
  lemma: string;
  /** Position among the word's senses of that part of speech, 0 for the most frequent. */
  rank: number;
}

/**
 * Senses read per lemma and part of speech. WordNet orders senses by frequency; past the eighth they are
 * rare readings ("take" has 44) that cost a read each and seldom are what a question means.
 */
const MAX_SENSES = 8;

/** Every sense of a word over the parts of speech, with the lemma it was found under. */
function readings(word: string): Reading[] {
  const wn = wordNet();
  const out: Reading[] = [];
  const forms = baseForms(word);
  for (const pos of PARTS_OF_SPEECH) {
    for (const lemma of forms.flatMap((form) => wn.lemmas(form, pos))) {
      wn.offsets(lemma, pos)
        .slice(0, MAX_SENSES)
        .forEach((offset, rank) => out.push({ synset: wn.synset(offset, pos), lemma, rank }));
    }
  }
  return out;
}

/** The word and what morphy's rules miss: "deadliest" → deadly, an -ly adjective's base (deadly → dead), an irregular verb's infinitive (took → take). */
function baseForms(word: string): string[] {
  const forms = [word, ...Y_FORMS.filter(([re]) => re.test(word)).map(([re, by]) => word.replace(re, by)), ...verbForms(word).slice(0, 1)];
  const ly = forms.find((f) => f.endsWith("ly") && f.length > 5);
  if (ly) forms.push(ly.slice(0, -2));
  return [...new Set(forms)];
}

/** English adjectives compared irregularly ("as bad as" is answered by "the worst"). */
const IRREGULAR_COMPARISON: Readonly<Record<string, readonly string[]>> = {
  good: ["better", "best"],
  well: ["better", "best"],
  bad: ["worse", "worst"],
  far: ["farther", "farthest", "further", "furthest"],
  many: ["more", "most"],
  much: ["more", "most"],
  little: ["less", "least"],
};

/** How many senses a word has as a verb, as an adverb and as a noun or adjective: a verb of many senses says little. */
export function senseCounts(word: string): { verb: number; adverb: number; other: number } {
  const wn = wordNet();
  // An irregular form counts as its verb ("taken" has take's senses, which morphy's rules alone miss).
  const count = (pos: Pos) => {
    const lemmas = new Set([word, ...verbForms(word).slice(0, 1)].flatMap((form) => wn.lemmas(form, pos)));
    return [...lemmas].reduce((n, lemma) => n + wn.offsets(lemma, pos).length, 0);
  };
  return { verb: count("v"), adverb: count("r"), other: count("n") + count("a") };
}

/** Inflections morphy's rules miss without its exception lists: "deadliest" → deadly, "angrily" → angry. */
const Y_FORMS: ReadonlyArray<[RegExp, string]> = [[/iest$/, "y"], [/ier$/, "y"], [/ily$/, "y"], [/ly$/, ""]];

/** Whether WordNet knows the word at all (a name it lacks is specific to the corpus). */
export function inWordNet(word: string): boolean {
  const wn = wordNet();
  return baseForms(word).some((form) => PARTS_OF_SPEECH.some((pos) => wn.lemmas(form, pos).length > 0));
}

/** Whether an index term occurs in some passage together with the question's other words. */
export type Cooccurs = (term: string) => boolean;

/**
 * Simplified Lesk: the senses whose gloss, lemmas and hypernyms' lemmas share the most stems with the
 * question's other words. With no overlap, the most frequent sense of each part of speech, and the
 * senses whose other wordings the corpus writes beside the question's other words ("likened" beside
 * the name the question asks about picks the "liken" sense of "compare").
 */
function chooseSenses(all: readonly Reading[], context: ReadonlySet<string>, cooccurs?: Cooccurs): Reading[] {
  if (context.size > 0) {
    const overlaps = all.map((r) => overlap(signature(r.synset), context));
    const best = Math.max(0, ...overlaps);
    if (best > 0) return all.filter((_, i) => overlaps[i] === best);
  }
  return all.filter((r) => r.rank === 0 || (cooccurs !== undefined && otherWordings(r).some(cooccurs)));
}

/** Index terms of a sense's other lemmas and derivations (single words only). */
function otherWordings(r: Reading): string[] {
  const words = [...r.synset.words, ...linkedWords(r.synset, r.lemma, LEXICAL_LINKS)].filter((w) => w !== r.lemma && !w.includes(" "));
  const own = new Set(termsOfWord(r.lemma));
  return words.flatMap((w) => termsOfWord(w)).filter((t) => !own.has(t));
}

const signatures = new Map<string, Set<string>>();
function signature(s: Synset): Set<string> {
  const key = `${s.pos}${s.offset}`;
  let sig = signatures.get(key);
  if (!sig) {
    const hypernyms = wordNet().related(s, POINTER.hypernym).flatMap((h) => h.words);
    sig = new Set(contentStems([s.gloss, ...s.words, ...hypernyms].join(" ")));
    if (signatures.size < 20_000) signatures.set(key, sig);
  }
  return sig;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  b.forEach((t) => a.has(t) && n++);
  return n;
}

/** The words a pointer of `lemma` in `synset` leads to: the target word, or every word of the target synset. */
function linkedWords(synset: Synset, lemma: string, symbols: readonly string[]): string[] {
  return wordNet()
    .pointed(synset, lemma, symbols)
    .flatMap((t) => (t.word !== undefined ? [t.word] : t.synset.words));
}

/**
 * Index terms of the words that say what `word` says in the chosen senses, without the word's own terms.
 * `context` holds the stems of the question's other content words.
 */
export function relatedTerms(word: string, context: ReadonlySet<string>, table: MeaningTable = {}, cooccurs?: Cooccurs): string[] {
  const lower = word.toLowerCase();
  if (isStopWord(lower) || !/^\p{L}[\p{L}'-]*$/u.test(lower)) return [];
  const own = new Set(termsOfWord(word));
  const words = new Set<string>();
  for (const { synset, lemma } of chooseSenses(readings(lower), context, cooccurs)) {
    synset.words.forEach((w) => words.add(w));
    (IRREGULAR_COMPARISON[lemma] ?? []).forEach((w) => words.add(w));
    linkedWords(synset, lemma, LEXICAL_LINKS).forEach((w) => words.add(w));
    if (synset.pos === "v") linkedWords(synset, lemma, [CAUSE]).forEach((w) => words.add(w));
    // An adjective is one pole of an attribute: "how fast" is answered by "slow" as well as "fast".
    if (synset.pos === "a") linkedWords(synset, lemma, ADJECTIVE_POLES).forEach((w) => words.add(w));
  }
  const out = new Set<string>();
  // Multi-word lemmas ("take place") are not one index term; their words alone would mislead. Numerals
  // ("four" and "IV" for "quartet") would match every count.
  for (const w of words) if (!w.includes(" ") && !isNumeral(w)) termsOfWord(w).forEach((t) => out.add(t));
  for (const t of own) (table[t] ?? []).forEach((r) => out.add(r));
  own.forEach((t) => out.delete(t));
  return [...out];
}

function isNumeral(word: string): boolean {
  return /\d/.test(word) || /^[ivxlc]+$/.test(word) || isValueWord(word);
}

/**
 * The reversed pertainyms of the corpus's adjectives. Only capitalised words are looked up: the
 * adjectives of places and peoples ("Portuguese", "Norwegian") are the ones a question names by their
 * noun, and restricting to them keeps the pass over a large corpus short.
 */
export function buildMeaningTable(texts: Iterable<string>): MeaningTable {
  const capitalised = new Set<string>();
  const CAPITALISED = /\b\p{Lu}\p{Ll}{2,}\b/gu;
  for (const text of texts) for (const m of text.matchAll(CAPITALISED)) capitalised.add(m[0]);
  const wn = wordNet();
  const table = new Map<string, Set<string>>();
  for (const word of capitalised) {
    const lower = word.toLowerCase();
    for (const lemma of wn.lemmas(lower, "a")) {
      for (const offset of wn.offsets(lemma, "a")) {
        const synset = wn.synset(offset, "a");
        for (const noun of linkedWords(synset, lemma, [POINTER.pertainym])) {
          if (noun.includes(" ")) continue;
          for (const n of termsOfWord(noun)) {
            const set = table.get(n) ?? new Set<string>();
            termsOfWord(word).forEach((t) => t !== n && set.add(t));
            table.set(n, set);
          }
        }
      }
    }
  }
  return Object.fromEntries([...table].filter(([, s]) => s.size > 0).map(([n, s]) => [n, [...s]]));
}
