/**
 * Sentence splitting with offsets. Rule-based rather than a full NLP parse because it runs over every
 * paragraph of every article at start-up; the rules are the ones that break naive splitters in news:
 * titles ("Mr.", "St."), initials ("A. Smith"), dotted acronyms ("U.S. had"), months ("Sept. 14"),
 * quotes that end a sentence ('... home." Then') and paragraphs glued without a space ("end.The").
 */

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Words that end with a period without ending the sentence (lowercase, no period). */
const ABBREVIATIONS = new Set(
  `mr mrs ms mx dr prof st mt ft gen col lt sgt capt cmdr adm maj brig rev sen rep gov pres supt insp det
atty hon jr sr inc ltd co corp bros dept univ assn est approx vs no nos vol fig pp ca cf al
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e`.split(/\s+/),
);

/** Capitalized words that usually start a new sentence after a dotted acronym ("... the U.S. The ..."). */
const SENTENCE_STARTERS = new Set(
  `the a an he she it they we i this that these those there in on at but and or so yet however meanwhile
after before when while if as his her its their our also still then now`.split(/\s+/),
);

// A terminator, any closing quotes/brackets, then whitespace (or a capital letter glued on). The runs
// are matched whole and only from their first character (a look-behind, then `(?=(x+))\1`, JavaScript's
// atomic group): otherwise a run of 80 000 dots not followed by a space is retried at each dot and
// each shorter length, quadratic time.
const BOUNDARY = /(?<![.!?…])(?=([.!?…]+))\1(?=(["'”’)\]]*))\2(\s+|(?=[A-Z“"‘]))/g;

export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const cut = m.index + m[1]!.length + m[2]!.length;
    if (!isBoundary(text, m.index, m[1]!, m[3]!, cut + m[3]!.length)) continue;
    pushSpan(spans, text, from, cut, offset);
    from = cut;
  }
  pushSpan(spans, text, from, text.length, offset);
  return spans;
}

function isBoundary(text: string, at: number, terminator: string, gap: string, next: number): boolean {
  const rest = text.slice(next, next + 40);
  const nextWord = /^["“‘']?([\p{L}\p{N}]+)/u.exec(rest)?.[1] ?? "";
  // A sentence starts with a capital, a digit or an opening quote; anything else continues it.
  if (!/^["“‘'(\[]?[\p{Lu}\p{N}]/u.test(rest)) return false;
  if (gap === "" && !/^[A-Z][a-z]/.test(rest)) return false;
  if (terminator !== ".") return true;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, at - 20), at))?.[1] ?? "";
  if (gap === "" && !/\p{Ll}{2,}$/u.test(before)) return false;
  return !isAbbreviation(before, nextWord);
}

function isAbbreviation(word: string, nextWord: string): boolean {
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/^.*\./, ""))) {
    // "Sept. 14", "No. 5", "St. Albans": an abbreviation before a digit or a name continues the sentence.
    return true;
  }
  // A single capital is an initial ("A. Smith", "J. K. Rowling").
  if (/^\p{Lu}$/u.test(word)) return true;
  // Dotted acronyms ("U.S.", "U.N."): a new sentence only when a typical sentence opener follows.
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return !SENTENCE_STARTERS.has(nextWord.toLowerCase());
  return false;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number, offset: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: offset + s, end: offset + e, text: text.slice(s, e) });
}
