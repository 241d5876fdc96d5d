/**
 * Who gave a figure: the attribution of its sentence, read from its grammar. A reporting verb (a verb of
 * communication in WordNet: "said", "told", "reported", "quoted") names its speaker before it ("police
 * said", "the minister told AFP", "officials were quoted") or, inverted, after it (", said the governor");
 * "according to" names it after. The speaker is the noun phrase up to the nearest clause boundary, as
 * written, ending in a name or a noun that can speak (WordNet: a person, a group, a medium). A pronoun
 * is no source: "he said" names nobody the reader can check.
 */
import { isStopWord } from "../../text/analyze";
import { isReportingVerb, isSpeakerNoun } from "./lexicon";
import { countBelow } from "../sorted";

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

/** The attributions of a sentence, in order, each with the clause it stands in. */
export interface Attributions {
  found: { source: string; at: number; clause: number }[];
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
      if (s) found.push({ source: s, at: w.start, clause });
      continue;
    }
    if (!isReportingVerb(lower) && !(ESTIMATING.test(lower) && TOLL_AFTER.test(sentence.slice(w.end, w.end + 40)))) continue;
    const s = phraseBefore(sentence, words, i) ?? invertedAfter(sentence, words, i);
    if (s) found.push({ source: s, at: w.start, clause });
  }
  return { found, at: found.map((f) => f.at), breaks };
}

/**
 * The attribution nearest the figure at `near`, one in the figure's own clause first. Attributions are
 * in order, and those of one clause are together: the two beside `near` are the only candidates.
 */
export function attributionNear(a: Attributions, near: number): string | null {
  const clause = countBelow(a.breaks, near);
  const found = a.found;
  const after = countBelow(a.at, near);
  const beside = [found[after - 1], found[after]].filter((f): f is Attributions["found"][number] => f !== undefined);
  const own = beside.filter((f) => f.clause === clause);
  const pool = own.length ? own : beside;
  let best: Attributions["found"][number] | null = null;
  for (const f of pool) if (!best || Math.abs(f.at - near) < Math.abs(best.at - near)) best = f;
  return best?.source ?? null;
}

/** "put the death toll at", "placed the number of dead at": a figure given by the verb's subject. */
const ESTIMATING = /^(?:put|puts|placed|places|estimated|estimates|set|sets)$/;
const TOLL_AFTER = /^\s{1,3}(?:the\s{1,3})?(?:\p{L}+\s{1,3})?(?:toll|number|figure|count)\b/u;
/** Where a sentence passes from one clause to the next. */
const CLAUSE_BREAK = /;|,\s{0,3}(?:while|whereas|but)\b/g;

/** The speaker before verb `i`: "police said", "a hospital official told AFP", "officials have said". */
function phraseBefore(sentence: string, words: readonly Word[], i: number): string | null {
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
  while (start > 0 && end - start + 1 < MAX_WORDS) {
    const prev = words[start - 1]!;
    if (PUNCT_STOP.test(sentence.slice(prev.end, words[start]!.start))) break;
    const lower = prev.text.toLowerCase();
    if (PHRASE_STOP.has(lower) || /^\d/.test(prev.text) || isReportingVerb(lower)) break;
    start--;
    if (DETERMINERS.has(lower)) break;
  }
  return phrase(sentence, words, start, end);
}

/** The speaker after an inverted verb: `..., said the governor`, `"...," said Ann Lee, a doctor`. */
function invertedAfter(sentence: string, words: readonly Word[], i: number): string | null {
  const gap = sentence.slice(i > 0 ? words[i - 1]!.end : 0, words[i]!.start);
  if (i > 0 && !/[,"”’']\s*$/.test(gap)) return null;
  return phraseAfter(sentence, words, i + 1);
}

/** A noun phrase from word `i` up to a clause boundary: "a hospital official", "Samarendra Karmakar". */
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

function phrase(sentence: string, words: readonly Word[], start: number, end: number): string | null {
  const text = sentence.slice(words[start]!.start, words[end]!.end).replace(/[.]$/, "");
  const first = words[start]!.text.toLowerCase();
  if (start === end && PRONOUNS.has(first)) return null;
  if (PRONOUNS.has(first) && !DETERMINERS.has(first)) return null;
  if (/^\d/.test(text)) return null;
  // The phrase must end in a name or in a noun that can speak: "huge" (before "waves") names nobody.
  const head = words[end]!.text;
  if (isStopWord(head.toLowerCase()) || (!/^\p{Lu}/u.test(head) && !isSpeakerNoun(head))) return null;
  return text;
}
