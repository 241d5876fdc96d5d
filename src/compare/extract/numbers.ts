/**
 * Number spotting in one sentence: digits ("1,200", "2.5 million", "$13.6M", "256GB"), spelled-out
 * numbers ("one hundred and thirty-nine", "twenty-one", "a dozen"), vague counts ("dozens", "tens of
 * thousands"), fractions ("a third of") and ordinals ("22nd", "fourth"). Pure, regex-only and fast: the
 * quantity layer (quantities.ts) adds qualifiers, ranges, units and kinds on top of these spans.
 */
import { firstIndex } from "../../text/sorted";

export interface NumberSpan {
  /** The number; for a vague count ("dozens") the low end of what it can mean. */
  value: number;
  /** Upper end for vague counts ("dozens" = 12..120); ranges are built later, by the quantity layer. */
  high?: number;
  start: number;
  end: number;
  spelled: boolean;
  /** A scale word or suffix multiplied the value ("million", "bn", "k"). */
  scaled: boolean;
  vague: boolean;
  ordinal: boolean;
  fraction: boolean;
  /** Letters glued to the digits and not consumed as a scale ("GB" of "256GB", "pm" of "5pm"). */
  suffix?: string;
  /** Digits glued to a colon group: "23:46", "1:36.6". */
  clock: boolean;
  /** The multiplier already applied to the written digits (1 when none). */
  scale: number;
}

export interface WordToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  isDigits: boolean;
}

// Digits with thousands separators must take whole groups of three ("1,2345" is not one number).
const TOKEN = /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|(?<![\p{L}\p{N}.])\.\d+|\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?/gu;

/** The text read last and its tokens: a sentence's quantities, then its counts, read the same tokens. */
let lastText: string | null = null;
let lastTokens: WordToken[] = [];

/** The tokens of a text (the same array for the same text asked again at once: not to be changed). */
export function wordTokens(text: string): WordToken[] {
  if (text === lastText) return lastTokens;
  const out: WordToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, isDigits: startsWithDigits(t) });
  }
  lastText = text;
  lastTokens = out;
  return out;
}

/** Whether a token is digits ("12", "1,200", ".5"): a digit first, or a point and a digit (`/^\.?\d/`). */
function startsWithDigits(token: string): boolean {
  const first = token.charCodeAt(0);
  return isDigit(first) || (first === DOT && isDigit(token.charCodeAt(1)));
}

const DOT = 46;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The index of the first token starting at or after a character offset (`toks.length` when none): a binary search. */
export function tokenIndexAt(toks: readonly WordToken[], offset: number): number {
  return firstIndex(toks.length, (k) => toks[k]!.start >= offset);
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90, hundredth: 100, thousandth: 1000,
};
/** Denominators of fractions: "a third of", "two-thirds of", "half the". */
const FRACTION_WORDS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
};
/** Vague plural counts: the bounds of what "dozens of" etc. can mean. */
const VAGUE_PLURALS: Record<string, [number, number]> = {
  dozens: [12, 120], scores: [20, 200], hundreds: [100, 1000], thousands: [1e3, 1e4], millions: [1e6, 1e7],
  billions: [1e9, 1e10], tens: [10, 100],
};
/** "several hundred", "a few thousand": how many units the vague determiner can mean. */
const VAGUE_DETERMINERS: Record<string, [number, number]> = {
  several: [3, 9], few: [2, 5], couple: [2, 3],
};
/** Scale suffixes glued to digits. "m" is ambiguous (metres): the caller decides with a currency. */
const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3, K: 1e3, bn: 1e9, Bn: 1e9, BN: 1e9, b: 1e9, B: 1e9, mn: 1e6, mln: 1e6, mil: 1e6, M: 1e6,
  tn: 1e12, tr: 1e12, trn: 1e12,
};
/** Scale words that may stand apart from the digits ("$2.5 bn"). */
const SEPARATE_SCALES: Record<string, number> = {
  ...SCALES, hundred: 100, bn: 1e9, mn: 1e6, mln: 1e6, mil: 1e6, tn: 1e12,
};
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
// Lookups use `in`: without a prototype, words such as "constructor" are not taken for numbers.
for (const table of [UNITS, TENS, SCALES, ORDINAL_WORDS, FRACTION_WORDS, VAGUE_PLURALS, VAGUE_DETERMINERS, SUFFIX_SCALES, SEPARATE_SCALES]) Object.setPrototypeOf(table, null);

/**
 * Every word a number span can contain or start with (ASCII lowercase letters); any other span needs a
 * digit. Looked for before a sentence is tokenized, so the many sentences without a number cost one pass.
 */
export const NUMBER_WORDS = [UNITS, TENS, SCALES, ORDINAL_WORDS, FRACTION_WORDS, VAGUE_PLURALS].flatMap((t) => Object.keys(t)).concat("hundred", "dozen");
const NUMBER_WORD_SET = new Set(NUMBER_WORDS);
const LONGEST_NUMBER_WORD = Math.max(...NUMBER_WORDS.map((w) => w.length));

/** Whether `text` can hold a number at all: a digit or a number word ("seven", "dozens", "a third"). */
export function mayHoldNumber(text: string): boolean {
  return /\d/.test(text) || holdsNumberWord(text);
}

/**
 * Whether a run of ASCII letters, any case, is a number word. ASCII word edges keep it fast; it may say
 * yes where the tokenizer reads a longer word ("éone"), never no to a number word. One pass over the
 * text (a pattern of every number word tried them all at every position: the build's costliest test).
 */
function holdsNumberWord(text: string): boolean {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    // Setting bit 5 lowercases A-Z and leaves no other character in a-z.
    const c = i < text.length ? text.charCodeAt(i) | 32 : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start <= LONGEST_NUMBER_WORD && NUMBER_WORD_SET.has(text.slice(start, i).toLowerCase())) return true;
    start = -1;
  }
  return false;
}

function isNumberWord(lower: string): boolean {
  return lower in UNITS || lower in TENS || lower === "hundred" || lower in SCALES || lower === "dozen";
}

interface Parsed {
  value: number;
  /** Index of the last token consumed. */
  last: number;
}

/**
 * Parse spelled-out numbers starting at token i: "one hundred and thirty-nine", "twenty-one",
 * "a dozen", "two million", "a thousand". Returns null when token i does not start one.
 */
function parseSpelled(text: string, toks: WordToken[], i: number): Parsed | null {
  let j = i;
  const first = toks[i];
  if (!first) return null;
  // "a hundred", "a dozen", "a million"
  if (first.lower === "a" || first.lower === "an") {
    const next = toks[i + 1];
    if (!next || !(next.lower === "hundred" || next.lower === "dozen" || next.lower in SCALES)) return null;
    if (!onlySpaceBetween(text, first, next)) return null;
    j = i + 1;
  } else if (!isNumberWord(first.lower) || first.lower === "hundred" || first.lower === "dozen" || first.lower in SCALES) {
    return null;
  }
  let total = 0;
  let current = first.lower === "a" || first.lower === "an" ? 1 : 0;
  let last = i;
  let prevKind: "unit" | "tens" | "hundred" | "scale" | "none" = "none";
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    const w = t.lower;
    if (j > i) {
      const prev = toks[j - 1]!;
      const gap = text.slice(prev.end, t.start);
      // Spelled numbers continue over spaces, or a hyphen between tens and units ("twenty-one").
      if (!/^\s+$/.test(gap) && !(gap === "-" && prevKind === "tens" && w in UNITS)) break;
    }
    if (w === "and") {
      const next = toks[j + 1];
      if (!(prevKind === "hundred" || prevKind === "scale") || !next || !(next.lower in UNITS || next.lower in TENS)) break;
      continue;
    }
    if (w in UNITS) {
      if (prevKind === "unit" || (prevKind === "tens" && UNITS[w]! >= 10)) break;
      current += UNITS[w]!;
      prevKind = "unit";
    } else if (w in TENS) {
      if (prevKind === "unit" || prevKind === "tens") break;
      current += TENS[w]!;
      prevKind = "tens";
    } else if (w === "hundred") {
      if (prevKind === "hundred") break;
      current = (current || 1) * 100;
      prevKind = "hundred";
    } else if (w === "dozen") {
      current = (current || 1) * 12;
      prevKind = "scale";
    } else if (w in SCALES) {
      if (prevKind === "scale" && current === 0) break;
      total += (current || 1) * SCALES[w]!;
      current = 0;
      prevKind = "scale";
    } else {
      break;
    }
    last = j;
  }
  if (last === i && (first.lower === "a" || first.lower === "an")) return null;
  return { value: total + current, last };
}

function onlySpaceBetween(text: string, a: WordToken, b: WordToken): boolean {
  return /^\s+$/.test(text.slice(a.end, b.start));
}

function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ""));
}

const LETTERS_AFTER = /\p{L}+/uy;
const CLOCK_AFTER = /:\d\d(?:[:.]\d+)?/y;
const LETTER_BEFORE = /\p{L}$/u;
/** "$A82,615", "$US55": a dollar sign with a country letter code. */
const CURRENCY_LETTERS_BEFORE = /\$[A-Z]{1,3}$/;
/** A digit or letter and a point or comma right before a number: "1.5.2", "v2.0". */
const GLUED_BEFORE = /(?:\d|\p{L})[.,]$/u;
/** Currency codes written glued to the digits ("RM23.50", "Rs500", "US$5"). */
const GLUED_PREFIXES = new Set(["rm", "rs", "us", "hk", "nz", "au", "usd", "eur", "gbp", "inr", "aud", "cad", "nzd", "sgd", "hkd", "jpy", "cny", "myr", "chf"]);

/** All number spans of a sentence, in order, non-overlapping. */
export function findNumbers(text: string, toks: WordToken[] = wordTokens(text)): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const span = t.isDigits ? digitSpan(text, toks, i) : wordSpan(text, toks, i);
    if (!span) continue;
    const ratio = ratioAfter(text, toks, span);
    out.push(ratio?.span ?? span.span);
    i = ratio?.last ?? span.last;
  }
  return out;
}

const OUT_OF = /\s+out\s+of\s+|\s+in\s+/y;

/** "one out of three", "1 in 5": a proportion. */
function ratioAfter(text: string, toks: WordToken[], first: { span: NumberSpan; last: number }): { span: NumberSpan; last: number } | null {
  const a = first.span;
  if (a.ordinal || a.fraction || a.vague || a.clock || a.suffix) return null;
  OUT_OF.lastIndex = a.end;
  const m = OUT_OF.exec(text);
  if (!m) return null;
  const at = a.end + m[0].length;
  let j = first.last + 1;
  while (toks[j] && toks[j]!.start < at) j++;
  const t = toks[j];
  if (!t || t.start !== at) return null;
  const b = t.isDigits ? digitSpan(text, toks, j) : wordSpan(text, toks, j);
  if (!b || b.span.ordinal || b.span.fraction || b.span.vague || b.span.value <= a.value) return null;
  if (m[0].trim() === "in" && a.value !== 1) return null;
  return { span: { ...a, value: a.value / b.span.value, end: b.span.end, fraction: true, scaled: false, scale: 1 }, last: b.last };
}

function digitSpan(text: string, toks: WordToken[], i: number): { span: NumberSpan; last: number } | null {
  const t = toks[i]!;
  const before = text.slice(Math.max(0, t.start - 4), t.start);
  // "S23", "G70", "COVID19": digits glued to letters name things, unless the letters are a currency.
  if (LETTER_BEFORE.test(before) && !CURRENCY_LETTERS_BEFORE.test(before)) {
    const prev = toks[i - 1];
    if (!prev || prev.end !== t.start || !GLUED_PREFIXES.has(prev.lower)) return null;
  }
  // "1.5.2" version numbers, "192.168..." and decimals glued to other digits name things too.
  if (GLUED_BEFORE.test(before) || /^[.,]\d/.test(text.slice(t.end, t.end + 2))) return null;
  const special = fractionOrPower(text, toks, i);
  if (special) return special;
  let value = parseDigits(t.text);
  let end = t.end;
  let last = i;
  let scaled = false;
  let scale = 1;
  let clock = false;
  let suffix: string | undefined;
  let ordinal = false;

  CLOCK_AFTER.lastIndex = end;
  const clockM = CLOCK_AFTER.exec(text);
  if (clockM && !t.text.includes(",")) {
    clock = true;
    end += clockM[0].length;
    while (toks[last + 1] && toks[last + 1]!.start < end) last++;
  }
  const next = toks[last + 1];
  if (!clock && next && next.start === end && !next.isDigits) {
    // Letters glued to the digits: a scale ("6bn"), an ordinal ("22nd") or a unit ("256GB").
    LETTERS_AFTER.lastIndex = end;
    const glued = LETTERS_AFTER.exec(text)?.[0] ?? next.text;
    if (ORDINAL_SUFFIX.test(glued)) {
      ordinal = true;
      end = next.end;
      last++;
    } else if (glued in SUFFIX_SCALES) {
      scale = SUFFIX_SCALES[glued]!;
      value *= scale;
      scaled = true;
      end = next.end;
      last++;
    } else {
      suffix = glued;
    }
  }
  if (!clock && !ordinal && !scaled && suffix === undefined) {
    // "2.5 million", "two dozen", "$3 bn"
    const n = toks[last + 1];
    if (n && onlySpaceBetween(text, toks[last]!, n)) {
      if (n.lower in SEPARATE_SCALES && n.lower !== "hundred") {
        scale = SEPARATE_SCALES[n.lower]!;
        value *= scale;
        scaled = true;
        end = n.end;
        last++;
      } else if (n.lower === "hundred" && Number.isInteger(value) && value < 100) {
        scale = 100;
        value *= 100;
        scaled = true;
        end = n.end;
        last++;
        const m = toks[last + 1];
        if (m && m.lower in SCALES && onlySpaceBetween(text, n, m)) {
          scale *= SCALES[m.lower]!;
          value *= SCALES[m.lower]!;
          end = m.end;
          last++;
        }
      } else if (n.lower === "dozen") {
        scale = 12;
        value *= 12;
        scaled = true;
        end = n.end;
        last++;
      }
    }
  }
  return {
    span: { value, start: t.start, end, spelled: false, scaled, vague: false, ordinal, fraction: false, suffix, clock, scale },
    last,
  };
}

function wordSpan(text: string, toks: WordToken[], i: number): { span: NumberSpan; last: number } | null {
  const t = toks[i]!;
  const base = { spelled: true, scaled: false, vague: false, ordinal: false, fraction: false, clock: false, scale: 1 };
  const fraction = fractionAt(text, toks, i);
  if (fraction) return fraction;
  const vague = vagueAt(text, toks, i);
  if (vague) return vague;
  const parsed = parseSpelled(text, toks, i);
  if (parsed) {
    // "one" alone before "of"/"another" is a pronoun as often as a count; keep it, the caller judges.
    const lastTok = toks[parsed.last]!;
    // A trailing scale word ("five thousand") can be shared with the low end of a range ("four to five thousand").
    const trailing = lastTok.lower in SCALES ? SCALES[lastTok.lower]! : lastTok.lower === "hundred" ? 100 : 1;
    const scale = parsed.last > i && trailing > 1 && parsed.value % trailing === 0 ? trailing : 1;
    return { span: { ...base, scaled: scale > 1, scale, value: parsed.value, start: t.start, end: lastTok.end }, last: parsed.last };
  }
  // "twenty-first"
  if (t.lower in TENS) {
    const n = toks[i + 1];
    if (n && text.slice(t.end, n.start) === "-" && n.lower in ORDINAL_WORDS && ORDINAL_WORDS[n.lower]! < 10) {
      return { span: { ...base, ordinal: true, value: TENS[t.lower]! + ORDINAL_WORDS[n.lower]!, start: t.start, end: n.end }, last: i + 1 };
    }
  }
  if (t.lower in ORDINAL_WORDS && t.lower !== "second") {
    return { span: { ...base, ordinal: true, value: ORDINAL_WORDS[t.lower]!, start: t.start, end: t.end }, last: i };
  }
  return null;
}

const SLASH_FRACTION = /\s?[/⁄]\s?(\d{1,3})(?![\d/])/y;
const POWER_OF_TEN = /\s?[×x*]\s?10\s?(?:\^\s?)?([-−]?\d{1,3})\b/y;
/** Denominators of written fractions; "9/11" or "24/7" are names, not fractions. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128, 1000]);

/** "1/2 pound", "1⁄32 of a quart" (numerator below denominator) and "1.99×10−30". */
function fractionOrPower(text: string, toks: WordToken[], i: number): { span: NumberSpan; last: number } | null {
  const t = toks[i]!;
  const base = { spelled: false, scaled: false, vague: false, ordinal: false, clock: false, scale: 1 };
  SLASH_FRACTION.lastIndex = t.end;
  const f = SLASH_FRACTION.exec(text);
  const num = parseDigits(t.text);
  if (f && Number.isInteger(num)) {
    const den = Number(f[1]);
    if (den > num && FRACTION_DENOMINATORS.has(den) && num > 0) {
      const end = t.end + f[0].length;
      let last = i;
      while (toks[last + 1] && toks[last + 1]!.start < end) last++;
      return { span: { ...base, value: num / den, start: t.start, end, fraction: true }, last };
    }
  }
  POWER_OF_TEN.lastIndex = t.end;
  const p = POWER_OF_TEN.exec(text);
  if (p) {
    const end = t.end + p[0].length;
    let last = i;
    while (toks[last + 1] && toks[last + 1]!.start < end) last++;
    const exp = Number(p[1]!.replace("−", "-"));
    return { span: { ...base, value: num * 10 ** exp, start: t.start, end, fraction: false }, last };
  }
  return null;
}

/** "the second half of the year" is a period, not a fraction. */
const NOT_FRACTION_BEFORE = new Set(["the", "first", "second", "this", "last", "next", "other", "back", "front"]);

/** "a third of", "two-thirds of", "half the", "half of". */
function fractionAt(text: string, toks: WordToken[], i: number): { span: NumberSpan; last: number } | null {
  const t = toks[i]!;
  let numerator = 1;
  let j = i;
  if (t.lower === "a" || t.lower === "one" || t.lower in UNITS) {
    if (t.lower in UNITS) numerator = UNITS[t.lower]!;
    j = i + 1;
  }
  const d = toks[j];
  if (!d || !(d.lower in FRACTION_WORDS)) return null;
  if (j > i && !/^[\s-]$/.test(text.slice(toks[i]!.end, d.start))) return null;
  if (j === i && (d.lower !== "half" || NOT_FRACTION_BEFORE.has(toks[i - 1]?.lower ?? ""))) return null;
  const after = toks[j + 1];
  const gap = after ? text.slice(d.end, after.start) : "";
  if (!after || !/^\s+$/.test(gap) || !(after.lower === "of" || after.lower === "the" || (d.lower === "half" && after.lower === "a"))) return null;
  if (d.lower === "half" && after.lower === "a") {
    // "half a dozen", "half a million"
    const scale = toks[j + 2];
    if (scale && (scale.lower === "dozen" || scale.lower in SCALES)) {
      const v = 0.5 * (scale.lower === "dozen" ? 12 : SCALES[scale.lower]!);
      return { span: { value: v, start: toks[i]!.start, end: scale.end, spelled: true, scaled: true, vague: false, ordinal: false, fraction: false, clock: false, scale: 1 }, last: j + 2 };
    }
    return null;
  }
  return {
    span: { value: numerator / FRACTION_WORDS[d.lower]!, start: toks[i]!.start, end: d.end, spelled: true, scaled: false, vague: false, ordinal: false, fraction: true, clock: false, scale: 1 },
    last: j,
  };
}

/** "dozens of", "hundreds", "tens of thousands", "several hundred", "a few thousand". */
function vagueAt(text: string, toks: WordToken[], i: number): { span: NumberSpan; last: number } | null {
  const t = toks[i]!;
  const base = { spelled: true, scaled: true, vague: true, ordinal: false, fraction: false, clock: false, scale: 1 };
  if (t.lower in VAGUE_DETERMINERS || (t.lower === "a" && toks[i + 1]?.lower === "few") || (t.lower === "a" && toks[i + 1]?.lower === "couple")) {
    let j = t.lower === "a" ? i + 1 : i;
    const det = VAGUE_DETERMINERS[toks[j]!.lower]!;
    if (toks[j + 1]?.lower === "of") j++;
    const s = toks[j + 1];
    if (!s || !(s.lower === "hundred" || s.lower === "dozen" || s.lower in SCALES)) return null;
    const mult = s.lower === "hundred" ? 100 : s.lower === "dozen" ? 12 : SCALES[s.lower]!;
    return { span: { ...base, value: det[0] * mult, high: det[1] * mult, start: t.start, end: s.end }, last: j + 1 };
  }
  const range = VAGUE_PLURALS[t.lower];
  if (!range) return null;
  const next = toks[i + 1];
  const nextIsOf = next?.lower === "of" && onlySpaceBetween(text, t, next);
  // "scores" and "tens" are plain words unless "of" follows ("test scores", "tens of thousands").
  if ((t.lower === "scores" || t.lower === "tens") && !nextIsOf) return null;
  // Capitalised mid-sentence "Thousands" is still vague; "the thousands" (a decade) is not.
  if (nextIsOf) {
    const plural = toks[i + 2];
    if (plural && plural.lower in VAGUE_PLURALS && plural.lower !== "scores" && plural.lower !== "tens" && plural.lower !== "dozens") {
      // "tens of thousands" = 10^4..10^5, "hundreds of millions" = 10^8..10^9
      const inner = VAGUE_PLURALS[plural.lower]!;
      return { span: { ...base, value: range[0] * inner[0], high: range[0] * inner[1], start: t.start, end: plural.end }, last: i + 2 };
    }
  }
  if (t.lower === "tens") return null;
  return { span: { ...base, value: range[0], high: range[1], start: t.start, end: t.end }, last: i };
}
