/**
 * What a count counts, and who did what: "two gunmen killed 14 villagers" gives 2 gunmen as the
 * agent of "kill" and 14 villagers as its victims. A predicate of a small general English casualty lexicon
 * governs a count only through the words a clause allows between them: from a subject count rightwards
 * over auxiliaries, adverbs, reporting verbs and prepositional phrases ("90 people on board were
 * confirmed dead"); from a verb leftwards over determiners only ("killing a total of 90"); from a toll
 * noun leftwards over its phrase ("the death toll in the province has risen to 163"). Any other verb,
 * another count, a conjunction or a clause mark stops the walk, so the 102 of "a plane carrying 102
 * people crashed, killing 90" is no death figure. Every walk is bounded: a sentence costs time linear
 * in its length whatever it holds.
 *
 * Also read here, from the same words: whether a count is a part of a larger one ("three of the girls",
 * "including five children", "in one province alone") and whether it only names the group a part is
 * taken from ("the 102 people" of "90 of the 102 people on board were killed").
 */
import { extractQuantities, type Quantity } from "../extract/quantities";
import { tokenIndexAt, wordTokens, type WordToken } from "../extract/numbers";
import { tagsOf } from "../../lexicon/compromise";
import { commonSenses, countedKind } from "../../lexicon/people";
import { wordNet, type Synset } from "../../lexicon/wordnet";
import { eventNounWeight, HAPPENING } from "../events/lexicon";
import { memoizeByWord } from "../../text/memo";

export interface CountedThing {
  quantity: Quantity;
  noun: string | null;
  /** Lemma of the predicate around the count: "kill", "die", "dead", "injure", "arrest"... */
  predicate: string | null;
  /** The predicate as written ("killed"), a verbatim slice of the sentence, and where it starts. */
  predicateText: string | null;
  predicateStart: number | null;
  /** "victim": the predicate happened to the counted things (killed, died, arrested); "agent": they did it. */
  role: "victim" | "agent" | "unknown";
  /**
   * A count of a subgroup of a larger one; `of` names the whole when the sentence does ("the girls");
   * `before` when the whole is a count of the sentence before ("Among them were 13 soldiers.").
   */
  part?: { of: string | null; before?: true };
  /** The counted things are dead bodies ("90 bodies were recovered"): the dead number at least this. */
  bodies?: boolean;
}

type PredicateType = "transitive" | "state";

/** Inflected form -> [lemma, type]. General English casualty vocabulary, no corpus facts. */
const PREDICATES = new Map<string, [string, PredicateType]>();
function add(type: PredicateType, lemma: string, forms: string): void {
  for (const f of forms.split(" ")) PREDICATES.set(f, [lemma, type]);
}
add("transitive", "kill", "kill kills killed killing massacre massacres massacred massacring slaughter slaughters slaughtered slaughtering");
add("transitive", "injure", "injure injures injured injuring");
add("transitive", "wound", "wound wounds wounded wounding");
add("transitive", "hurt", "hurt hurts hurting");
add("transitive", "arrest", "arrest arrests arrested arresting");
add("transitive", "detain", "detain detains detained detaining");
add("transitive", "rescue", "rescue rescues rescued rescuing");
add("transitive", "evacuate", "evacuate evacuates evacuated evacuating");
add("transitive", "shoot", "shoot shoots shot shooting");
add("transitive", "stab", "stab stabs stabbed stabbing");
add("transitive", "capture", "capture captures captured capturing");
add("transitive", "abduct", "abduct abducts abducted abducting");
add("transitive", "kidnap", "kidnap kidnaps kidnapped kidnapping");
add("transitive", "hospitalize", "hospitalize hospitalizes hospitalized hospitalizing hospitalise hospitalises hospitalised hospitalising");
add("transitive", "displace", "displace displaces displaced displacing");
add("transitive", "murder", "murder murders murdered murdering");
add("transitive", "charge", "charge charges charged charging");
add("transitive", "convict", "convict convicts convicted convicting");
// "The town has lost 300 people": a toll only of people, in a sentence about deaths (`losesLives`).
add("transitive", "lose", "lose loses lost losing");
add("transitive", "treat", "treat treats treated treating");
add("state", "die", "die dies died dying");
add("state", "dead", "dead");
add("state", "death", "death deaths toll tolls");
add("state", "missing", "missing");
add("state", "perish", "perish perishes perished perishing");
add("state", "drown", "drown drowns drowned drowning");
add("state", "casualty", "casualty casualties");
add("state", "fatality", "fatality fatalities");
add("state", "victim", "victim victims");
add("state", "injury", "injury injuries");
add("state", "hostage", "hostage hostages");
add("state", "survive", "survive survives survived surviving survivor survivors alive");
add("state", "displace", "homeless");

/** Verbs that mean "kill" with "down": "mowed down", "gunned down". */
const KILL_DOWN = new Set("mow mows mowed mown mowing gun guns gunned gunning".split(" "));
/** Verbs that carry the hurt to a hospital: "taken to hospital", "rushed to a nearby hospital". */
const TO_HOSPITAL = new Set("taken took take takes taking rushed rush sent brought admitted airlifted flown carried transported ferried".split(" "));
const HOSPITAL = /^hospitals?$/;
/** "in critical condition": a condition that only the hurt are in. */
const GRAVE = new Set(["critical", "serious", "grave", "stable"]);
const SUFFER = new Set("suffer suffers suffered suffering sustain sustains sustained sustaining".split(" "));

/** Words a subject count may stand apart from its predicate by ("90 people on board were confirmed dead"). */
const SUBJECT_GAP = new Set(
  `were was are is am be been being have has had got get gets getting will would could may might must should shall
remain remains remained remaining confirmed reported feared believed presumed thought said known listed declared
pronounced left found counted estimated certified understood expected registered recorded to also all reportedly
now still later already so far who that which as since then subsequently eventually initially originally officially`.split(/\s+/),
);
/** Words a transitive verb may stand apart from its object count by ("killing a total of 90"). */
const OBJECT_GAP = new Set(["a", "an", "the", "total", "of", "further", "another", "additional", "some", "by", "also", "all", "at", "least"]);
/** Verbs a toll noun may stand apart from its count by ("the death toll has risen to 163", "put the toll at 57"). */
const TOLL_VERBS = new Set(
  `is was were are has have had stood stands stand rose risen rises climbed climbs jumped reached reaches hit hits topped
passed exceeded surpassed grew increased now put puts include included includes including numbered number climb rise reach`.split(/\s+/),
);
/** Words that embed another count right after a subject's ("90 of the 102 people", "12 passengers including five children"). */
const EMBEDDING = new Set(["of", "the", "including", "all"]);
/** Conjunctions that open another clause: a walk stops there. */
const CONJUNCTIONS = new Set("and or but nor while whereas when where after before because although though if unless until whether".split(" "));
/** Negation: "were not killed" is no count of the killed. */
const NEGATIONS = new Set(["not", "never", "no", "nobody", "none"]);
/** Words that let one predicate follow another in the same subject's chain ("survived but were injured"). */
const CHAIN_JOIN = new Set(["and", "but"]);
/** Words between "and"/"but" and the next predicate of the same subject ("but they were in critical condition"). */
const CHAIN_GAP = new Set([...SUBJECT_GAP, "they", "in", "then"]);

/** At most this many words between a count and its predicate (and inside an aside skipped). */
const MAX_GAP = 10;

/** After a participle these mean a passive without auxiliary ("130 people killed in the attack"). */
const NOT_OBJECT = /^\s*(?:$|[,.;:!?)]|(?:in|on|at|by|during|when|after|before|since|as|while|and|or|but|near|across|inside|outside|from|following|overnight|yesterday|today|last|this|were|was|are|is|have|has|had|will|would|could|remain|remained)\b)/i;
/** What opens an object after an active verb: a number, a qualifier, a determiner or a pronoun. */
const OBJECT_START =
  /^\s+(?:\d|(?:at least|more than|over|about|around|nearly|almost|some|up to|as many as|an estimated|dozens|hundreds|scores|thousands|several|many|a|an|the|his|her|their|its|our|two|three|four|five|six|seven|eight|nine|ten|one|them|him|us|me|everyone|all|both|civilians|people)\b)/i;
const PASSIVE_AUX = /\b(?:were|was|are|is|been|being|be|got|get|gets|getting|remain|remains|remained)\b/i;
const PARTICIPLE = /(?:ed|shot|hurt)$/;
/** A word right after the verb: its object. */
const WORD_AFTER = /^\s+\p{L}/u;
/** A clause mark between two words: a walk never crosses it. */
const HARD_BREAK = /[;:()"“”]|\s[-–—]\s|[–—]/;
/** Asides a subject walk skips: ", including five children," ", among them ...,". */
const ASIDE_OPENERS = new Set(["including", "among", "mostly", "mainly", "most", "many", "some", "all", "both", "half"]);
/** Before a count: it is a part of a larger group ("including five", "among them three", "among the dead were 12"). */
const PART_BEFORE = /\b(?:including|includes|included|include|among (?:them|whom|those|the \p{L}+)(?: (?:were|was|are|is))?)\s+$/iu;
/** A sentence opening "Among them were": a part whose whole the sentence before counted. */
const OPENS_WITH_BACK_REFERENCE = /^\s{0,3}["“]?\s{0,3}among\s{1,3}(?:them|those)(?:\s{1,3}(?:were|was|are|is))?\s{1,3}$/i;
/** After a count's phrase: "13 soldiers among the dead", "two of whom were children". */
const PART_AFTER = /^\s+(?:(?:were|are|was|is)\s+)?among\s+(?:the|those|them)\b/i;
/** After a count: "three of the girls", "two of them", "five of whom". */
const PART_OF_AFTER = /^\s+of\s+(?:the|those|these|them|whom|its|their|his|her|our|all)\b/i;
/** Between two counts: the second names the group the first is taken from ("90 of the 102 people"). */
const REFERENCE_BETWEEN = /^\s+of\s+(?:the\s+|all\s+|those\s+)?$/i;

const VERB_TAGS = new Set(["PastTense", "PresentTense", "Infinitive", "Gerund", "Participle", "PhrasalVerb", "Verb", "Modal"]);
/** A verb by compromise's lexicon, or an unlisted word in -ed ("attended"). */
function isVerb(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length === 0 ? word.length > 4 && word.endsWith("ed") : tags.some((t) => VERB_TAGS.has(t));
}
function isAdverb(word: string): boolean {
  return word.length > 3 && word.endsWith("ly") ? true : tagsOf(word).includes("Adverb");
}

let injury: Synset | null | undefined;
/** "burns", "fractures", "wounds": a kind of injury, by WordNet; asked again for the same words, remembered. */
const isInjury = memoizeByWord((word) => {
  const wn = wordNet();
  if (injury === undefined) injury = wn.lookup("injury", "n")[0] ?? null;
  if (!injury) return false;
  const anchor = injury;
  return commonSenses(wn, word).some((s) => wn.isA(s, anchor));
});

interface Found {
  lemma: string;
  type: PredicateType;
  tok: WordToken;
  /** Token index of the predicate's first word. */
  at: number;
  /** The predicate's words as written. */
  text: string;
}

/** The words from token `first` to token `last` as written. */
function spanText(text: string, first: WordToken, last: WordToken): string {
  return text.slice(first.start, last.end);
}

/** The predicate that starts at token i: single words, then phrases ("gunned down", "taken to hospital"). */
function predicateAt(text: string, toks: WordToken[], i: number): Found | null {
  const t = toks[i]!;
  const single = PREDICATES.get(t.lower);
  // "gunshot wounds", "suffered wounds": the noun after "suffer" is read with it below.
  if (single) return { lemma: single[0], type: single[1], tok: t, at: i, text: t.text };
  const next = toks[i + 1];
  if (!next || !/^\s+$/.test(text.slice(t.end, next.start))) return null;
  if (KILL_DOWN.has(t.lower) && next.lower === "down") return { lemma: "kill", type: "transitive", tok: t, at: i, text: spanText(text, t, next) };
  if (GRAVE.has(t.lower) && next.lower === "condition") return { lemma: "injure", type: "state", tok: t, at: i, text: spanText(text, t, next) };
  if (TO_HOSPITAL.has(t.lower) && (next.lower === "to" || next.lower === "into" || next.lower === "in")) {
    for (let j = i + 2; j < Math.min(toks.length, i + 5); j++) {
      if (HOSPITAL.test(toks[j]!.lower)) return { lemma: "injure", type: "state", tok: t, at: i, text: spanText(text, t, toks[j]!) };
    }
  }
  if (SUFFER.has(t.lower)) {
    for (let j = i + 1; j < Math.min(toks.length, i + 4); j++) {
      const w = toks[j]!.lower;
      if (w === "from" || w === "severe" || w === "serious" || w === "minor" || w === "multiple") continue;
      if (isInjury(w)) return { lemma: "injure", type: "state", tok: t, at: i, text: spanText(text, t, toks[j]!) };
      if (!tagsOf(w).includes("Adjective")) break;
    }
  }
  return null;
}

/** Per token, the index of the quantity it belongs to, or -1. Linear: quantities and tokens are both in order. */
function quantityOfToken(toks: WordToken[], quantities: Quantity[]): number[] {
  const owner = new Array<number>(toks.length).fill(-1);
  quantities.forEach((q, k) => {
    for (let i = tokenIndexAt(toks, q.start); i < toks.length && toks[i]!.end <= q.end; i++) owner[i] = k;
  });
  return owner;
}

interface Sentence {
  text: string;
  quantities: Quantity[];
  toks: WordToken[];
  owner: number[];
  /** Whether it speaks of deaths (`losesLives`), once asked. */
  aboutDeaths?: boolean;
}

/** Counts of the sentence with their noun, predicate and role. */
export function countedThings(sentence: string, quantities: Quantity[] = extractQuantities(sentence)): CountedThing[] {
  const toks = wordTokens(sentence);
  const s: Sentence = { text: sentence, quantities, toks, owner: quantityOfToken(toks, quantities) };
  const readings = quantities.map((q, k) => (q.kind === "count" ? readCount(s, k) : null));
  shareWithWholesAndCoordinates(s, readings);
  return readings.filter((r): r is Reading => r !== null).map(toCountedThing);
}

function toCountedThing(r: Reading): CountedThing {
  const { side: _side, first: _first, last: _last, part, ...thing } = r;
  return part ? { ...thing, part: part.before ? { of: part.of, before: true } : { of: part.of } } : thing;
}

interface Part {
  of: string | null;
  /** "Among them were 13": the whole is a count of the sentence before. */
  before?: true;
  /** The index of the whole's count in the sentence, when the sentence gives it as a count. */
  whole?: number;
}

/** How a count got its predicate: from its right (it is the subject) or its left (the object). */
interface Reading extends Omit<CountedThing, "part"> {
  part?: Part;
  side?: "left" | "right" | "own";
  /** Token span of the count with its noun. */
  first: number;
  last: number;
}

/** How far a predicate lies from the count (tokens `first` to `last`); one on the left counts half a word farther. */
function predicateDistance(f: Found | null, fromLeft: boolean, first: number, last: number): number {
  return f === null ? Infinity : fromLeft ? first - f.at + 0.5 : f.at - last;
}

function readCount(s: Sentence, k: number): Reading {
  const quantities = s.quantities;
  const q = quantities[k]!;
  const { text, toks } = s;
  const first = tokenIndexAt(toks, q.start);
  const nounEnd = phraseEndOffset(q);
  let last = tokenIndexAt(toks, nounEnd) - 1;
  if (last < first) last = first;
  const base: Reading = { quantity: q, noun: q.noun ?? null, predicate: null, predicateText: null, predicateStart: null, role: "unknown", first, last };
  const part = partOf(s, quantities, k, first, last);
  if (part) base.part = part;
  const prev = quantities[k - 1];
  if (prev?.kind === "count" && REFERENCE_BETWEEN.test(text.slice(prev.end, q.start))) return base;

  const own = q.noun ? PREDICATES.get(q.noun) : undefined;
  // "five deaths", "12 dead", and participles standing for their noun ("40 injured", "30 wounded").
  if (own && (own[1] === "state" || PARTICIPLE.test(q.noun!))) {
    const tok = toks[last]!;
    return { ...base, predicate: own[0], predicateText: tok.text, predicateStart: tok.start, role: "victim", side: "own" };
  }
  // "seven wounded children", "five dead girls": the predicate inside the count's own phrase.
  for (let i = first; i < last; i++) {
    if (s.owner[i] === k) continue;
    const inner = PREDICATES.get(toks[i]!.lower);
    if (inner) return { ...base, predicate: inner[0], predicateText: toks[i]!.text, predicateStart: toks[i]!.start, role: "victim", side: "own" };
  }
  if (q.noun && countedKind(q.noun) === "bodies" && !/^\s+of\b/i.test(text.slice(nounEnd))) {
    const tok = toks[last]!;
    return { ...base, predicate: "dead", predicateText: tok.text, predicateStart: tok.start, role: "victim", side: "own", bodies: true };
  }
  const lives = q.noun === "lives" ? livesTaken(s, first, last) : null;
  if (lives) return { ...base, predicate: "kill", predicateText: lives.text, predicateStart: lives.start, role: "victim", side: "own" };
  const right = subjectPredicate(s, last);
  const left = objectPredicate(s, first);
  const useRight = right !== null && predicateDistance(right, false, first, last) <= predicateDistance(left, true, first, last);
  const found = useRight ? right : left;
  if (!found || (found.lemma === "lose" && (useRight || !losesLives(s, q)))) return base;
  return {
    ...base,
    predicate: found.lemma,
    predicateText: found.text,
    predicateStart: found.tok.start,
    role: useRight ? subjectRole(text, found, nounEnd) : objectRole(text, found, q.start),
    side: useRight ? "right" : "left",
  };
}

/** Predicate lemmas of death: a sentence holding one is about deaths. */
const DEATH_LEMMAS = new Set(["kill", "die", "dead", "death", "perish", "drown", "murder", "fatality", "casualty", "victim"]);
let militaryAction: Synset[] | undefined;

/**
 * Whether "lost N <people>" counts deaths: WordNet's "lose" has the sense "suffer the loss of a person
 * through death", and the sentence must be about deaths: a word of death, a disaster or other happening
 * (WordNet noun.event or noun.phenomenon: "earthquake"), or a kind of military action ("war"). So
 * "the party lost 20 members in the election" is no toll.
 */
function losesLives(s: Sentence, q: Quantity): boolean {
  if (!q.noun || countedKind(q.noun) !== "people") return false;
  // Read once per sentence, however many counts it holds.
  s.aboutDeaths ??= s.toks.some((t) => aboutDeaths(t.lower));
  return s.aboutDeaths;
}

/** Whether a word speaks of deaths: a word of death, a happening, or a kind of military action. */
const aboutDeaths = memoizeByWord((word) => {
  const p = PREDICATES.get(word);
  if (p && DEATH_LEMMAS.has(p[0])) return true;
  if (eventNounWeight(word) === HAPPENING) return true;
  const wn = wordNet();
  militaryAction ??= wn.lookup("military action", "n");
  return commonSenses(wn, word).some((sense) => militaryAction!.some((a) => wn.isA(sense, a)));
});

/** Verbs of losing or taking lives: "claimed 30 lives", "30 lives were lost" (not "saved 30 lives"). */
const TAKE_LIVES = new Set("claim claims claimed claiming cost costs costing take takes took taking lose loses lost losing".split(" "));

/** The verb that takes a count of lives, when one does: before it over determiners, or "lost" after it. */
function livesTaken(s: Sentence, first: number, last: number): { text: string; start: number } | null {
  const { toks } = s;
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const w = toks[i]!.lower;
    if (TAKE_LIVES.has(w)) return { text: toks[i]!.text, start: toks[i]!.start };
    if (!OBJECT_GAP.has(w) || s.text.slice(toks[i]!.end, toks[i + 1]!.start).includes(",")) break;
  }
  for (let i = last + 1; i < toks.length && i <= last + 3; i++) {
    const w = toks[i]!.lower;
    if (w === "lost") return { text: toks[i]!.text, start: toks[i]!.start };
    if (!SUBJECT_GAP.has(w)) break;
  }
  return null;
}

/** Walks right from a subject count to its predicate, then along "and"/"but" to the last one its subject takes. */
function subjectPredicate(s: Sentence, last: number): Found | null {
  const { text, toks } = s;
  let found: Found | null = null;
  let joined = false;
  let steps = 0;
  let afterAside = false;
  for (let i = last + 1; i < toks.length && steps <= MAX_GAP; i++, steps++) {
    const t = toks[i]!;
    const gap = text.slice(toks[i - 1]!.end, t.start);
    if (HARD_BREAK.test(gap)) break;
    if (gap.includes(",") && !afterAside) {
      // ", including five children, were killed": an aside, skipped when it closes within a few words.
      if (found || !ASIDE_OPENERS.has(t.lower)) break;
      const close = asideEnd(s, i);
      if (close < 0) break;
      i = close - 1;
      afterAside = true;
      continue;
    }
    afterAside = false;
    if (NEGATIONS.has(t.lower)) break;
    if (s.owner[i] !== -1) {
      // "90 of the 102 people on board were killed", "12 passengers including five children survived".
      if (found || i - last > 3 || !toks.slice(last + 1, i).every((w) => EMBEDDING.has(w.lower))) break;
      i = phraseEnd(s, s.owner[i]!) - 1;
      continue;
    }
    const p = predicateAt(text, toks, i);
    if (p && (!found || joined)) {
      found = p;
      joined = false;
      i = lastTokenOf(s, p);
      continue;
    }
    if (found) {
      // After a predicate only "and"/"but" lead on, over auxiliaries and adverbs, to another one of the same subject.
      if (CHAIN_JOIN.has(t.lower)) joined = true;
      else if (joined && !CHAIN_GAP.has(t.lower) && !isAdverb(t.lower)) break;
      else if (isVerb(t.lower) && !SUBJECT_GAP.has(t.lower)) break;
      continue;
    }
    if (CONJUNCTIONS.has(t.lower)) break;
    if (SUBJECT_GAP.has(t.lower) || isAdverb(t.lower)) continue;
    if (isVerb(t.lower) && t.lower !== "including") break;
  }
  return found;
}

/** Index of the first token after a count's phrase (its number and noun). */
function phraseEnd(s: Sentence, k: number): number {
  return tokenIndexAt(s.toks, phraseEndOffset(s.quantities[k]!));
}

/** The token index of a predicate's last word. */
function lastTokenOf(s: Sentence, p: Found): number {
  const end = p.tok.start + p.text.length;
  let i = p.at;
  while (i + 1 < s.toks.length && s.toks[i + 1]!.end <= end) i++;
  return i;
}

/** Index of the first token after the comma that closes an aside starting at token i, or -1. */
function asideEnd(s: Sentence, i: number): number {
  for (let j = i + 1; j < s.toks.length && j <= i + MAX_GAP; j++) {
    const gap = s.text.slice(s.toks[j - 1]!.end, s.toks[j]!.start);
    if (HARD_BREAK.test(gap)) return -1;
    if (gap.includes(",")) return j;
  }
  return -1;
}

/** Walks left from an object count to the verb or toll noun that governs it. */
function objectPredicate(s: Sentence, first: number): Found | null {
  const { text, toks } = s;
  const gapWords: string[] = [];
  for (let i = first - 1; i >= 0 && gapWords.length <= MAX_GAP; i--) {
    const t = toks[i]!;
    const gap = text.slice(t.end, toks[i + 1]!.start);
    if (HARD_BREAK.test(gap) || gap.includes(",")) return null;
    if (s.owner[i] !== -1) return null;
    const p = predicateAt(text, toks, i);
    if (p && lastTokenOf(s, p) < first) {
      if (p.type === "transitive" && !gapWords.every((w) => OBJECT_GAP.has(w))) return null;
      if (p.type === "state" && !gapWords.every((w) => !CONJUNCTIONS.has(w) && !NEGATIONS.has(w) && (TOLL_VERBS.has(w) || !isVerb(w)))) return null;
      return p;
    }
    gapWords.push(t.lower);
  }
  return null;
}

function subjectRole(text: string, p: Found, anchorEnd: number): CountedThing["role"] {
  if (p.type === "state") return "victim";
  const between = text.slice(anchorEnd, p.tok.start);
  if (PASSIVE_AUX.test(between)) return "victim";
  const after = text.slice(p.tok.start + p.text.length);
  if (OBJECT_START.test(after)) return "agent";
  if (PARTICIPLE.test(p.tok.lower) && NOT_OBJECT.test(after)) return "victim";
  // An active verb with some other object ("gunmen killed civilians").
  return PARTICIPLE.test(p.tok.lower) && !WORD_AFTER.test(after) ? "victim" : "agent";
}

function objectRole(text: string, p: Found, qStart: number): CountedThing["role"] {
  return /\bby\b/i.test(text.slice(p.tok.start + p.text.length, qStart)) ? "agent" : "victim";
}

/** Whether the count is a part of a larger group, and what the sentence calls that group. */
function partOf(s: Sentence, quantities: Quantity[], k: number, first: number, last: number): Part | null {
  const q = quantities[k]!;
  const { text } = s;
  const after = text.slice(q.end, Math.min(text.length, q.end + 60));
  if (PART_OF_AFTER.test(after)) {
    // "90 of the 102 people": the whole is another count, and this one is the measure's total.
    const next = quantities[k + 1];
    if (next && next.start < q.end + 40 && REFERENCE_BETWEEN.test(text.slice(q.end, next.start))) return null;
    if (/^\s+of\s+(?:them|whom)\b/i.test(after)) {
      // "At least 17 people were injured, three of them seriously": them are the count before.
      const whole = wholeBefore(s, quantities, k);
      return whole < 0 ? { of: null } : { of: text.slice(quantities[whole]!.start, phraseEndOffset(quantities[whole]!)), whole };
    }
    const ofLength = /^\s+of\s+/i.exec(after)![0].length;
    return { of: q.nounEnd !== undefined && q.nounEnd > q.end + ofLength ? text.slice(q.end + ofLength, q.nounEnd) : null };
  }
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  if (PART_BEFORE.test(before)) {
    const whole = wholeBefore(s, quantities, k);
    if (whole >= 0) return { of: text.slice(quantities[whole]!.start, phraseEndOffset(quantities[whole]!)), whole };
    // "Among them were 13 soldiers." opening its sentence: "them" are counted in the sentence before.
    return OPENS_WITH_BACK_REFERENCE.test(text.slice(0, q.start)) ? { of: null, before: true } : { of: null };
  }
  if (PART_AFTER.test(text.slice(phraseEndOffset(q), phraseEndOffset(q) + 30)) || saysAlone(s, first, last)) return { of: null };
  return null;
}

/** The index of the count a part is listed under ("at least 90 people, including five"), or -1. */
function wholeBefore(s: Sentence, quantities: Quantity[], k: number): number {
  for (let j = k - 1; j >= 0; j--) {
    const w = quantities[j]!;
    if (w.kind !== "count") continue;
    return quantities[k]!.start - w.end > 80 ? -1 : j;
  }
  return -1;
}

/** Where a count's phrase (its number and noun) ends in the sentence. */
function phraseEndOffset(q: Quantity): number {
  return Math.max(q.end, q.nounEnd ?? q.end);
}

/** "in one province alone": "alone" within a few words of the count, in its clause. */
function saysAlone(s: Sentence, first: number, last: number): boolean {
  const { toks, text } = s;
  for (let i = last + 1; i < toks.length && i <= last + 6; i++) {
    if (HARD_BREAK.test(text.slice(toks[i - 1]!.end, toks[i]!.start))) break;
    if (toks[i]!.lower === "alone") return true;
  }
  for (let i = first - 1; i >= 0 && i >= first - 6; i--) {
    if (HARD_BREAK.test(text.slice(toks[i]!.end, toks[i + 1]!.start))) break;
    if (toks[i]!.lower === "alone") return true;
  }
  return false;
}

/**
 * Coordinated counts share a predicate: "killing 61 people on board and 12 others on the ground" (the
 * verb's objects), "three men and two women were killed" (its subjects).
 */
function shareWithWholesAndCoordinates(s: Sentence, results: (Reading | null)[]): void {
  // "at least 90 people, including five soldiers, were killed": the part shares its whole's predicate.
  for (const r of results) {
    const whole = r?.part?.whole === undefined ? null : results[r.part.whole];
    if (r && !r.predicate && whole?.predicate) Object.assign(r, pick(whole));
  }
  for (let k = 1; k < results.length; k++) {
    const a = results[k - 1]!;
    const b = results[k]!;
    if (a && b && !b.predicate && a.side === "right" && elliptical(s, a, b)) {
      // "Four people died on Monday and two more on Tuesday": the second count's verb is the first's.
      Object.assign(b, pick(a), { side: "right" });
      continue;
    }
    if (a && b && juxtaposed(s, a, b)) {
      // "leaving 170 civilians, 13 soldiers killed" (the comma sometimes lost): a list of parts under one verb.
      if (!a.predicate && b.predicate) Object.assign(a, pick(b), { side: b.side });
      if (a.predicate && a.predicate === b.predicate) {
        a.part ??= { of: null };
        b.part ??= { of: null };
      }
      continue;
    }
    const joined = a && b ? conjunctionBetween(s, a, b) : null;
    if (!joined) continue;
    if (a.side === "left" && !b.predicate) Object.assign(b, pick(a), { side: "left" });
    else if (b.side === "right" && !a.predicate) Object.assign(a, pick(b), { side: "right" });
    // "killed 170 civilians and 13 soldiers": a breakdown of a toll the sentence does not sum.
    if (joined === "and" && a.predicate && a.predicate === b.predicate) {
      a.part ??= { of: null };
      b.part ??= { of: null };
    }
  }
}

function pick(r: Reading): Partial<Reading> {
  return { predicate: r.predicate, predicateText: r.predicateText, predicateStart: r.predicateStart, role: r.role };
}

/**
 * Two counts of different people side by side, nothing but a comma or a space between the first's noun
 * and the second's number ("170 civilians 13 soldiers"): a list whose "and" was left out. The first
 * must name its people, so "in 2021 13 soldiers" is no list.
 */
function juxtaposed(s: Sentence, a: Reading, b: Reading): boolean {
  const qa = a.quantity;
  const qb = b.quantity;
  if (!qa.noun || !qb.noun || qa.noun === qb.noun || b.first !== a.last + 1) return false;
  return /^\s{0,3},?\s{1,3}$/.test(s.text.slice(phraseEndOffset(qa), qb.start));
}

/** "and"/"or" when it joins two counts, after at most a short phrase after the first ("61 people on board and 12"). */
function conjunctionBetween(s: Sentence, a: Reading, b: Reading): "and" | "or" | null {
  const { toks, text } = s;
  let words = 0;
  for (let i = a.last + 1; i < b.first; i++) {
    const gap = text.slice(toks[i - 1]!.end, toks[i]!.start);
    if (HARD_BREAK.test(gap) || gap.includes(",")) return null;
    const w = toks[i]!.lower;
    if (w === "and" || w === "or") return i === b.first - 1 || (i === b.first - 2 && OBJECT_GAP.has(toks[i + 1]!.lower)) ? w : null;
    if (isVerb(w) || ++words > 3) return null;
  }
  return null;
}

/**
 * A count after "and" in a clause with no verb of its own ("..., and two more on Tuesday"), the
 * previous count's predicate standing between them: English leaves the repeated verb out.
 */
function elliptical(s: Sentence, a: Reading, b: Reading): boolean {
  const { toks, text } = s;
  if (a.predicateStart === null || toks[b.first - 1]?.lower !== "and" || toks[b.first - 1]!.start < a.predicateStart) return false;
  for (let i = b.last + 1; i < toks.length && i <= b.last + MAX_GAP; i++) {
    const gap = text.slice(toks[i - 1]!.end, toks[i]!.start);
    if (HARD_BREAK.test(gap) || gap.includes(",")) return true;
    const w = toks[i]!.lower;
    if (s.owner[i] !== -1 || CONJUNCTIONS.has(w)) return true;
    if (isVerb(w) || SUBJECT_GAP.has(w)) return false;
  }
  return true;
}
