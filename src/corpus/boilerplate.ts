/**
 * Tells article text from site boilerplate, block by block, in the manner of jusText (Pomikálek 2011):
 * each block is classed by its length, its share of stop words and its punctuation, then short blocks
 * are settled by their neighbours. A small lexicon of widget phrases catches what the statistics miss
 * (share prompts, comment widgets, counters, credits). Nothing here names a particular site.
 */
import { tokenize, isStopWord } from "../text/analyze";
import type { Block } from "./blocks";

export type BlockClass = "good" | "bad" | "short" | "heading";

/** A block at least this long with enough stop words is body text (jusText's length_high is 200). */
const LONG_BLOCK = 110;
/** Below this length a block is too short to judge alone (jusText's length_low is 70). */
const SHORT_BLOCK = 60;
/** Share of stop words in running English prose; lists of names and menus fall far below it. */
const PROSE_STOPWORD_DENSITY = 0.28;
const MIN_STOPWORD_DENSITY = 0.18;

/** Phrases of page furniture: ads, share and follow prompts, comment widgets, navigation. */
const WIDGET = new RegExp(
  [
    String.raw`^advert(isement|isment|orial)?s?\b`,
    String.raw`^sponsored\b`,
    String.raw`\b(share|follow|like) (us|this|on)\b`,
    String.raw`\bfollow (her|him|them|me) (on|at)\b`,
    String.raw`\((photo|image|picture|video|credit|file|source)s?\b[^)]*\)$`,
    String.raw`^share\b`,
    String.raw`\bsubscribe\b`,
    String.raw`\bsign (up|in)\b`,
    String.raw`\bnewsletter\b`,
    String.raw`\bjoin now\b`,
    String.raw`\bis on (whatsapp|telegram|google news)\b`,
    String.raw`\b(whatsapp|telegram) channels?\b`,
    String.raw`\bclick here\b`,
    String.raw`^read (more|also|next)\b`,
    String.raw`^(also read|see also|more from|recommended|trending|most (popular|read|viewed))\b`,
    String.raw`^(related|recent|popular|latest) (articles?|posts?|stories|news|comments)\b`,
    String.raw`^you (may|might) (also )?like\b`,
    String.raw`\b(leave|post|write) a (reply|comment)\b`,
    String.raw`^please enter your\b`,
    String.raw`\b(view|load|show) (all|more) comments\b`,
    String.raw`^notify of\b`,
    String.raw`^inline feedbacks\b`,
    String.raw`^(article )?rating\b`,
    String.raw`\bcomments?$`,
    String.raw`\b\d+\s*(views?|comments?|votes?|shares?|likes?)\b`,
    String.raw`^(top|bottom) of (the )?page$`,
    String.raw`^(home|menu|login|log in|skip to (main )?content)\b`,
    // "Search" the box, not "Search teams find survivors" the headline.
    String.raw`^search(\s{1,3}(this|the)\s{1,3}site|\s{1,3}for)?\s{0,3}[:.…]*$`,
    String.raw`\bsearch engine$`,
    String.raw`^(image|photo|picture|video|file photo|credit|photograph)s?( credit)?\s*[:|©]`,
    String.raw`^©|\bcopyright\b|\ball rights reserved\b`,
    String.raw`\b(privacy policy|terms of (use|service)|cookie)`,
    String.raw`^tags?\s*:`,
    String.raw`^(getty images|reuters|ap photo|afp)\b`,
  ].join("|"),
  "i",
);

/** A heading that opens the tail of a page: every block after it is navigation or comments. */
const TAIL_MARKER =
  /^(related( articles| posts| stories)?|leave a reply|comments?|recent comments|most popular|you may (also )?like|more (from|stories)|read more|also read|latest news)$/i;

export function classifyBlocks(blocks: readonly Block[]): BlockClass[] {
  const classes = blocks.map((b) => classifyAlone(b.text));
  markTail(blocks, classes);
  markRepeats(blocks, classes);
  settleShortBlocks(classes);
  return classes;
}

/** The class of a block on its own evidence. */
export function classifyAlone(text: string): BlockClass {
  const words = tokenize(text);
  if (words.length === 0) return "bad";
  if (isWidget(text) || isBreadcrumb(text)) return "bad";
  const density = words.filter((w) => isStopWord(w.word)).length / words.length;
  const sentenceLike = /[.!?…]["'”’)]*$/.test(text);
  if (text.length >= LONG_BLOCK && density >= PROSE_STOPWORD_DENSITY) return "good";
  if (text.length >= SHORT_BLOCK && density >= MIN_STOPWORD_DENSITY && sentenceLike) return "good";
  if (text.length >= LONG_BLOCK && density < MIN_STOPWORD_DENSITY) return "bad";
  if (looksLikeHeading(text, words.length)) return "heading";
  return "short";
}

/** Navigation trails: "Home > World > …", glued menu words ("HomeWorld"), or a line cut short with "...". */
export function isBreadcrumb(text: string): boolean {
  return (
    (text.length < 200 && /(?:\.\.\.|…)$/.test(text) && !/[.!?]/.test(text.slice(0, -3))) ||
    /^Home(?:\p{Lu}|\s*[>/»|])/u.test(text) ||
    /\s[>»]\s.*\s[>»]\s/.test(text)
  );
}

export function isWidget(text: string): boolean {
  return text.length < 200 && WIDGET.test(text.trim());
}

/** A title-like line: a few words, no closing period, starts with a capital. */
export function looksLikeHeading(text: string, wordCount: number): boolean {
  return wordCount >= 2 && wordCount <= 16 && /^[\p{Lu}"“‘']/u.test(text) && !/[.,;:]$/.test(text) && !/\.\.\.$|…$/.test(text);
}

function markTail(blocks: readonly Block[], classes: BlockClass[]): void {
  // The first marker after some body text (tracked as it goes: a page of 100 000 "Comments" lines must
  // not look back over every block before each).
  const firstGood = classes.indexOf("good");
  const at = firstGood < 0 ? -1 : blocks.findIndex((b, i) => i > firstGood && TAIL_MARKER.test(b.text.trim()));
  if (at < 0) return;
  for (let i = at; i < classes.length; i++) classes[i] = "bad";
}

/** Decks and standfirsts sit in the page head; only that far down is a block checked for containment. */
const HEAD_BLOCKS = 15;

/**
 * A block that repeats another (a title shown twice, a dek echoed in the body) is kept once: the later
 * copy, because decks and titles come before the body that repeats them.
 */
function markRepeats(blocks: readonly Block[], classes: BlockClass[]): void {
  const norm = blocks.map((b) => b.text.replace(/\s+/g, " ").toLowerCase());
  const lastAt = new Map<string, number>();
  norm.forEach((n, i) => lastAt.set(n, i));
  for (let i = 0; i < blocks.length; i++) {
    if (classes[i] === "bad") continue;
    const echoed = i < HEAD_BLOCKS && classes[i] === "good" && isInsideAnother(norm, classes, i);
    if (lastAt.get(norm[i]!)! > i || echoed) classes[i] = "bad";
  }
}

function isInsideAnother(norm: readonly string[], classes: readonly BlockClass[], i: number): boolean {
  const text = norm[i]!;
  return norm.some((other, j) => j !== i && classes[j] !== "bad" && other.length > text.length && other.includes(text));
}

/**
 * jusText's context step: a short block between body text is body text (a brief paragraph, a heading);
 * short blocks at the edges of the page, before the first or after the last good block, are furniture.
 */
function settleShortBlocks(classes: BlockClass[]): void {
  const first = classes.indexOf("good");
  const last = classes.lastIndexOf("good");
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c !== "short" && c !== "heading") continue;
    const inside = first >= 0 && i > first && i < last;
    if (!inside) classes[i] = "bad";
    else if (c === "short") classes[i] = nearestGood(classes, i) ? "good" : "bad";
  }
}

function nearestGood(classes: readonly BlockClass[], i: number): boolean {
  return classes[i - 1] === "good" || classes[i + 1] === "good";
}
