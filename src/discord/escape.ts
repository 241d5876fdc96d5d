// Escaping of quoted article text for Discord markdown, so a quote can never ping anyone, break the
// formatting around it, or pass itself off as a link or an attribution.
//
// Why not discord.js's `escapeMarkdown`: it is context-sensitive (it tries to leave `*` alone unless it
// would pair up), ignores mentions, control and bidi characters, line-start constructs are opt-in, and
// it works on a finished string, so it cannot map highlight offsets. Here every markdown character
// (\ * _ ~ ` | [) is backslash-escaped unconditionally, which Discord renders as the bare character.
//
// Both functions work on "units": one source character, a whole mention, a whole URL or a collapsed
// line break. A highlight never splits a unit, so it cannot cut a neutralized mention back into a live one.

/** Inserted to break mentions; renders as nothing. */
export const ZERO_WIDTH_SPACE = "\u200b";
const BOLD = "**";

/** Backslash-escaped wherever they appear. `]` is harmless once `[` is escaped, and escaping it glues to URLs. */
const ALWAYS_ESCAPED = new Set(["\\", "*", "_", "~", "`", "|", "["]);
/** Controls (but tab and line breaks), bidi embeddings/overrides/isolates, marks and invisible characters. */
const STRIPPED =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** Joiners shape emoji and some scripts; next to ASCII they only serve to hide something. */
const JOINER = /[\u200c\u200d]/;
const LINE_BREAK_RUN = /[ \t]*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])(?:[ \t]*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029]))*[ \t]*/y;
// Patterns below are sticky (flag y) and matched at one position with matchAt.
/** Same shape as Discord's autolink rule, so a verbatim URL unit ends where Discord's link ends. */
const URL = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/y;
const MASS_MENTION = /@(everyone|here)/iy;
/** The "@" of a mass mention, wherever it is (in a URL, in plain text). */
const MASS_MENTION_AT = /@(?=everyone|here)/gi;
/** `<@id>`, `<@&id>`, `<#id>`, `</cmd:id>`, `<:emoji:id>`, `<t:…>`, `<https:…>`: all start like this. */
const ANGLE_START = "<(?=[@#/:]|[a-z]+:)";
const ANGLE_CONSTRUCT = new RegExp(ANGLE_START, "iy");
const ANGLE_CONSTRUCTS = new RegExp(ANGLE_START, "gi");
/** Block constructs that only count at the start of a line (after indentation): heading, quote, list, subtext. */
const LINE_START_MARK = /[#>\-+]/y;
const LINE_START_NUMBER = /\d+\./y;
/** First characters of a URL, a mass mention or an angle construct (other units are single characters). */
const MAY_START_CONSTRUCT = /[hH@<]/;
/**
 * Text that escaping leaves as it is: no markdown character, no "@" or "<", no control, invisible or
 * line-break character, no block mark at the start. Most titles and names are such text; they skip
 * the unit-by-unit pass (about 8 µs for a title, 0.1 s for a list of 10 000 articles).
 */
const NOTHING_TO_ESCAPE =
  /^(?! *(?:[#>\-+]|\d+\.))[^\\*_~`|[@<\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]*$/;
const LINE_BREAK_CHAR = /[\n\r\v\f\u0085\u2028\u2029]/;
/** Characters a LINE_BREAK_RUN can start with. */
const MAY_START_LINE_BREAK = /[ \t\n\r\v\f\u0085\u2028\u2029]/;

export interface Range {
  /** Offset into the unescaped text (UTF-16 code units), inclusive. */
  start: number;
  /** Offset into the unescaped text, exclusive. */
  end: number;
}

export interface EscapeOptions {
  /** Keep line breaks (normalized to "\n") instead of collapsing them to one space. Default false. */
  keepNewlines?: boolean;
}

interface Segment {
  text: string;
  start: number;
  end: number;
}

interface Unit extends Segment {
  out: string;
  isUrl: boolean;
}

/** Step 1: drop invisible characters and collapse line breaks, remembering where each piece came from. */
function normalize(text: string, keepNewlines: boolean): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    const blanks = blankRunEnd(text, i);
    if (blanks > i && !LINE_BREAK_CHAR.test(text[blanks] ?? "")) {
      // Spaces and tabs with no line break after them stay as they are, one segment each; the run is
      // looked at once, not retried from each of its characters (quadratic on 80 000 spaces).
      for (let k = i; k < blanks; k++) segments.push({ text: " ", start: k, end: k + 1 });
      i = blanks;
      continue;
    }
    const lineBreak = MAY_START_LINE_BREAK.test(text[i] as string) ? matchAt(LINE_BREAK_RUN, text, i) : null;
    if (lineBreak) {
      const end = i + lineBreak[0].length;
      const breaks = keepNewlines ? lineBreak[0].replace(/\r\n/g, "\n").replace(/[^\n\r\v\f\u0085\u2028\u2029]/g, "") : "";
      segments.push({ text: keepNewlines ? "\n".repeat(breaks.length) : " ", start: i, end });
      i = end;
      continue;
    }
    const codePoint = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const end = i + codePoint.length;
    if (!STRIPPED.test(codePoint) && !isJoinerNextToAscii(text, i)) {
      segments.push({ text: codePoint === "\t" ? " " : codePoint, start: i, end });
    }
    i = end;
  }
  return segments;
}

/** Where the run of spaces and tabs starting at `i` ends (`i` when there is none). */
function blankRunEnd(text: string, i: number): number {
  let end = i;
  while (text[end] === " " || text[end] === "\t") end++;
  return end;
}

function isJoinerNextToAscii(text: string, i: number): boolean {
  if (!JOINER.test(text[i] ?? "")) return false;
  const isAscii = (c: string | undefined) => c !== undefined && c.charCodeAt(0) < 0x80;
  return isAscii(text[i - 1]) || isAscii(text[i + 1]);
}

/** Step 2: cut the normalized text into units and escape each. */
function toUnits(text: string, keepNewlines: boolean): Unit[] {
  const segments = normalize(text, keepNewlines);
  const flat = segments.map((s) => s.text).join("");
  // Segment index of each UTF-16 position of `flat`, to map units back to source offsets.
  const owner = new Int32Array(flat.length);
  let at = 0;
  segments.forEach((s, index) => {
    owner.fill(index, at, at + s.text.length);
    at += s.text.length;
  });

  const units: Unit[] = [];
  let atLineStart = true;
  let i = 0;
  while (i < flat.length) {
    const { text: piece, out, isUrl } = nextUnit(flat, i, atLineStart);
    const start = segments[owner[i] ?? 0]?.start ?? 0;
    const end = segments[owner[i + piece.length - 1] ?? 0]?.end ?? 0;
    units.push({ start, end, text: piece, out, isUrl });
    // Indentation keeps a line start: "  - item" is still a list.
    atLineStart = piece.endsWith("\n") || (atLineStart && /^[ \t]+$/.test(piece));
    i += piece.length;
  }
  return units;
}

/** Sticky match of `pattern` exactly at `index`. */
function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function nextUnit(flat: string, i: number, atLineStart: boolean): { text: string; out: string; isUrl: boolean } {
  const first = flat[i] as string;
  // Fast path: most characters can start none of the constructs below (the sticky regexes are costly per character).
  if (!atLineStart && !MAY_START_CONSTRUCT.test(first)) {
    const char = String.fromCodePoint(flat.codePointAt(i) ?? 0);
    return { text: char, out: ALWAYS_ESCAPED.has(char) ? `\\${char}` : char, isUrl: false };
  }
  const url = matchAt(URL, flat, i)?.[0];
  if (url) return { text: url, out: url.replace(MASS_MENTION_AT, `@${ZERO_WIDTH_SPACE}`), isUrl: true };
  const mass = matchAt(MASS_MENTION, flat, i)?.[0];
  if (mass) return { text: mass, out: `@${ZERO_WIDTH_SPACE}${mass.slice(1)}`, isUrl: false };
  if (matchAt(ANGLE_CONSTRUCT, flat, i)) return { text: "<", out: `<${ZERO_WIDTH_SPACE}`, isUrl: false };
  if (atLineStart) {
    const mark = matchAt(LINE_START_MARK, flat, i)?.[0];
    if (mark) return { text: mark, out: `${mark.slice(0, -1)}\\${mark.slice(-1)}`, isUrl: false };
    const numbered = matchAt(LINE_START_NUMBER, flat, i)?.[0];
    if (numbered) return { text: numbered, out: `${numbered.slice(0, -1)}\\.`, isUrl: false };
  }
  const char = String.fromCodePoint(flat.codePointAt(i) ?? 0);
  return { text: char, out: ALWAYS_ESCAPED.has(char) ? `\\${char}` : char, isUrl: false };
}

/**
 * Escapes text for Discord markdown: markdown characters backslash-escaped, line-start block marks
 * escaped, mentions broken with a zero-width space, invisible/bidi characters removed, line breaks
 * collapsed to a space (unless `keepNewlines`). Renders as the original text.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  if (NOTHING_TO_ESCAPE.test(text)) return text;
  return toUnits(text, options.keepNewlines ?? false)
    .map((u) => u.out)
    .join("");
}

/**
 * Escapes `text` like `escapeMarkdown` and wraps the given ranges (offsets into `text`, not into the
 * output) in `**`. Ranges are merged; bold never starts or ends on whitespace, and never touches a
 * URL (Discord would swallow the `**` into the link).
 */
export function highlightEscaped(text: string, ranges: readonly Range[], options: EscapeOptions = {}): string {
  const units = toUnits(text, options.keepNewlines ?? false);
  const merged = mergeRanges(ranges, text.length);
  // Units and merged ranges are both in text order: one sweep, not every unit against every range.
  let r = 0;
  const boldable = units.map((u) => {
    while (r < merged.length && merged[r]!.end <= u.start) r++;
    return r < merged.length && merged[r]!.start < u.end;
  });
  for (const index of urlNeighbourhood(units)) boldable[index] = false;

  let out = "";
  let i = 0;
  while (i < units.length) {
    if (!boldable[i]) {
      out += units[i]?.out ?? "";
      i++;
      continue;
    }
    let end = i;
    while (end < units.length && boldable[end]) end++;
    out += boldRun(units.slice(i, end));
    i = end;
  }
  return out;
}

/** Wraps a run of units in `**`, leaving leading and trailing blank units outside the markers. */
function boldRun(run: Unit[]): string {
  const isBlank = (u: Unit) => u.out.trim() === "";
  let first = 0;
  let last = run.length;
  while (first < last && isBlank(run[first] as Unit)) first++;
  while (last > first && isBlank(run[last - 1] as Unit)) last--;
  const join = (part: Unit[]) => part.map((u) => u.out).join("");
  if (first === last) return join(run);
  return `${join(run.slice(0, first))}${BOLD}${join(run.slice(first, last))}${BOLD}${join(run.slice(last))}`;
}

/** Indexes of URL units and of the units glued to them without whitespace (each glued run looked at once). */
function urlNeighbourhood(units: Unit[]): Set<number> {
  const result = new Set<number>();
  const glued = (unit: Unit) => unit.out !== "" && !/\s/.test(unit.out);
  for (let start = 0; start < units.length; ) {
    let end = start;
    while (end < units.length && glued(units[end]!)) end++;
    if (units.slice(start, end).some((u) => u.isUrl)) for (let k = start; k < end; k++) result.add(k);
    start = Math.max(end, start + 1);
  }
  return result;
}

/** Clamps, sorts and merges overlapping or touching ranges; drops empty ones. */
export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const clamped = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, length)), end: Math.max(0, Math.min(r.end, length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of clamped) {
    const previous = merged.at(-1);
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * For text Discord shows without markdown (embed footers, choice names): breaks mass mentions and
 * `<@…>`-style constructs with a zero-width space and leaves every other character as it is, since a
 * backslash there would be shown literally.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(MASS_MENTION_AT, `@${ZERO_WIDTH_SPACE}`).replace(ANGLE_CONSTRUCTS, `<${ZERO_WIDTH_SPACE}`);
}

/** True when `text` contains something Discord would turn into a mention or a mention-like construct. */
export function containsLiveMention(text: string): boolean {
  return /@(everyone|here)/i.test(text) || /<(@[!&]?\d+|#\d+|\/[^>\s]+:\d+|a?:\w+:\d+|t:-?\d+(:\w)?)>/.test(text);
}
