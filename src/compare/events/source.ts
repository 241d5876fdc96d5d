/**
 * Who gave a figure: the attribution of its sentence, read from its grammar. A reporting verb (a verb of
 * communication in WordNet: "said", "told", "reported", "quoted") names its speaker before it ("police
 * said", "the minister told AFP", "officials were quoted") or, inverted, after it (", said the governor");
 * "according to" names it after. The speaker is the noun phrase up to the nearest clause boundary, as
 * written, ending in a name or a noun that can speak (WordNet: a person, a group, a medium). A pronoun
 * is no source: "he said" names nobody the reader can check.
 *
 * A speaker is the figure's source only when the figure stands in what the verb reports, in the verb's
 * own clause: after the verb ("police said 12 died"), or before it when the attribution is set off as an
 * aside (", police said"). So "X claims to have overcome ..., but ... killed 100" and "..., while
 * officials say suspects were held" give no source. Claiming an attack is no report of its toll: a verb
 * whose object is "responsibility", "credit" or a happening ("claimed the bombing") attributes nothing,
 * nor does one in a relative clause about a happening ("the attack, which the group has claimed").
 */
import { isStopWord, startsCapitalized } from "../../text/analyze";
import { eventNounWeight, isDescriptive, isReportingVerb, isSpeakerNoun, isTollWord } from "./lexicon";
import { countBelow } from "../../text/sorted";

const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;
/** Words a speaker's noun phrase never runs past, reading away from its verb. */
const PHRASE_STOP = new Set(["that", "which", "who", "whom", "whose", "and", "but", "or", "as", "while", "when", "if", "because", "after", "before", "since", "to", "in", "on", "at", "for", "with", "by", "from", "of"]);
/** Between a speaker and its verb: auxiliaries and adverbs of time ("officials have said", "police later said"). */
const BETWEEN = /^(?:was|were|is|are|has|have|had|been|also|later|earlier|previously|initially|first|then|would|could|did|does|do|on|late|early|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const PASSIVE = /^(?:was|were|is|are|been)$/i;
const QUOTED = /^quoted$/i;
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "who", "which", "one", "others", "some"]);
const DETERMINERS = new Set(["a", "an", "the"]);
const MAX_WORDS = 8;
const PUNCT_STOP = /[,;:"“”()\[\]—–]|\s-\s|--/;

interface Word {
  text: string;
  start: number;
  end: number;
}

/** One attribution: its speaker, where its verb is, its clause, and on which side of it what it reports lies. */
interface Found {
  source: string;
  at: number;
  clause: number;
  /** Reports what follows it ("police said 12 died"). */
  after: boolean;
  /** Reports what precedes it, set off as an aside ("12 died, police said"). */
  before: boolean;
  /** An aside in the sentence's last clause: it reports every clause before it. */
  closing: boolean;
}

/** The attributions of a sentence, in order, each with the clause it stands in. */
export interface Attributions {
  found: Found[];
  /** Where each was found: `found[k].at`, for bisection. */
  at: number[];
  /** Offsets where clauses break, in order. */
  breaks: number[];
}

/** The source the sentence gives for the figure at `near`, as written ("police", "a hospital official"); null when none. */
export function attributionOf(sentence: string, near = 0): string | null {
  return attributionNear(readAttributions(sentence), near);
}

/** Every attribution of a sentence: read once, however many figures it holds. */
export function readAttributions(sentence: string): Attributions {
  const words: Word[] = [...sentence.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const breaks = [...sentence.matchAll(CLAUSE_BREAK)].map((m) => m.index);
  const found: Attributions["found"] = [];
  let clause = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    while (clause < breaks.length && breaks[clause]! < w.start) clause++;
    const lower = w.text.toLowerCase();
    if (lower === "according" && words[i + 1]?.text.toLowerCase() === "to") {
      const s = phraseAfter(sentence, words, i + 2);
      if (s) found.push(attribution(s, w.start, clause, breaks, true, true));
      continue;
    }
    if (!isReportingVerb(lower) && !(ESTIMATING.test(lower) && TOLL_AFTER.test(sentence.slice(w.end, w.end + 40)))) continue;
    if (claimsADeed(sentence, words, i)) continue;
    const subject = phraseBefore(sentence, words, i);
    if (subject) {
      if (!subject.relative) found.push(attribution(subject.text, w.start, clause, breaks, true, subject.aside));
      continue;
    }
    const s = invertedAfter(sentence, words, i);
    if (s) found.push(attribution(s, w.start, clause, breaks, false, true));
  }
  return { found, at: found.map((f) => f.at), breaks };
}

/** An attribution whose verb is at `at`, in clause `clause` of a sentence cut at `breaks`. */
function attribution(source: string, at: number, clause: number, breaks: readonly number[], after: boolean, before: boolean): Found {
  // An aside in the sentence's last clause closes it: it reports the whole sentence.
  return { source, at, clause, after, before, closing: before && clause === breaks.length };
}

/** Attributions looked at on each side of a figure: a bound on the work per figure. */
const MAX_CANDIDATES = 8;

/**
 * The attribution of the figure at `near`: the nearest that reports it, either before it in its clause
 * reporting what follows ("police said 12 died"), or after it as an aside of its clause or one closing
 * the sentence ("12 died, while 3 survived, police said").
 */
export function attributionNear(a: Attributions, near: number): string | null {
  const clause = countBelow(a.breaks, near);
  const k = countBelow(a.at, near);
  let before: Found | null = null;
  for (let j = k - 1; j >= 0 && j >= k - MAX_CANDIDATES && a.found[j]!.clause === clause; j--) {
    if (a.found[j]!.after) {
      before = a.found[j]!;
      break;
    }
  }
  let after: Found | null = null;
  for (let j = k; j < a.found.length && j < k + MAX_CANDIDATES; j++) {
    const f = a.found[j]!;
    if (f.before && (f.clause === clause || f.closing)) {
      after = f;
      break;
    }
  }
  if (!before || !after) return (before ?? after)?.source ?? null;
  return near - before.at <= after.at - near ? before.source : after.source;
}

/** Objects that make a claiming verb a claim of the deed, not a report: "claimed responsibility", "claimed credit". */
const DEED_OBJECTS = new Set(["responsibility", "credit"]);
/** Words before a verb's object noun: "claimed a deadly twin-bombing". */
const OBJECT_LEAD = new Set(["a", "an", "the", "its", "their", "his", "her", "full", "sole"]);
const MAX_OBJECT_WORDS = 5;
/** Verbs that open a reported clause right after its subject. */
const FINITE_AUXILIARIES = new Set(["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "may", "might", "must"]);

/**
 * Whether verb `i` takes the deed as its object: "claimed responsibility for", "claimed a deadly
 * twin-bombing", "claimed the attack". Its object's head is the last word of the noun phrase after it
 * ("rescue boats" is about boats); a toll ("reported the deaths of 12") is a report, not a deed.
 */
function claimsADeed(sentence: string, words: readonly Word[], i: number): boolean {
  let head: string | null = null;
  for (let j = i + 1; j < words.length && j <= i + MAX_OBJECT_WORDS; j++) {
    if (PUNCT_STOP.test(sentence.slice(words[j - 1]!.end, words[j]!.start))) break;
    const lower = words[j]!.text.toLowerCase();
    if (head === null && OBJECT_LEAD.has(lower)) continue;
    // "said the bombing was planned": the noun is the subject of what is said, not the verb's object.
    if (head !== null && FINITE_AUXILIARIES.has(lower)) return false;
    if (/^\d/.test(lower) || isStopWord(lower) || PHRASE_STOP.has(lower)) break;
    // "twin-bombing": the noun is its last part.
    head = lower.slice(lower.lastIndexOf("-") + 1);
  }
  if (head === null) return false;
  // Claiming a happening is claiming the deed ("claimed the bombing"); reporting one is a report ("reported a crash that killed 5").
  const claiming = CLAIMING.test(words[i]!.text);
  return DEED_OBJECTS.has(head) || (claiming && eventNounWeight(head) > 0 && !isTollWord(head) && !isSpeakerNoun(head));
}
const CLAIMING = /^claim(?:s|ed|ing)?$/i;

/** "put the death toll at", "placed the number of dead at": a figure given by the verb's subject. */
const ESTIMATING = /^(?:put|puts|placed|places|estimated|estimates|set|sets)$/;
const TOLL_AFTER = /^\s{1,3}(?:the\s{1,3})?(?:\p{L}+\s{1,3})?(?:toll|number|figure|count)\b/u;
/** Where a sentence passes from one clause to the next. */
const CLAUSE_BREAK = /;|,\s{0,3}(?:while|whereas|but)\b/g;

/** A subject read before its verb, how it is set in the sentence. */
interface Subject {
  text: string;
  /** Set off by punctuation (", police said"): an aside that can report what precedes it. */
  aside: boolean;
  /** After a relative pronoun ("which the group has claimed"): the verb's object is what precedes it. */
  relative: boolean;
}

/** Relative pronouns that open a clause whose verb's object is the noun before them. */
const RELATIVES = new Set(["which", "that", "whom"]);
/** Prepositions inside a subject ("officials in the province", "the governor of the state"). */
const SUBJECT_PREPOSITIONS = new Set(["in", "at", "from", "of"]);

/**
 * The speaker before verb `i`: "police said", "a hospital official told AFP", "officials have said",
 * "militants in the province claimed" (the whole phrase: the place inside it is not the speaker).
 */
function phraseBefore(sentence: string, words: readonly Word[], i: number): Subject | null {
  let j = i - 1;
  let passive = false;
  while (j >= 0 && BETWEEN.test(words[j]!.text) && !PUNCT_STOP.test(sentence.slice(words[j]!.end, words[j + 1]!.start))) {
    if (PASSIVE.test(words[j]!.text)) passive = true;
    j--;
  }
  // "90 passengers have been confirmed dead": the subject of a passive is what was reported, not who
  // reported it; only "was quoted (as saying)" keeps its speaker.
  if (passive && !QUOTED.test(words[i]!.text)) return null;
  if (j < 0 || PUNCT_STOP.test(sentence.slice(words[j]!.end, words[j + 1]!.start))) return null;
  const end = j;
  let start = j;
  let joined = false;
  let head = end;
  while (start > 0 && end - start + 1 < MAX_WORDS) {
    const prev = words[start - 1]!;
    if (PUNCT_STOP.test(sentence.slice(prev.end, words[start]!.start))) break;
    const lower = prev.text.toLowerCase();
    if (!joined && joinsSubject(sentence, words, start - 1, start, end)) {
      joined = true;
      start--;
      if (SUBJECT_PREPOSITIONS.has(lower)) head = start - 1;
      continue;
    }
    if (PHRASE_STOP.has(lower) || /^\d/.test(prev.text) || isReportingVerb(lower)) break;
    start--;
    if (DETERMINERS.has(lower) && (joined || !joinsSubject(sentence, words, start - 1, start, end))) break;
  }
  // The word limit reached at the preposition: no head before it, no subject.
  const text = head < start ? null : phrase(sentence, words, start, end, head);
  if (!text) return null;
  const gap = start > 0 ? sentence.slice(words[start - 1]!.end, words[start]!.start) : "";
  return { text, aside: start > 0 && PUNCT_STOP.test(gap), relative: start > 0 && !PUNCT_STOP.test(gap) && RELATIVES.has(words[start - 1]!.text.toLowerCase()) };
}

/**
 * Whether word `k` joins the phrase `start`..`end` after it to a subject before it: "and"/"or" after a
 * name or a noun that can speak ("police and officials"), or a preposition after one when the phrase is
 * a name or a definite one ("militants in Norland", "officials in the province").
 */
function joinsSubject(sentence: string, words: readonly Word[], k: number, start: number, end: number): boolean {
  if (k < 1) return false;
  const word = words[k]!.text.toLowerCase();
  const coordination = word === "and" || word === "or";
  if (!coordination && !SUBJECT_PREPOSITIONS.has(word)) return false;
  const head = words[k - 1]!;
  if (PUNCT_STOP.test(sentence.slice(head.end, words[k]!.start))) return false;
  if (!startsCapitalized(head.text) && (!isSpeakerNoun(head.text) || isDescriptive(head.text))) return false;
  if (coordination) return true;
  const named = words.slice(start, end + 1).every((w) => startsCapitalized(w.text));
  return named || words[start]!.text.toLowerCase() === "the";
}

/** The speaker after an inverted verb: `..., said the governor`, `"...," said Ann Lee, a doctor`. */
function invertedAfter(sentence: string, words: readonly Word[], i: number): string | null {
  const gap = sentence.slice(i > 0 ? words[i - 1]!.end : 0, words[i]!.start);
  if (i > 0 && !/[,"”’']\s*$/.test(gap)) return null;
  return phraseAfter(sentence, words, i + 1);
}

/** A noun phrase from word `i` up to a clause boundary: "a hospital official", "Ilse Varga". */
function phraseAfter(sentence: string, words: readonly Word[], i: number): string | null {
  if (i >= words.length) return null;
  let end = i;
  while (end + 1 < words.length && end - i + 1 < MAX_WORDS) {
    if (PUNCT_STOP.test(sentence.slice(words[end]!.end, words[end + 1]!.start))) break;
    const next = words[end + 1]!.text.toLowerCase();
    if ((PHRASE_STOP.has(next) && next !== "of") || isReportingVerb(next) || BETWEEN.test(next)) break;
    end++;
  }
  return phrase(sentence, words, i, end);
}

/** The phrase of words `start`..`end`, when it can name a speaker: its `head` a name or a noun that can speak. */
function phrase(sentence: string, words: readonly Word[], start: number, end: number, head = end): string | null {
  const text = sentence.slice(words[start]!.start, words[end]!.end).replace(/[.]$/, "");
  const first = words[start]!.text.toLowerCase();
  if (start === end && PRONOUNS.has(first)) return null;
  if (PRONOUNS.has(first) && !DETERMINERS.has(first)) return null;
  if (/^\d/.test(text)) return null;
  // The phrase must end in a name or in a noun that can speak: "huge" (before "waves") names nobody.
  const headWord = words[head]!.text;
  if (isStopWord(headWord.toLowerCase()) || (!startsCapitalized(headWord) && !isSpeakerNoun(headWord))) return null;
  return text;
}
