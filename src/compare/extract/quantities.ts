/**
 * Quantities of one sentence: each number with its qualifier ("over 130"), range ("between 130 and 140"),
 * unit, kind (count, money, percent, year, date, age, time, ordinal, measure) and, for counts, the head noun.
 * Numbers come from numbers.ts; the words around them are read here with precompiled regexes, so a
 * sentence costs microseconds (no NLP parse).
 */
import { findNumbers, mayHoldNumber, wordTokens, type NumberSpan, type WordToken } from "./numbers";
import {
  ageBefore,
  clockAfter,
  currencyBefore,
  directionBefore,
  isDateContext,
  qualifierBefore,
  unitAfter,
  type UnitMatch,
} from "./units";
import { headNounAfter, type NounMatch } from "../classify/nouns";

export type Qualifier = "over" | "under" | "about" | "at least" | "at most" | "nearly";
export type Change = "=" | "~" | ">" | "<" | "up" | "down";
export type QuantityKind =
  | "count" | "money" | "percent" | "year" | "date" | "age" | "time" | "ordinal" | "measure" | "other";

export interface Quantity {
  /** The number; for a range or a vague count ("dozens") the low end. */
  value: number;
  /** Upper end of a range ("130-140") or of a vague count. */
  high?: number;
  qualifier?: Qualifier;
  /** NewsQuant's label: exact, approximate, lower/upper bound, or a rise/fall by that amount. */
  change: Change;
  /** "dozens", "hundreds", "several thousand": not a precise count. */
  vague?: boolean;
  /** Verbatim slice of the sentence: qualifier, currency, number(s) and unit ("over $5 million"). */
  text: string;
  start: number;
  end: number;
  /** "%", "$", "€", "year", "km", "time of day"... */
  unit?: string;
  kind: QuantityKind;
  /** Head noun counted ("people", "crew"), lowercased. Counts only. */
  noun?: string;
  nounStart?: number;
  nounEnd?: number;
  /** The noun is plural ("people", "crew"): "some 400 still missing" counts no "still". */
  nounPlural?: boolean;
}

/** Calendar years we recognise in bare four-digit numbers. */
const YEAR_MIN = 1000;
const YEAR_MAX = 2100;
const MAX_DAY = 31;
const MAX_AGE = 120;
const CLOCK_UNIT = "time of day";

/** Words that make a following number a date ("on the 22nd"), a year ("in 2019") or a name ("Section 427"). */
const YEAR_BEFORE = /\b(?:in|since|by|until|till|of|from|during|before|after|year|early|late|mid|spring|summer|autumn|fall|winter|season|fiscal|FY|circa|the)[\s-]+$/i;
const RANGE_OPENER = /\b(between|from)\s+$/i;
const RANGE_DASH = /\s?-to-\s?|\s?[-–—]\s?|\s+(?:to|through|thru)\s+/y;
const RANGE_AND = /\s+and\s+/y;
/** A sign glued to the digits after a space: "-1.3%", "+0.2%", "-5 yards" (not "COVID-19", "2-0"). */
const SIGN_BEFORE = /(?:^|[\s($€£¥])([-−+])$/;
const MINUS_WORD_BEFORE = /\bminus[\s-]?$/i;
/** A name followed by a number: "Section 427", "iPhone 11", "COVID-19", "S&P 500". */
const NAME_BEFORE = /(?:(?:^|[^\p{L}])(\p{Ll}*\p{Lu}[\p{L}&]*|[A-Z]+&[A-Z]+)\s|(\p{L}+)\s?-|&\p{L}\s)$/u;
/** Lowercase nouns that label things by number: "category 4", "section 3", "game 6". */
const LABEL_NOUN_BEFORE = /\b(?:category|section|row|game|model|chapter|article|no\.|number|level|phase|stage|page|room|gate|platform|route|flight|grade|channel|episode|version|volume|vol\.|part|round|runway|terminal|highway|interstate|block|tier|act|verse|item|exhibit|figure|fig\.|table|question|rule|clause|paragraph|unit|apartment|suite|lot|plot|box|pier|berth|zone|district|ward|precinct|squad|seat)\s$/i;
/** Capitalised words that are no name ("About 300", "Some 5,000", "In 2019", "Friday 5 people"). */
const NOT_NAMES = new Set(
  `about around some over nearly almost only just all the those these another its their his her our in on at by for
with from to and of since until after before between roughly approximately more fewer less under up as than least
most estimated an a every each per while when where whereas but or if however meanwhile overall total minus plus
maybe perhaps then now today yesterday tomorrow also still even killing killed leaving left injuring including
included includes without like unlike among amid via says said exactly precisely fully nearly almost barely
monday tuesday wednesday thursday friday saturday sunday there here they we he she it you i another both
january february march april may june july august september october november december`.split(/\s+/),
);
/** Words that may precede a number through a hyphen without naming it ("sub-300", "mid-30s", "0-to-60"). */
const HYPHEN_WORDS = new Set(["minus", "sub", "to", "mid", "over", "under", "up", "about", "around", "some", "pre", "post", "non", "top"]);
/** A spelled number hyphenated to a word is a modifier ("six-speed", "three-bed"), not an amount. */
const SPELLED_COMPOUND = /^-(?!year-old|years-old)\p{L}/u;
/** "Name, 44," is an age in apposition. */
const APPOSITION_BEFORE = /\p{Lu}\p{L}+,\s$/u;
const APPOSITION_AFTER = /^,/;
/** "12 E 40th St", "31 Mill Farm Road": house numbers. */
const STREET_AFTER = /^\s+(?:[\p{Lu}\d][\p{L}\d.]*\s+){0,3}(?:St|Street|Rd|Road|Ave|Avenue|Way|Lane|Ln|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Terrace|Square|Sq|Crescent|Close)\b/u;
/** A capitalised word right after digits: "787 Dreamliner" names a thing unless a plural noun heads it. */
const CAPITAL_AFTER = /^\s+\p{Lu}/u;
/** "$2.5m", "1.2m tons", "35m of": a glued m is millions, not metres, when a noun or unit follows. */
const MILLION_CONTEXT = /^\s+(?:of\b|\p{L}+s\b)/u;

interface Draft {
  span: NumberSpan;
  high?: NumberSpan;
  start: number;
  end: number;
  unit: UnitMatch | null;
  currency: { start: number; unit: string } | null;
  negative: boolean;
  /** A written "+" or "-" sign before a number. */
  sign?: "up" | "down";
  opener?: string;
}

/** Every quantity of the sentence, in order. */
export function extractQuantities(sentence: string): Quantity[] {
  if (!mayHoldNumber(sentence)) return [];
  const toks = wordTokens(sentence);
  const spans = findNumbers(sentence, toks);
  const out: Quantity[] = [];
  const dates = numericDates(sentence);
  let nextDate = 0;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    // Numbers inside "2024-03-22" or "22/03/2024" make one date.
    while (nextDate < dates.length && dates[nextDate]!.end <= span.start) out.push(dates[nextDate++]!);
    const date = dates[nextDate];
    if (date && span.start >= date.start && span.start < date.end) continue;
    const draft = draftAt(sentence, spans, k);
    if (!draft) continue;
    if (draft.high) k++;
    const q = finish(sentence, toks, draft);
    if (q) out.push(q);
  }
  while (nextDate < dates.length) out.push(dates[nextDate++]!);
  inheritChanges(sentence, out);
  return out;
}

const NUMERIC_DATE = /\b\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+Z?)?\b|\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b/g;

function numericDates(sentence: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of sentence.matchAll(NUMERIC_DATE)) {
    const year = /\d{4}/.exec(m[0]);
    out.push({ value: Number(year?.[0] ?? m[0].slice(-2)), change: "=", text: m[0], start: m.index, end: m.index + m[0].length, kind: "date" });
  }
  return out;
}

const CONVERSION_BETWEEN = /^(?:\s+[\p{L}-]+){0,2}\s*\(\s*$|^\s*\/\s*$/u;
const RESTATED_BETWEEN = /^(?:\s+[\p{L}-]+){0,2},?\s+or\s+$/u;

/** A conversion in brackets ("more than 100 km (60 miles)")
 * carries the qualifier and change of the quantity before it; so does a move restated ("190 points, or 0.6%"). */
function inheritChanges(text: string, qs: Quantity[]): void {
  for (let i = 1; i < qs.length; i++) {
    const prev = qs[i - 1]!;
    const q = qs[i]!;
    if (q.change !== "=" || prev.change === "=") continue;
    const between = text.slice(prev.end, q.start);
    const conversion = CONVERSION_BETWEEN.test(between);
    // "lost 190 points, or 0.6%": the same move restated.
    const restated = RESTATED_BETWEEN.test(between) && (prev.change === "up" || prev.change === "down");
    if (conversion || restated) {
      q.change = prev.change;
      if (prev.qualifier) q.qualifier = prev.qualifier;
    }
  }
  // "(224 kW / 300 PS)": a second conversion inside the same brackets.
  for (let i = 2; i < qs.length; i++) {
    const q = qs[i]!;
    const prev = qs[i - 1]!;
    if (q.change === "=" && prev.change !== "=" && /^\s*\/\s*$/.test(text.slice(prev.end, q.start))) q.change = prev.change;
  }
}

function draftAt(text: string, spans: NumberSpan[], k: number): Draft | null {
  const span = spans[k]!;
  const before = text.slice(Math.max(0, span.start - 8), span.start);
  const signM = SIGN_BEFORE.exec(before);
  const signStart = signM ? span.start - 1 : span.start;
  const currency = currencyBefore(text, signStart);
  const minusWord = MINUS_WORD_BEFORE.exec(before);
  const negative = Boolean(minusWord) || (signM !== null && signM[1] !== "+");
  let unit = unitAfter(text, span.end, span.suffix);
  const draft: Draft = { span: { ...span }, start: currency?.start ?? signStart, end: unit?.end ?? span.end, unit, currency, negative };
  if (signM) draft.sign = signM[1] === "+" ? "up" : "down";
  if (minusWord) draft.start = span.start - minusWord[0].length;
  if (span.suffix && /^m$/i.test(span.suffix) && (currency || MILLION_CONTEXT.test(text.slice(span.end + 1)))) {
    draft.span.value *= 1e6;
    draft.span.scale = 1e6;
    draft.span.scaled = true;
    draft.span.suffix = undefined;
    draft.end = span.end + 1;
    draft.unit = unit = unitAfter(text, span.end + 1, undefined);
    if (unit) draft.end = unit.end;
  }
  const opener = RANGE_OPENER.exec(text.slice(Math.max(0, draft.start - 9), draft.start));
  if (opener) draft.opener = opener[1]!.toLowerCase();
  const next = spans[k + 1];
  if (next && !span.ordinal && !span.clock && !span.fraction && !next.ordinal && !next.fraction) {
    const range = rangeWith(text, draft, next);
    if (range) return range;
  }
  return draft;
}

/** Join draft with the next number when they form a range: "130-140", "130 to 140", "between 5% and 6%". */
function rangeWith(text: string, low: Draft, next: NumberSpan): Draft | null {
  const at = low.unit ? low.unit.end : low.span.end;
  let connectorEnd = -1;
  if (low.opener === "between") {
    RANGE_AND.lastIndex = at;
    if (RANGE_AND.test(text)) connectorEnd = RANGE_AND.lastIndex;
  }
  if (connectorEnd < 0) {
    RANGE_DASH.lastIndex = at;
    const m = RANGE_DASH.exec(text);
    // " -1.3%" after a number is a sign, not a dash.
    if (m && !/^\s[-−]$/.test(m[0])) connectorEnd = at + m[0].length;
  }
  if (connectorEnd < 0) return null;
  const currency2 = currencyBefore(text, next.start);
  const secondStart = currency2 && currency2.start >= connectorEnd ? currency2.start : next.start;
  if (secondStart !== connectorEnd) return null;
  const unit2 = unitAfter(text, next.end, next.suffix);
  // "rose 0.65% to 27,349": different units, or a unit only on the first, make two quantities.
  if (low.unit && unit2 && low.unit.unit !== unit2.unit) return null;
  if (low.unit && !unit2 && !low.opener) return null;
  if (low.currency && currency2 && low.currency.unit !== currency2.unit) return null;
  // "increased by $43.6 billion to $419.2 billion": an amount then a level, not a range.
  if (!low.opener && (low.unit || low.currency) && directionBefore(text, low.start)) return null;
  // "in 2018 to 3.9 million", "2008 to 29 mpg": a year does not open a range of amounts ("2018-19" is a season).
  if (yearLike(text, low.span) && !yearLike(text, next) && !sameMagnitude(low.span, next) && !shortYear(text, low.span, next)) return null;
  const lowSpan = { ...low.span };
  // "four to five thousand", "$89 to $93 billion": the scale of the high end is shared.
  if (next.scaled && !lowSpan.scaled && next.scale > 1 && lowSpan.value <= next.value / next.scale) {
    lowSpan.value *= next.scale;
  }
  const start = low.opener === "between" ? low.start - (text.slice(Math.max(0, low.start - 20), low.start).match(/between\s+$/i)?.[0].length ?? 0) : low.start;
  return { ...low, span: lowSpan, high: next, start, end: unit2?.end ?? next.end, unit: unit2 ?? low.unit, currency: low.currency ?? currency2 };
}

function sameMagnitude(a: NumberSpan, b: NumberSpan): boolean {
  return !b.scaled && Math.floor(Math.log10(Math.abs(a.value) || 1)) === Math.floor(Math.log10(Math.abs(b.value) || 1));
}

/** "2018-19": a year and the last two digits of the next one. */
function shortYear(text: string, low: NumberSpan, high: NumberSpan): boolean {
  return /^\d{2}$/.test(text.slice(high.start, high.end)) && text[low.end] === "-" && high.value === (low.value + 1) % 100;
}

function yearLike(text: string, span: NumberSpan): boolean {
  return !span.spelled && !span.scaled && /^\d{4}$/.test(text.slice(span.start, span.end)) && span.value >= 1500 && span.value <= YEAR_MAX;
}

function finish(text: string, toks: WordToken[], d: Draft): Quantity | null {
  const span = d.span;
  const qualifier = qualifierBefore(text, d.start);
  let start = qualifier?.start ?? d.start;
  const kindAndUnit = classify(text, toks, d);
  if (!kindAndUnit) return null;
  const { kind, unit } = kindAndUnit;
  let end = kindAndUnit.end ?? d.end;
  const sign = d.negative ? -1 : 1;
  const q: Quantity = {
    value: sign * span.value,
    change: "=",
    text: "",
    start,
    end,
    kind,
  };
  // "tied 89-89": a range with equal ends is one value.
  if (d.high && d.high.value !== span.value) q.high = d.high.value;
  else if (span.high !== undefined) q.high = span.high;
  if (span.vague) q.vague = true;
  if (qualifier) {
    q.qualifier = qualifier.qualifier;
    q.change = qualifier.change;
  }
  if (unit) q.unit = unit;
  // Rises and falls label amounts ("rose 5%", "lost 190 points"); a count needs "by" ("rose by 12");
  // "increase between 5% and 6%" states a range, not a move.
  const direction = d.opener === "between" ? null : directionBefore(text, start);
  if (direction && (kind !== "count" || direction.withBy) && kind !== "year" && kind !== "date") q.change = direction.change;
  if (d.sign && kind === "percent") q.change = d.sign;
  if (kind === "count" || kind === "other") {
    const noun = headNounAfter(text, toks, end);
    if (!keepCount(text, d, kind, noun)) return null;
    if (noun) {
      q.noun = noun.noun;
      q.nounStart = noun.start;
      q.nounEnd = noun.end;
      q.nounPlural = noun.plural;
    }
  }
  start = Math.max(0, start);
  q.start = start;
  q.end = end;
  q.text = text.slice(start, end);
  return q;
}

interface Classified {
  kind: QuantityKind;
  unit?: string;
  end?: number;
}

function classify(text: string, toks: WordToken[], d: Draft): Classified | null {
  const span = d.span;
  const rawEnd = d.high ? d.high.end : span.end;
  if (span.clock) return { kind: "time", unit: CLOCK_UNIT };
  const clockEnd = !d.unit && !d.currency ? clockAfter(text, span.suffix ? span.end : rawEnd) : null;
  if (clockEnd !== null || (span.suffix && /^[ap]m$/i.test(span.suffix))) {
    return { kind: "time", unit: CLOCK_UNIT, end: clockEnd ?? rawEnd + (span.suffix?.length ?? 0) };
  }
  const integer = Number.isInteger(span.value) && !span.spelled;
  if ((integer || span.ordinal) && span.value >= 1 && span.value <= MAX_DAY && !d.unit && !d.currency &&
      isDateContext(text, d.start, span.end, span.end)) {
    return { kind: "date" };
  }
  if (span.ordinal) return { kind: "ordinal" };
  if (d.unit?.kind === "age") return { kind: "age", unit: "year" };
  if (span.value <= MAX_AGE && (!d.unit || d.unit.unit === "year") && !d.currency && ageBefore(text, d.start)) {
    return { kind: "age", unit: "year" };
  }
  if (!d.unit && !d.currency && !d.high && integer && span.value <= MAX_AGE &&
      APPOSITION_BEFORE.test(text.slice(Math.max(0, d.start - 30), d.start)) && APPOSITION_AFTER.test(text.slice(span.end))) {
    return { kind: "age", unit: "year" };
  }
  // "six-speed", "three-bed", "five-year plan": a spelled number in a compound modifier.
  if (span.spelled && !span.vague && !d.high && SPELLED_COMPOUND.test(text.slice(span.end, span.end + 3))) return null;
  if (d.unit?.kind === "percent") return { kind: "percent", unit: "%" };
  if (d.currency) return { kind: "money", unit: d.currency.unit };
  if (d.unit) return { kind: d.unit.kind === "time" ? "time" : d.unit.kind === "money" ? "money" : "measure", unit: d.unit.unit };
  if (isYear(text, toks, d)) return { kind: "year" };
  if (isName(text, d.span.start)) return null;
  if (span.fraction) return { kind: "other", unit: "fraction" };
  if (STREET_AFTER.test(text.slice(rawEnd, rawEnd + 60))) return null;
  if (span.suffix) {
    // "1990s" is a decade, "Model 3s" a name; other glued letters we do not know are no quantity.
    if (/^s$/.test(span.suffix) && span.value >= YEAR_MIN && span.value <= YEAR_MAX) return { kind: "year" };
    return null;
  }
  return { kind: Number.isInteger(span.value) || span.vague ? "count" : "other" };
}

function isYear(text: string, toks: WordToken[], d: Draft): boolean {
  const span = d.span;
  if (span.spelled || span.scaled || d.currency || d.negative) return false;
  const digits = text.slice(span.start, span.end);
  if (!/^\d{4}$/.test(digits)) return false;
  if (span.value < YEAR_MIN || span.value > YEAR_MAX) return false;
  if (qualifierBefore(text, d.start)) return false;
  // "2000 people" counts; "the 1988 horror film", "in 2019" are years.
  const noun = headNounAfter(text, toks, span.end);
  if (noun?.plural && noun.start === nextWordStart(text, span.end)) return false;
  if (span.value < 1500) return YEAR_BEFORE.test(text.slice(Math.max(0, d.start - 12), d.start));
  return true;
}

function nextWordStart(text: string, at: number): number {
  const m = /^\s+/.exec(text.slice(at));
  return at + (m ? m[0].length : 0);
}

/** "Section 427", "iPhone 11", "category 4", "COVID-19", "S&P 500": a name that ends in a number. */
function isName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (LABEL_NOUN_BEFORE.test(before)) return true;
  const m = NAME_BEFORE.exec(before);
  if (!m) return false;
  if (m[1]) return !NOT_NAMES.has(m[1].toLowerCase());
  if (m[2]) return !HYPHEN_WORDS.has(m[2].toLowerCase());
  return true;
}

/** "one" as a pronoun ("each one", "the same one") or digits that name a thing ("787 Dreamliner") are no count. */
function keepCount(text: string, d: Draft, kind: QuantityKind, noun: NounMatch | null): boolean {
  if (kind !== "count" || d.high || d.span.vague) return true;
  const written = text.slice(d.span.start, d.span.end).toLowerCase();
  if (written === "one") {
    const after = text.slice(d.span.end);
    if (/^\s+of\b/i.test(after)) return true;
    // "including one suffering burns": one of a group named before.
    if (PART_ONE_BEFORE.test(text.slice(Math.max(0, d.span.start - 12), d.span.start))) return true;
    if (!noun || noun.start !== d.span.end + (/^\s+/.exec(after)?.[0].length ?? 0)) return false;
    return !PRONOUN_ONE_BEFORE.test(text.slice(Math.max(0, d.span.start - 12), d.span.start));
  }
  if (!d.span.spelled && CAPITAL_AFTER.test(text.slice(d.span.end)) && !(noun?.plural)) return false;
  return true;
}
const PART_ONE_BEFORE = /\b(?:including|among them|except)\s+$/i;
const PRONOUN_ONE_BEFORE = /\b(?:the|each|every|any|no|this|same|which|another|someone|such)\s+$/i;

