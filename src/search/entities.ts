/**
 * Names in a passage and what they name (a person, a place, an organisation), without running a tagger:
 * runs of capitalised words, classified by compromise's lexicon (a plain word → tag map: first names,
 * countries, cities), WordNet's coarse classes (noun.location, noun.group, noun.person) and the words
 * around them ("Mr", "President X", "X, a 32-year-old …"). Running compromise's tagger costs ~5 ms a
 * sentence; this is a few map lookups a name, so /ask can check every candidate it ranks.
 */
import { tagsOf as lexiconTags } from "../lexicon/compromise";
import { wordNet } from "../lexicon/wordnet";
import { isStopWord } from "../text/analyze";
import { memoizeByWord, memoizeRecent } from "../text/memo";
import { countsPeople } from "../lexicon/people";

export type NameKind = "person" | "place" | "organization";

/** A run of capitalised words, with the lowercase joiners names carry ("Bank of England"). */
const RUN = /\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:of|al|de|del|bin|van|von|the)\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;
/** Titles written before a name, in full or abbreviated ("Capt.", "Cpt.", "Gov."). */
const TITLES = new Set([
  "mr", "mrs", "ms", "dr", "sir", "lady", "lord", "rev", "prof", "gen", "col", "capt", "cpt", "sgt", "lt", "maj", "cpl", "pvt",
  "adm", "cmdr", "gov", "sen", "rep", "insp", "supt", "det",
]);
/** After a name: "X, 32," / "X, a 32-year-old …" / "X, who …" describe a person. */
const PERSON_AFTER = /^,?\s+(?:\d+,|(?:a|an|the)\s+\d+-year-old|who\b|said\b|told\b)/;
/** An apposition after a name, "X, the head of …", "X, a spokesman for …": its first words. */
const APPOSITION = /^,\s+(?:the|a|an)\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/u;
const PERSON_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "Honorific"]);
const PLACE_TAGS = new Set(["Country", "City", "Region", "Place", "Address"]);
const ORGANIZATION_TAGS = new Set(["Organization", "SportsTeam", "Company"]);

/** WordNet classes of a name's last word that make the name a thing or a body: "Air", "Station", "Church". */
const THING_CLASSES = new Set(["noun.artifact", "noun.location", "noun.group", "noun.substance", "noun.object", "noun.act", "noun.event"]);

/** The lexicon's tags of a word in any case (its entries are lowercase). */
const tagsOf = (word: string): string[] => lexiconTags(word.toLowerCase());

/** A name's word without a final dot or possessive ("Tarsk's" → "Tarsk", "Capt." → "Capt"). */
const bareWord = (word: string): string => word.replace(/[.'’]s?$/, "");

/** The WordNet class of a capitalised word's first noun sense ("noun.location" for "Norland"). */
function nounClass(word: string): string | null {
  return firstNounClass(word.toLowerCase());
}
const firstNounClass = memoizeByWord((key) => wordNet().lookup(key, "n")[0]?.lexname ?? null, 20_000);

const NAME_TAGS = new Set([...PERSON_TAGS, ...PLACE_TAGS, ...ORGANIZATION_TAGS, "ProperNoun", "LastName"]);
/** Whether compromise's lexicon holds the word as an English word rather than as a name. */
export function isEnglishWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}

/** Whether compromise's lexicon calls the word a people's adjective ("German", "Portuguese"). */
export function isDemonym(word: string): boolean {
  return tagsOf(word).includes("Demonym");
}

/**
 * Whether a capitalised word names a person or a body rather than a place: a first name or title in
 * compromise's lexicon, or a word WordNet files first under people or groups ("President", "Navy").
 */
export function namesAgent(word: string): boolean {
  const bare = bareWord(word);
  if (tagsOf(bare).some((t) => PERSON_TAGS.has(t) || ORGANIZATION_TAGS.has(t))) return true;
  const kind = nounClass(bare);
  return kind === "noun.person" || kind === "noun.group";
}

/** Whether a capitalised word names a place: a country or city in compromise's lexicon, or a location in WordNet. */
export function namesPlace(word: string): boolean {
  const bare = bareWord(word);
  return tagsOf(bare).some((t) => PLACE_TAGS.has(t)) || nounClass(bare) === "noun.location";
}

/** Whether compromise's lexicon calls the word a number ("four", "dozen"). */
export function isValueWord(word: string): boolean {
  return tagsOf(word).some((t) => t === "Value" || t === "Cardinal" || t === "Ordinal" || t === "TextValue");
}

/** The names of a text, each with the kinds it may be. */
export function namesOf(text: string): Name[] {
  const out: Name[] = [];
  for (const m of text.matchAll(RUN)) {
    // A final dot ends the sentence, unless the name is dotted throughout ("U.S.").
    let words = m[0].replace(/(?<=\p{Ll}{2})\.$/u, "").split(/\s+/);
    // A sentence's first word is capitalised anyway: "The", "Police" open sentences, not names.
    const atStart = m.index === 0 || /[.!?:"“(]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index));
    if (atStart && (isStopWord(words[0]!.toLowerCase()) || isEnglishWord(words[0]!.toLowerCase()))) words = words.slice(1);
    while (words.length > 0 && /^\p{Ll}/u.test(words[0]!)) words = words.slice(1); // a joiner left in front
    if (words.length === 0) continue;
    const kinds = classify(words, text.slice(m.index + m[0].length, m.index + m[0].length + 30), atStart);
    if (kinds.size > 0) out.push({ name: words.join(" "), kinds, end: m.index + m[0].length });
  }
  return out;
}

function classify(words: string[], after: string, atStart: boolean): Set<NameKind> {
  const kinds = new Set<NameKind>();
  const bare = words.map(bareWord);
  const tags = bare.map(tagsOf);
  const last = bare.at(-1)!;
  // A first name before a common noun names a thing ("Victor Airways", "Victoria Station"), not a person.
  const thingAtEnd = bare.length > 1 && THING_CLASSES.has(nounClass(last) ?? "") && !tagsOf(last).includes("LastName");
  if ((tags.some((t) => t.some((x) => PERSON_TAGS.has(x))) && !thingAtEnd) || TITLES.has(bare[0]!.toLowerCase())) kinds.add("person");
  // "President Venn", "Foreign Minister Li": a person noun before a word WordNet does not know.
  if (bare.length > 1 && nounClass(bare[0]!) === "noun.person" && nounClass(last) === null) kinds.add("person");
  if ((PERSON_AFTER.test(after) || describedAsPerson(after)) && nounClass(last) !== "noun.location") kinds.add("person");
  if (tags.some((t) => t.some((x) => PLACE_TAGS.has(x))) || bare.some((w) => nounClass(w) === "noun.location")) kinds.add("place");
  if (tags.some((t) => t.some((x) => ORGANIZATION_TAGS.has(x))) || nounClass(last) === "noun.group") kinds.add("organization");
  // Acronyms name organisations more often than anything else ("FBI", "UNHCR").
  if (bare.length === 1 && /^\p{Lu}{2,6}$/u.test(last) && !atStart) kinds.add("organization");
  return kinds;
}

/** "X, the head of…": an apposition whose noun has a sense WordNet files under people ("head": a person in charge). */
function describedAsPerson(after: string): boolean {
  const m = APPOSITION.exec(after);
  return m !== null && [m[1], m[2]].some((w) => w !== undefined && hasPersonSense(w));
}
const hasPersonSense = memoizeByWord((word) => wordNet().lookup(word, "n").some((s) => s.lexname === "noun.person"), 20_000);

export interface Name {
  name: string;
  kinds: Set<NameKind>;
  /** Where the name ends in the text. */
  end: number;
}
/** `namesOf`, remembered for the passages ranked recently (bounded). */
const namesIn = memoizeRecent(namesOf, 20_000);

/**
 * Where the text's names of this kind end, other than what the question itself names: `known` holds
 * the question's index terms, and a name made only of them is the question, not its answer.
 */
export function namesAt(text: string, kind: NameKind, known: (word: string) => boolean = () => false): number[] {
  return namesIn(text)
    .filter((n) => n.kinds.has(kind) && !n.name.split(/\s+/).every(known))
    .map((n) => n.end);
}

/**
 * Where the text names a place as a location: "in the mountains of Norland", not "Norland passengers"
 * (a place's name before a noun of people says where they are from, not where something happened).
 */
export function locationsAt(text: string, known: (word: string) => boolean = () => false): number[] {
  return namesAt(text, "place", known).filter((end) => !beforePeople(text, end));
}

/** Whether the word after a name counts people ("passengers", "officials"). */
function beforePeople(text: string, end: number): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(end, end + 40))?.[1];
  return next !== undefined && countsPeople(next);
}
