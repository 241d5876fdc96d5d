/**
 * What kind of answer a question wants, read from its wording, and where a passage holds that kind of
 * thing: factoid QA's "answer type" check. "How many girls…" wants a count of girls, "what time" a clock
 * time, "who were the passengers" a person's name ("who claimed…" a person or a group), "where" a
 * location ("where was it going" a destination), "which part of the ship" one of its parts, "why" a
 * reason, "do for a living" an occupation. The words that only ask for the kind ("time", "living",
 * "long") are not searched for: the answer rarely repeats them. Where each answer stands lets ranking
 * prefer the passage that gives it closest to the question's words.
 */
import { POINTER, wordNet } from "../lexicon/wordnet";
import { startsCapitalized, wordMatches } from "../text/analyze";
import { commonSenses, countsPeople } from "../lexicon/people";
import { extractQuantities } from "../compare/extract/quantities";
import { memoizeByWord, memoizeRecent } from "../text/memo";
import { isDemonym, locationsAt, namesAgent, namesAt, type NameKind } from "./entities";
import { termsOfWord } from "./terms";

export type AnswerType =
  | "count" | "measure" | "age" | "duration" | "time" | "clock" | "place" | "destination" | "person" | "agent" | "organization" | "reason"
  | "occupation" | "definition" | "part" | "any";

export interface AnswerSpec {
  type: AnswerType;
  /** Lowercased question words that only ask for the kind of answer. */
  cues: Set<string>;
  /** The noun a which/what question asks for ("community" in "which community…"). */
  noun?: string;
  /** The noun a "how many" question counts ("girls" in "how many girls died"). */
  counted?: string;
  /** The whole a "which part of…" question asks about ("airport" in "which part of the airport"). */
  whole?: string;
}

/** Adjectives of "how long / how old / how fast…": the answer is an amount with a unit, not the word. */
const HOW_ADJECTIVE = /^how (long|old|fast|far|big|high|deep|warm|cold|hot|large|heavy|strong|wide|tall|often|soon|late|early|severe|bad)\b/;
const DURATION_ADJECTIVES = new Set(["long", "soon", "often", "late", "early"]);
/** Nouns of "what time / which year": the answer is a date or a clock time, not the noun. */
const TIME_NOUNS = /^(?:at |on |in |by )?(?:what|which) (time|year|month|day|date|hour)\b/;
/** "What did he do for a living", "what is her job": an occupation. */
const OCCUPATION = /\b(?:for a living|(?:job|occupation|profession|trade|line of work)\b)/;
const OCCUPATION_CUES = ["living", "job", "occupation", "profession", "trade", "line", "work", "do"];
/** "What caused…", "for what reason…": a reason. */
const REASON = /^(?:why\b|what (?:caused|causes|led to|prompted|triggered|was the (?:cause|reason|motive)|is the (?:cause|reason|motive))\b|for what reason\b)/;
const REASON_CUES = ["caused", "causes", "cause", "reason", "motive", "led", "prompted", "triggered"];

export function answerSpecOf(question: string): AnswerSpec {
  const q = question.trim().toLowerCase().replace(/[’]/g, "'");
  const spec = (type: AnswerType, cues: Iterable<string> = []): AnswerSpec => ({ type, cues: new Set(cues) });
  if (/^how (many|much)\b/.test(q) || /\bnumber of\b/.test(q)) return { ...spec("count", ["number"]), counted: countedNoun(question) };
  const how = HOW_ADJECTIVE.exec(q);
  if (how) return spec(how[1] === "old" ? "age" : DURATION_ADJECTIVES.has(how[1]!) ? "duration" : "measure", [how[1]!]);
  const timeNoun = TIME_NOUNS.exec(q);
  if (timeNoun) return spec(timeNoun[1] === "time" || timeNoun[1] === "hour" ? "clock" : "time", [timeNoun[1]!, "day", "time"]);
  if (/^when\b/.test(q)) return spec("time");
  if (OCCUPATION.test(q)) return spec("occupation", OCCUPATION_CUES);
  if (REASON.test(q)) return spec("reason", REASON_CUES);
  if (/^where\b/.test(q)) return spec(MOTION.test(q) ? "destination" : "place");
  if (asksWhatNameIs(question)) return spec("definition");
  if (/^who(m|se)?\b/.test(q)) return spec(countsPeople(askedPeople(q) ?? "") ? "person" : "agent");
  const whole = /^(?:in |at |on |to )?(?:which|what) parts? of (?:the |a |an |its |their )?([a-z]+)/.exec(q)?.[1];
  if (whole) return { ...spec("part", ["part", "parts"]), whole };
  const noun = askedNoun(q);
  // A capitalised word there is a name ("which Norland towns"), not the kind of thing asked for.
  if (noun && new RegExp(`\\b${noun}\\b`).test(question)) {
    const kind = noun === "destination" ? "destination" : kindOfNoun(noun);
    if (kind) return { ...spec(kind, [noun]), noun };
  }
  return spec("any");
}

/** "Where was the ship going / heading / bound": the answer is where it was going to, not where it was. */
const MOTION = /\b(?:go|goes|going|gone|went|head(?:s|ing|ed)?|bound|destined|travel(?:l?ing|l?ed|s)?|sail(?:s|ing|ed)?|fl(?:y|ying|ew|own|ies))\b/;

/**
 * "Who were the injured passengers?": the noun after the copula. When it counts people the answer is
 * a person's name; "who claimed…" may be answered by a group as well.
 */
function askedPeople(q: string): string | undefined {
  return /^who (?:is|was|are|were) (?:the|a|an) (?:[a-z'-]+ ){0,2}([a-z'-]+)\W*$/.exec(q)?.[1];
}

/**
 * The noun after "how many" (or "number of"), skipping the adjectives and names before it: "how many
 * American passengers" counts passengers. A word counts as a noun when WordNet has it as one.
 */
function countedNoun(question: string): string | undefined {
  const after = /\b(?:how many|number of)\s+(.*)$/i.exec(question)?.[1] ?? "";
  for (const word of after.split(/\s+/).slice(0, COUNTED_NOUN_SPAN)) {
    const bare = word.replace(/[^\p{L}'-]/gu, "");
    if (!bare || startsCapitalized(bare)) continue;
    if (wordNet().lookup(bare, "n").length > 0) return bare.toLowerCase();
  }
  return undefined;
}
const COUNTED_NOUN_SPAN = 3;

/**
 * "Who was Jane Doe?", "What is the Red Cross?": a name and nothing more after the copula. With a verb or
 * another word after the name ("What were Americans advised to do?") the name is the subject, not the answer.
 */
function asksWhatNameIs(question: string): boolean {
  const words = question.trim().replace(/[?.!]+$/, "").split(/\s+/);
  if (!/^(?:who|what)$/i.test(words[0] ?? "") || !COPULAS.has(words[1]?.toLowerCase() ?? "")) return false;
  const name = words.slice(words[2]?.toLowerCase() === "the" ? 3 : 2);
  // Particles of names stay lowercase ("bin", "de", "of").
  return startsCapitalized(name[0] ?? "") && name.every((w) => startsCapitalized(w) || /^\p{Ll}{1,3}$/u.test(w));
}

const AUXILIARIES = new Set(["is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "should", "might"]);
const COPULAS = new Set(["is", "was", "are", "were"]);

/** The noun a which/what question asks for: "which country…" → country, "what was the plane's destination" → destination. */
function askedNoun(q: string): string | null {
  const m = /^(?:in |at |from |to )?(?:which|what) (?:other )?([a-z]+)/.exec(q);
  if (!m) return null;
  if (!AUXILIARIES.has(m[1]!)) return m[1]!;
  if (!COPULAS.has(m[1]!)) return null;
  const last = /([a-z]+)\W*$/.exec(q);
  return last ? last[1]! : null;
}

/**
 * "Which country" wants a place, "which official" a person, "which group" an organisation (WordNet's
 * coarse classes). A noun with a place sense among its first two asks for a place ("country" is first
 * a political unit, then a land).
 */
function kindOfNoun(noun: string): AnswerType | null {
  const senses = wordNet().lookup(noun, "n");
  const first = senses[0];
  if (!first) return null;
  if (senses.slice(0, 2).some((s) => s.lexname === "noun.location")) return "place";
  if (first.lexname === "noun.person") return "person";
  if (first.lexname === "noun.group") return "organization";
  return null;
}

const NUMBER = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|dozens?|scores)\b/i;
const YEAR_ONLY = /^(?:1[89]\d\d|20\d\d)$/;
const DATE =
  /\b(?:1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last (?:week|month|year|night)|ago)\b/i;
const CLOCK =
  /\b(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\d{1,2}:\d\d|noon|midnight|morning|afternoon|evening|night|dawn|dusk|o'clock)/i;
/** "in Paris", "off the coast of X": a preposition of place, then its capitalised object. */
const PLACE_PREPOSITION = /\b(?:in|at|near|from|outside|inside|to|into|off|toward|towards|along|across|over)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*)/gu;
/** "35 miles west of X". */
const BEARING = /\b(?:north|south|east|west)(?:ern|east|west)?\s+of\b/;
/** Where something was going: "to", "for", "bound for", "en route to", then a place within a few words. */
const DESTINATION_PREPOSITION = /^(?:to|for|toward|towards)$/i;
/** Words between "to" and the place: "to the country's main island of Norland". */
const DESTINATION_SPAN = 6;
/** Words that end the object of "to" before a place: another preposition (but "of"), or a person's possessive. */
const NOT_IN_DESTINATION =
  /^(?:above|below|at|in|on|near|from|with|by|after|before|over|under|into|onto|across|along|against|about|for|to|toward|towards|his|her|their|and|or|than|as)$/i;
/** Causal connectives of English. */
const REASON_WORDS =
  /\b(?:because|due to|owing to|caused by|blamed|blames?|cause[sd]?|reasons?|motives?|motivated|revenge|in order to|so that|as a result|result of|prompted|triggered|led to|attributed|responsible for)\b/i;
/** A number followed by a unit: "240 kph", "22-29 degrees", "15 percent", "35 miles". */
const AMOUNT = /\b\d[\d,.]*(?:\s*-\s*\d[\d,.]*)?\s*(?:%|°|[a-z]+\b)/gi;
const DURATION = /\b(?:(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:more\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|nights?)|until|indefinitely|unspecified time)\b/i;

/** Where in a text the answers of the kind asked for start (character offsets); none when it holds none. */
export type AnswerFinder = (text: string) => number[];

/**
 * What finds, in a passage, answers of the type; `names` are the question's capitalized words,
 * `questionTerms` its index terms: the question's own words ("the driver") are never its answer.
 */
export function answerFinder(
  spec: Pick<AnswerSpec, "type" | "noun" | "counted" | "whole">,
  names: readonly string[],
  questionTerms: ReadonlySet<string> = new Set(),
): AnswerFinder {
  const known = (word: string) => termsOfWord(word).some((t) => questionTerms.has(t));
  const ofType =
    spec.type === "count" && spec.counted ? countOf(spec.counted) : spec.type === "part" && spec.whole ? partsOf(spec.whole) : typeFinder(spec.type, names, known, spec.noun);
  if (!spec.noun) return ofType;
  const named = namedInstance(spec.noun, known);
  return (text) => [...ofType(text), ...named(text)];
}

/** Where a regular expression matches (it is given without the g flag; a global copy is made once). */
function at(re: RegExp, exclude?: (text: string, index: number) => boolean): AnswerFinder {
  const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  return (text) => [...text.matchAll(global)].map((m) => m.index).filter((i) => !exclude?.(text, i));
}

const either = (...finders: AnswerFinder[]): AnswerFinder => (text) => finders.flatMap((f) => f(text));

/**
 * "How many girls…" is answered by a count of girls, or of a kind of them, or by a number with no noun
 * ("killing 16", "seven others"): the count reader of /compare finds what each number counts. "17,000
 * islands" does not answer "how many people". Asked for people, any count of people answers ("90 villagers").
 */
function countOf(asked: string): AnswerFinder {
  const askedTerms = new Set(termsOfWord(asked));
  const askedPeople = countsPeople(asked);
  const answers = new Map<string, boolean>();
  const countsAsked = (noun: string) =>
    termsOfWord(noun).some((t) => askedTerms.has(t)) || (askedPeople && countsPeople(noun)) || isKindOf(noun, asked);
  const counts = (q: ReturnType<typeof extractQuantities>[number]) => {
    if (q.kind !== "count") return false;
    // "some 400 still missing": a singular word after a plural count is not what it counts.
    const noun = q.noun && (q.nounPlural || q.value === 1) ? q.noun : undefined;
    if (!noun) return true;
    if (!answers.has(noun)) answers.set(noun, countsAsked(noun));
    return answers.get(noun)!;
  };
  return (text) => quantitiesIn(text).filter(counts).map((q) => q.start);
}

/** `extractQuantities`, remembered for the passages ranked recently (bounded): count questions recur. */
const quantitiesIn = memoizeRecent(extractQuantities, 20_000);

/**
 * "Which part of the airport…" is answered by a part WordNet gives the whole ("terminal", "hangar",
 * "control tower"), a multi-word part also by its head noun ("air terminal": "terminal").
 */
function partsOf(whole: string): AnswerFinder {
  const wn = wordNet();
  const parts = new Set<string>();
  for (const sense of commonSenses(wn, whole)) {
    for (const part of wn.related(sense, POINTER.partMeronym)) {
      for (const word of part.words) [word, word.split(" ").at(-1)!].forEach((w) => termsOfWord(w).forEach((t) => parts.add(t)));
    }
  }
  return (text) => [...wordMatches(text)].filter((m) => termsOfWord(m[0]).some((t) => parts.has(t))).map((m) => m.index);
}

/** Whether one of a noun's common senses is a kind of one of another's ("buggies" of "carriages"). */
function isKindOf(noun: string, of: string): boolean {
  const wn = wordNet();
  const ancestors = commonSenses(wn, of);
  return commonSenses(wn, noun).some((s) => ancestors.some((a) => wn.isA(s, a)));
}

/**
 * "Which community…" is answered by "the Breton community", "which port…" by "the Baltic port": a name
 * right before the noun asked for (or its plural), a name the question does not already hold.
 */
function namedInstance(noun: string, known: (word: string) => boolean): AnswerFinder {
  const nounTerms = new Set(termsOfWord(noun));
  return (text) => {
    const words = [...text.matchAll(/[\p{L}'’-]+/gu)];
    const out: number[] = [];
    for (let i = 1; i < words.length; i++) {
      const name = words[i - 1]![0];
      if (startsCapitalized(name) && !known(name) && termsOfWord(words[i]![0]).some((t) => nounTerms.has(t))) out.push(words[i - 1]!.index);
    }
    return out;
  };
}

function typeFinder(type: AnswerType, names: readonly string[], known: (word: string) => boolean, noun?: string): AnswerFinder {
  const named = (kind: NameKind) => (text: string) => namesAt(text, kind, known);
  switch (type) {
    case "count":
      return countAt;
    case "measure":
      return amountAt;
    case "age":
      return at(AGE);
    case "duration":
      return at(DURATION);
    case "time":
      return either(at(DATE, dayOfSaying), at(CLOCK));
    case "clock":
      return at(CLOCK);
    case "place":
      // "Where…" wants a location; "which country…" is answered by "Norland passengers" too.
      return either((text) => placePhrasesAt(text, known), at(BEARING), noun ? named("place") : (text) => locationsAt(text, known));
    case "destination":
      return (text) => destinationsAt(text, known);
    case "person":
      return named("person");
    case "agent":
      // "Who claimed…" is answered by a group as often as by a person.
      return either(named("person"), named("organization"));
    case "organization":
      return named("organization");
    case "reason":
      return at(REASON_WORDS);
    case "occupation":
      return (text) => occupationsAt(text, known);
    case "definition":
      return either(...names.map((name) => at(description(name))));
    case "part": // read by partsOf, with the whole the question names
    case "any":
      return () => [];
  }
}

/**
 * "…, police said Friday": a weekday or "today" right after a reporting verb dates the saying, not the
 * event asked about; wire copy dates nearly every sentence so.
 */
function dayOfSaying(text: string, index: number): boolean {
  return REPORTED_ON.test(text.slice(Math.max(0, index - REPORTED_ON_REACH), index));
}
const REPORTED_ON = /\b(?:said|says|reported|announced|added|told (?:\w+ )?(?:reporters|journalists))\s+(?:on\s+|late\s+|early\s+)?$/i;
const REPORTED_ON_REACH = 40;

/**
 * A place after a preposition of place: "in Lisbon", "off the coast of X". Not the question's own name
 * ("at Tarsk school" answers nothing about Tarsk) and not a people's adjective ("to German charities").
 */
function placePhrasesAt(text: string, known: (word: string) => boolean): number[] {
  return [...text.matchAll(PLACE_PREPOSITION)].filter((m) => isPlaceWord(m[1]!, known)).map((m) => m.index);
}

function isPlaceWord(word: string, known: (word: string) => boolean): boolean {
  const bare = word.replace(/(?:[’']s|\.)$/, "");
  return !known(bare) && !isDemonym(bare) && !DATE.test(bare);
}

/** "to X", "bound for X", "en route from X to the port of Y": a capitalised place within a few words after "to" or "for". */
function destinationsAt(text: string, known: (word: string) => boolean): number[] {
  const words = [...text.matchAll(/[\p{L}'’.-]+|[^\s\p{L}]/gu)].map((m) => ({ word: m[0], index: m.index }));
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!DESTINATION_PREPOSITION.test(words[i]!.word)) continue;
    for (let k = i + 1; k <= i + DESTINATION_SPAN && k < words.length && /\p{L}/u.test(words[k]!.word); k++) {
      const word = words[k]!.word;
      // The place is the object of "to": "to the port of X", not "to an air pocket above X" or "to his aide X".
      if (NOT_IN_DESTINATION.test(word)) break;
      if (startsCapitalized(word) && isPlaceWord(word, known) && !namesAgent(word)) {
        out.push(words[k]!.index);
        break;
      }
    }
  }
  return out;
}

/** Numbers that are not only a year. */
function countAt(text: string): number[] {
  return [...text.matchAll(NUMBERS)].filter((m) => !YEAR_ONLY.test(m[0])).map((m) => m.index);
}
const NUMBERS = new RegExp(NUMBER.source, "gi");

/** An age: "a 17-year-old plane", "32 years old", "aged 32". */
const AGE = /\b(?:\d+-(?:year|month|week|day)-old|\d+ (?:years?|months?) old|aged \d+)\b/i;

/** A number with a unit WordNet calls a quantity or a time ("miles", "degrees", "hours"), a percent or an age. */
function amountAt(text: string): number[] {
  const amounts = [...text.matchAll(AMOUNT)].filter((m) => {
    const unit = m[0].replace(/^[\d,.\s-]+/, "").toLowerCase();
    return unit === "%" || unit === "°" || wordNet().lookup(unit, "n").some((s) => s.lexname === "noun.quantity" || s.lexname === "noun.time");
  });
  return [...ages(text), ...amounts.map((m) => m.index)];
}
const ages = at(AGE);

const OCCUPATION_ROOTS = ["worker", "professional", "employee", "skilled worker"];
/** Words after an article that may name an occupation: "a truck driver", "an off-duty police officer". */
const OCCUPATION_SPAN = 4;

/** A noun WordNet files as a kind of worker, professional or employee, after "a", "the" or "as" ("a truck driver"). */
function occupationsAt(text: string, known: (word: string) => boolean): number[] {
  const words = [...text.matchAll(/[\p{L}-]+/gu)];
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!/^(?:a|an|the|as)$/i.test(words[i]![0])) continue;
    for (let k = i + 1; k <= i + OCCUPATION_SPAN && k < words.length; k++) {
      const word = words[k]![0];
      if (/^\p{Ll}+$/u.test(word) && !known(word) && isOccupation(word)) out.push(words[k]!.index);
    }
  }
  return out;
}

/**
 * A kind of worker, professional or employee in WordNet: in the word's first person sense, or in any
 * when the word is an agent noun ("driver", "farmer": first read as "operator", "creator"). Words like
 * "man" or "head" have a worker sense too, far from their first, and are not occupations.
 */
export const isOccupation = memoizeByWord((word) => {
  const wn = wordNet();
  const roots = OCCUPATION_ROOTS.map((r) => wn.lookup(r, "n")[0]).filter((s) => s !== undefined);
  const senses = wn.lookup(word, "n").filter((s) => s.lexname === "noun.person");
  const candidates = AGENT_NOUN.test(word) ? senses : senses.slice(0, 1);
  return candidates.some((s) => roots.some((r) => wn.isA(s, r)));
}, 20_000);

const AGENT_NOUN = /(?:er|or|ist|ian)s?$/;

/** "Name, the …", "Name, a …", "Name, who …", "Name is a …": the passage says what Name is. */
function description(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\b${escaped}\\b(?:[’']s)?(?:,\\s+(?:the|a|an|who|which|one of)\\b|\\s+(?:is|was|are|were)\\s+(?:the|a|an)\\b)`, "i");
}

/** The question's capitalized words, except its first (capitalized anyway). */
export function namesIn(question: string): string[] {
  return (question.match(/[\p{Lu}][\p{L}'’-]+/gu) ?? []).filter((w, i) => i > 0 || !question.startsWith(w));
}
