/**
 * The head noun a number counts: "130 people dead" -> people, "two suicide bombers killed" -> bombers,
 * "one of the victims" -> victims. No parse: a short run of content words after the number, stopped by
 * function words, verbs, adverbs and punctuation, whose head is its first plural (or its last word).
 * compromise's lexicon (a plain word -> tag map) tells verbs and adverbs apart without running the tagger.
 */
import { tagsOf } from "../../lexicon/compromise";
import { isStopWord } from "../../text/analyze";
import { tokenIndexAt, type WordToken } from "../extract/numbers";

export interface NounMatch {
  noun: string;
  start: number;
  end: number;
  plural: boolean;
}

const MAX_RUN = 4;
/** Plurals without an -s. */
const IRREGULAR_PLURALS = new Set([
  "people", "men", "women", "children", "police", "personnel", "staff", "crew", "troops", "cattle", "sheep",
  "deer", "fish", "aircraft", "militia", "youth", "clergy", "infantry", "livestock", "feet", "teeth", "mice",
  "geese", "others",
]);
/** Words that end in -s but are not plural nouns. */
const NOT_PLURAL = /(?:ss|us|is|ous|ics|ness|ws)$/;
/** "US", "UN": capitals only. */
const ACRONYM = /^\p{Lu}{2,}$/u;
const STOP_TAGS = new Set([
  "PastTense", "Infinitive", "Gerund", "Copula", "Modal", "Auxiliary", "Participle", "PhrasalVerb", "Verb",
  "Conditional", "Adverb", "Preposition", "Conjunction", "Determiner", "Pronoun", "QuestionWord", "Negative",
]);
/** Words the compromise lexicon gets wrong for our purpose (nouns it tags as verbs). */
const NOUNS_DESPITE_LEXICON = new Set(["suspects", "attacks", "strikes", "shots", "cases", "deaths", "injuries", "arrests", "votes", "games", "goals", "points", "runs", "hits", "wins", "sales", "shares", "units", "rounds"]);

/** A word that ends a noun run: a verb, adverb or function word. */
function isStopper(word: string): boolean {
  if (isStopWord(word)) return true;
  if (NOUNS_DESPITE_LEXICON.has(word) || IRREGULAR_PLURALS.has(word)) return false;
  const tags = tagsOf(word);
  if (tags.some((t) => STOP_TAGS.has(t))) return true;
  if (tags.length === 0 && /(?:ed|ing|ly)$/.test(word) && word.length > 4) return true;
  return false;
}

function isPlural(word: string): boolean {
  if (IRREGULAR_PLURALS.has(word)) return true;
  const tags = tagsOf(word);
  if (tags.includes("Plural")) return true;
  if (tags.includes("Singular") || tags.includes("Uncountable")) return false;
  return word.length > 3 && word.endsWith("s") && !NOT_PLURAL.test(word);
}

const OF_DETERMINERS = new Set(["the", "those", "these", "them", "its", "their", "his", "her", "our", "my", "your", "whom", "which"]);
const NUMBER_WORDS = new Set(["hundred", "thousand", "million", "billion", "dozen", "of"]);

/** Head noun of the words starting at `at` (just after a number and its unit). */
export function headNounAfter(text: string, toks: WordToken[], at: number): NounMatch | null {
  let i = tokenIndexAt(toks, at);
  if (i === toks.length) return null;
  const start = i;
  if (!/^[\s-]*$/.test(text.slice(at, toks[i]!.start))) return null;
  // "one of the victims", "84 of them"
  if (toks[i]!.lower === "of") {
    i++;
    if (toks[i] && OF_DETERMINERS.has(toks[i]!.lower)) i++;
  } else if (toks[i]!.lower === "more" || toks[i]!.lower === "other" || toks[i]!.lower === "additional" || toks[i]!.lower === "further") {
    // "eight more picks", "100 other people"
    i++;
  }
  const run: WordToken[] = [];
  for (let j = i; j < toks.length && run.length < MAX_RUN; j++) {
    const t = toks[j]!;
    if (t.isDigits || NUMBER_WORDS.has(t.lower)) break;
    if (j > 0 && (j > i || i > start) && !/^(?:\s+|-|\s*-\s*)$/.test(text.slice(toks[j - 1]!.end, t.start))) break;
    const w = t.lower.replace(/['’]s$/, "");
    // "seven wounded children", "three injured people": a participle the plural noun right after it heads.
    if (run.length === 0 && isParticipleModifier(w, text, toks, j)) {
      run.push(t);
      continue;
    }
    // "12 US marines": an acronym is a name, not the pronoun "us".
    if (ACRONYM.test(t.text) && toks[j + 1]) {
      run.push(t);
      continue;
    }
    if (isStopper(w)) break;
    // An adjective after the first word is a predicate ("people dead", "others injured"), not a modifier.
    if (run.length > 0 && tagsOf(w).includes("Adjective")) break;
    run.push(t);
    if (isPlural(w)) break;
  }
  if (run.length === 0) return null;
  const head = run.find((t) => isPlural(t.lower)) ?? run[run.length - 1]!;
  const plural = isPlural(head.lower);
  return { noun: head.lower.replace(/['’]s$/, ""), start: head.start, end: head.end, plural };
}

/** A past participle or adjective in -ed/-en directly before a plural noun ("wounded children"). */
function isParticipleModifier(word: string, text: string, toks: WordToken[], j: number): boolean {
  if (!/(?:ed|en)$/.test(word) || word.length < 5) return false;
  const next = toks[j + 1];
  if (!next || !/^\s+$/.test(text.slice(toks[j]!.end, next.start))) return false;
  const nextWord = next.lower;
  return !isStopper(nextWord) && isPlural(nextWord) && !tagsOf(nextWord).includes("Adjective");
}
