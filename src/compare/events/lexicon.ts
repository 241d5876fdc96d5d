/**
 * The words that name happenings and reports, from WordNet: nouns whose senses are events, phenomena or
 * acts ("crash", "cyclone", "shooting"), and verbs of communication ("say", "tell", "report"). Irregular
 * verb forms ("said", "told") are brought to their base form by compromise. Answers are cached per word.
 */
import nlp from "compromise";
import { tagsOf } from "../../lexicon/compromise";
import { POINTER, wordNet, type Pos, type Synset } from "../../lexicon/wordnet";
import { memoizeByWord } from "../../text/memo";
import { resolveTopic } from "../answer/topics";

/** The weight of a noun whose sense is an event or phenomenon ("crash", "cyclone"): what happened. */
export const HAPPENING = 2;
/** Senses looked at: a word's rare senses do not make it an event noun. */
const SENSES = 2;

/** How strongly a noun names a happening: `HAPPENING` for events and phenomena, 1 for acts ("shooting"), 0 otherwise. */
export function eventNounWeight(word: string): number {
  return eventWeight(word.toLowerCase());
}

const HAPPENING_LEXNAMES = new Set(["noun.event", "noun.phenomenon"]);
const ACT_LEXNAMES = new Set([...HAPPENING_LEXNAMES, "noun.act"]);

const eventWeight = memoizeByWord((w) => {
  let weight = 0;
  if (/^\p{Ll}[\p{Ll}-]{2,}$/u.test(w)) {
    for (const s of safeLookup(w, "n", SENSES)) {
      if (isDescriptive(w)) break;
      if (HAPPENING_LEXNAMES.has(s.lexname)) weight = HAPPENING;
      else if (s.lexname === "noun.act") weight = Math.max(weight, 1);
    }
  }
  return weight;
});

/** The people states a toll counts: "death", "toll", "casualties" name the figure, not the happening. */
const TOLL_MEASURES = new Set(["deaths", "injured", "missing", "casualties"]);
/** Whether a word names a toll rather than a happening ("deaths", "toll", "killing"). Remembered per word. */
export const isTollWord = memoizeByWord((word) => {
  const m = resolveTopic(word, new Map());
  return m !== null && TOLL_MEASURES.has(m.key);
});

/**
 * The nouns WordNet derives from a synset's word `lemma` (its "+" pointers) whose sense is a happening or
 * an act: "explode" gives "explosion", "bomb" gives "bombing". Happenings first.
 */
function derivedActs(s: Synset, lemma: string): { noun: string; weight: number }[] {
  const out: { noun: string; weight: number }[] = [];
  for (const { synset, word: noun } of derivations(s, lemma, "n")) {
    if (noun && !noun.includes(" ") && ACT_LEXNAMES.has(synset.lexname)) out.push({ noun, weight: HAPPENING_LEXNAMES.has(synset.lexname) ? HAPPENING : 1 });
  }
  return out.sort((a, b) => b.weight - a.weight);
}

/** The words of part of speech `pos` that WordNet derives from a synset's word `lemma` (its "+" pointers), with their synsets. */
function derivations(s: Synset, lemma: string, pos: Pos): { synset: Synset; word?: string }[] {
  // Derivation pointers are always a word's own, so the shared reading of pointers gives the word each names.
  return wordNet()
    .pointed(s, lemma, [POINTER.derivation])
    .filter((t) => t.synset.pos === pos);
}

/** WordNet's verbs of fighting and of physical contact: the deeds a doer's noun can name a happening by. */
const FORCE_LEXNAMES = new Set(["verb.competition", "verb.contact"]);
/** English suffixes of doers' nouns. */
const AGENT_SUFFIX = /(?:er|or|ant|ist)s?$/;

/**
 * The act an agent noun names: "bomber" is one who bombs, so "bombing"; "attacker" gives "attack". Read
 * from WordNet: a person among the noun's commonest senses, derived from a verb of fighting or force
 * whose act is a noun.
 */
export const actOfAgent = memoizeByWord((word): string | null => {
  const w = word.toLowerCase();
  // A doer's noun ("bomber", "attacker", "assailant"), not one a deed is done to ("victims", "suspects").
  if (!AGENT_SUFFIX.test(w)) return null;
  const lemma = safeLemma(w, "n");
  // A person among its commonest senses ("bomber" is first an aircraft).
  const person = safeLookup(w, "n", SENSES).find((s) => s.lexname === "noun.person");
  if (!lemma || !person) return null;
  for (const { synset: verb, word } of derivations(person, lemma, "v")) {
    // Deeds of force ("bomb", "attack", "shoot"), not of work or care ("rescuers", "workers").
    if (!FORCE_LEXNAMES.has(verb.lexname)) continue;
    const act = derivedActs(verb, word ?? "")[0];
    if (act) return act.noun;
  }
  return null;
});

/**
 * The happening a past verb names, with its weight (`HAPPENING` or 1): "exploded" an explosion,
 * "bombed" a bombing. Regular forms only (WordNet's own rules bring them to their lemma).
 */
export const happeningOfVerb = memoizeByWord((word): { noun: string; weight: number } | null => {
  const w = word.toLowerCase();
  if (!/^\p{Ll}{3,}ed$/u.test(w)) return null;
  const lemma = safeLemma(w, "v");
  const first = safeLookup(w, "v", 1)[0];
  return lemma && first && lemma !== w ? (derivedActs(first, lemma)[0] ?? null) : null;
});

/** A noun's dictionary form ("bombings" to "bombing"), or the word itself when WordNet lacks it. */
export function nounLemma(word: string): string {
  return safeLemma(word.toLowerCase(), "n") ?? word.toLowerCase();
}

function safeLemma(word: string, pos: Pos): string | null {
  try {
    return wordNet().lemmas(word, pos)[0] ?? null;
  } catch {
    return null;
  }
}

const THING_LEXNAMES = new Set(["noun.artifact", "noun.location", "noun.group"]);
/** Whether a noun names a thing, place or body that can carry or hold people: "ferry", "airport", "school". */
export function isThingNoun(word: string): boolean {
  return thingNoun(word.toLowerCase());
}
const thingNoun = memoizeByWord(
  (w) => /^\p{Ll}[\p{Ll}-]{2,}$/u.test(w) && safeLookup(w, "n", 1).some((s) => THING_LEXNAMES.has(s.lexname)),
);

/** Whether a verb form reports speech or writing: "said", "told", "confirmed", "quoted". */
export function isReportingVerb(word: string): boolean {
  return reportingVerb(word.toLowerCase());
}
// An inflected form only ("said", "reports", "confirmed"): a bare "state" or "radio" is a noun in news text.
// Its first sense: "caused" has a sense of communication too, but not first.
const reportingVerb = memoizeByWord(
  (w) => /^\p{Ll}{3,}$/u.test(w) && isInflected(w) && verbSenses(w)[0]?.lexname === "verb.communication",
);

function isInflected(word: string): boolean {
  const lemmas = senseCount(word, "v") ? wordNet().lemmas(word, "v") : [];
  return lemmas.length ? !lemmas.includes(word) : isVerbForm(word);
}

/** A verb form's first senses; irregular forms ("said", "told"), which WordNet's rules miss, through compromise. */
function verbSenses(word: string): Synset[] {
  const senses = safeLookup(word, "v", SENSES);
  if (senses.length || !isVerbForm(word)) return senses;
  const inf = infinitive(word);
  return inf && inf !== word && /^\p{Ll}+$/u.test(inf) ? safeLookup(inf, "v", SENSES) : [];
}

/** A verb form's tags in the order compromise's verb phrases read them for its tense. */
const TENSES = ["Infinitive", "Participle", "PastTense", "Gerund", "PresentTense"];

type Conjugator = (form: string, model: object, tense?: string) => string | undefined;
let toInfinitive: Conjugator | null = null;

/**
 * The infinitive of a verb form of compromise's lexicon ("said" -> "say", "were" -> "be"), by its
 * conjugation model and the form's lexicon tag, without running its tagger on a one-word document
 * (~50 ms at its first use). For every such form WordNet lacks, the reporting-verb verdict is the one
 * `nlp(word).verbs().toInfinitive()` gave (test/compare/events/lexicon.test.ts checks them all).
 */
function infinitive(word: string): string {
  toInfinitive ??= (nlp.methods() as { two: { transform: { verb: { toInfinitive: Conjugator } } } }).two.transform.verb.toInfinitive;
  const tags = tagsOf(word);
  return (toInfinitive(word, nlp.model(), TENSES.find((t) => tags.includes(t))) ?? "").toLowerCase();
}

function isVerbForm(word: string): boolean {
  return tagsOf(word).some((t) => /Tense|Verb|Participle|Infinitive/.test(t));
}

/** A word that describes rather than names: "worst", "deadliest", "Norlandic", "Quaker". */
export function isDescriptive(word: string): boolean {
  return descriptive(word.toLowerCase());
}
const descriptive = memoizeByWord((w) => {
  if (tagsOf(w).some((t) => /Adjective|Superlative|Comparative|Demonym/.test(t))) return true;
  return senseCount(w, "a") > 0 && !safeLookup(w, "n").some((s) => s.lexname === "noun.location");
});

/** A word's first `limit` senses; none when WordNet cannot be read. */
function safeLookup(word: string, pos: Pos, limit = Infinity): Synset[] {
  try {
    return wordNet().lookup(word, pos, limit);
  } catch {
    return [];
  }
}

/** How many senses a word has, none read; none when WordNet cannot be read. */
function senseCount(word: string, pos: Pos): number {
  try {
    return wordNet().senseCount(word, pos);
  } catch {
    return 0;
  }
}

/**
 * Whether a name can be a place: unknown to WordNet (most towns), or known as a location or land mass;
 * not when WordNet knows it only as people ("Quakers") or a describing word ("Norlandic").
 */
export function isPlaceName(name: string): boolean {
  return placeName(name.toLowerCase());
}
// Remembered per name: a story's place is named again in each of its headlines and leads.
const placeName = memoizeByWord((w) => {
  if (tagsOf(w).some((t) => /Demonym|Adjective/.test(t))) return false;
  const nouns = safeLookup(w, "n");
  if (nouns.length === 0) return senseCount(w, "a") === 0;
  return nouns.some((s) => s.lexname === "noun.location" || s.lexname === "noun.object");
});

const SPEAKER_LEXNAMES = new Set(["noun.person", "noun.group", "noun.communication"]);
/** Whether a common noun can name who speaks: a person, a body of people, or a medium ("police", "ministry", "television"). */
export function isSpeakerNoun(word: string): boolean {
  return speakerNoun(word.toLowerCase());
}
const speakerNoun = memoizeByWord((w) => {
  const senses = safeLookup(w, "n", SENSES + 1);
  // Its first sense a speaker ("official"), or a later one unless the word mostly describes ("high").
  return (senses.length > 0 && SPEAKER_LEXNAMES.has(senses[0]!.lexname)) || (!isDescriptive(w) && senses.some((s) => SPEAKER_LEXNAMES.has(s.lexname)));
});
