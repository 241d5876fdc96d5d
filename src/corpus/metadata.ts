/**
 * Reads title, outlet, author and date from the page's own words ("Last Updated 26 March 2024",
 * "Published in Dawn, March 24th, 2024", "– By Fred Kaplan"). Only what the text states is taken: a field
 * the page does not state stays null rather than being guessed.
 */
import type { ArticleMeta } from "./types";
import type { Block } from "./blocks";
import type { BlockClass } from "./boilerplate";
import { isBreadcrumb, isWidget, looksLikeHeading } from "./boilerplate";
import { tokenize } from "../text/analyze";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** "26 March 2024", "March 24th, 2024", "2024-03-26", with an optional weekday before. */
const DATE = new RegExp(
  String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)[a-z]*,?\s+)?(?:${DAY}\s+(${MONTH}),?\s+(\d{4})|(${MONTH})\s+${DAY},?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))`,
  "i",
);
const DATE_CUE = /\b(?:published|updated|posted|first published|last modified|dated)\b/i;
const NAME = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|al|bin|el|da|di|del|la|le)){0,4}`;
/** "Title – By Fred Kaplan" at the end of a title line. */
const TITLE_BYLINE = new RegExp(String.raw`\s[-–—|]\s*(?:By|Written by)\s+(${NAME})\s*$`, "u");
/** A byline of its own: "By Maria Lopez, Staff Reporter", "– By Fred Kaplan", "Author: Ann Lee | Reuters". */
const BYLINE = new RegExp(String.raw`^(?:[-–—]\s*)?(?:By|Written by|Author:)\s+(${NAME})\s*(?:$|[,|–—]|\s-\s)`, "u");
const OUTLET_PATTERNS = [
  new RegExp(String.raw`\bPublished in (?:the )?(${NAME}),`, "u"),
  new RegExp(String.raw`^(${NAME}) is on (?:WhatsApp|Telegram|Google News)\b`, "u"),
  new RegExp(String.raw`(?:©|\(c\)|Copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s+)?(?:the\s+)?(${NAME})`, "iu"),
];

export function readMetadata(blocks: readonly Block[], classes: readonly BlockClass[]): ArticleMeta {
  const head = headBlocks(blocks, classes);
  const titleAt = head.findIndex(isTitleCandidate);
  const titleLine = titleAt >= 0 ? head[titleAt]!.text : null;
  const byline = titleLine ? TITLE_BYLINE.exec(titleLine) : null;
  return {
    title: titleLine ? cleanTitle(byline ? titleLine.slice(0, byline.index) : titleLine) : null,
    author: byline?.[1] ?? findAuthor(head),
    outlet: findOutlet(blocks, classes),
    date: findDate(blocks, classes, titleAt >= 0 ? head[titleAt]! : null),
    url: null,
  };
}

/** The blocks before the first paragraph of body text: where titles, bylines and datelines live. */
function headBlocks(blocks: readonly Block[], classes: readonly BlockClass[]): Block[] {
  const first = classes.indexOf("good");
  return blocks.slice(0, first < 0 ? Math.min(blocks.length, 10) : first);
}

function isTitleCandidate(block: Block): boolean {
  const text = block.text;
  if (text.length > 200 || isWidget(text) || isDateLine(text) || isBreadcrumb(text)) return false;
  if (/^(?:By|Written by|Author:)\s/i.test(text)) return false;
  return looksLikeHeading(text, tokenize(text).length) || /\?$/.test(text);
}

function isDateLine(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && text.replace(m[0], "").replace(/[\s,|:-]|\d{1,2}:\d{2}|IST|GMT|UTC|[AP]M/g, "").length < 12;
}

function cleanTitle(text: string): string {
  return text.replace(/\s*[-–—|:]\s*$/, "").trim();
}

function findAuthor(head: readonly Block[]): string | null {
  for (const b of head) {
    const m = BYLINE.exec(b.text);
    if (m) return m[1]!;
  }
  return null;
}

function findOutlet(blocks: readonly Block[], classes: readonly BlockClass[]): string | null {
  for (const [i, b] of blocks.entries()) {
    if (classes[i] === "good" && b.text.length > 200) continue;
    for (const re of OUTLET_PATTERNS) {
      const m = re.exec(b.text);
      if (m) return cleanOutlet(m[1]!);
    }
  }
  return null;
}

/** "Brenton Gazette. All rights reserved." → "Brenton Gazette". */
function cleanOutlet(name: string): string {
  return name.split(/\.\s|\s+All rights reserved/i)[0]!.replace(/\.$/, "").trim();
}

/**
 * A date introduced by a cue ("Published", "Updated") anywhere outside the body; else a bare dateline
 * after the title. A bare date above the title is a site header showing the day of the scrape.
 */
function findDate(blocks: readonly Block[], classes: readonly BlockClass[], title: Block | null): string | null {
  for (const [i, b] of blocks.entries()) {
    if (classes[i] === "good" && b.text.length > 200) continue;
    if (!DATE_CUE.test(b.text)) continue;
    const iso = parseDate(b.text.slice(b.text.search(DATE_CUE)));
    if (iso) return iso;
  }
  const head = headBlocks(blocks, classes);
  const afterTitle = title ? head.slice(head.indexOf(title) + 1) : [];
  const dateline = afterTitle.find((b) => isDateLine(b.text));
  return dateline ? parseDate(dateline.text) : null;
}

/** The first full date (day, month and year) in a text, as `YYYY-MM-DD`; null when none. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [day, month, year] = m[1]
    ? [m[1], m[2]!, m[3]!]
    : m[4]
      ? [m[5]!, m[4], m[6]!]
      : [m[9]!, String(Number(m[8])), m[7]!];
  const monthNumber = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || d < 1 || d > 31) return null;
  return `${year}-${String(monthNumber).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
