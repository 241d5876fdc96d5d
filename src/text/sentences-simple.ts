/**
 * The plain sentence splitter ../shared/eval/summaries/SOURCE.md describes for its Lead-3 baseline:
 * split after `.`, `!` or `?` (plus any closing quotes or brackets) followed by whitespace, except
 * after common abbreviations or single-letter initials. Kept separate from the corpus splitter so the
 * eval's Lead-3 reproduces the published figures whatever the corpus splitter becomes.
 */

export interface SimpleSentence {
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cpt",
  "rev", "gov", "sen", "rep", "pres", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "fig", "al",
]);

// Terminal punctuation, then closing quotes/brackets, then whitespace.
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s)/g;

function isAbbreviationBefore(text: string, dotIndex: number): boolean {
  const word = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1];
  if (!word) return false;
  if (word.length === 1) return true; // single-letter initial: "John F. Kennedy"
  return ABBREVIATIONS.has(word.toLowerCase());
}

export function splitSimpleSentences(text: string, offset = 0): SimpleSentence[] {
  const out: SimpleSentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed) out.push({ start: offset + start + lead, end: offset + start + lead + trimmed.length, text: trimmed });
  };
  for (const m of text.matchAll(BOUNDARY)) {
    if (m[0].startsWith(".") && isAbbreviationBefore(text, m.index)) continue;
    const end = m.index + m[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}
