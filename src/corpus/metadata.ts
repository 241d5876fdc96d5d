/**
 * Reads title, outlet, author, date, time and place from the article's own words: a page's lines
 * ("Last Updated 26 March 2024", "Published in The Gazette, March 24th, 2024", "– By Ann Weller") and wire
 * copy's conventions (a headline in capitals, "TARSK, March 4 (Xinhua) --", "NAME, Associated Press
 * Writer", "told AFP"). Only what the text states is taken: a field it does not state stays null.
 */
import type { ArticleMeta } from "./types";
import type { Block } from "./blocks";
import type { BlockClass } from "./boilerplate";
import { isBreadcrumb, isWidget } from "./boilerplate";
import { fullDates, inferYear, isoOf, parseDate, parseTime } from "./dates";
import { agencyInterviewing, readContributorCredit, readDateline, readWireByline, stripSlug, type Dateline } from "./wire";
import { tokenize } from "../text/analyze";

const DATE_CUE = /\b(?:published|updated|posted|first published|last modified|dated)\b/i;
const NAME = String.raw`\p{Lu}[\p{L}'’.-]{0,30}(?:\s{1,2}(?:\p{Lu}[\p{L}'’.-]{0,30}|de|van|von|al|bin|el|da|di|del|la|le)){0,4}`;
/** "Title – By Ann Weller" at the end of a title line. */
const TITLE_BYLINE = new RegExp(String.raw`\s[-–—|]\s{0,3}(?:By|Written by)\s{1,3}(${NAME})\s{0,3}$`, "u");
/** A byline of its own: "By Maria Lopez, Staff Reporter", "– By Ann Weller", "By Ann Lee and Bo Chan". */
const BYLINE = new RegExp(
  String.raw`^(?:[-–—]\s{0,3})?(?:By|Written by|Author:)\s{1,3}(${NAME}(?:\s{1,2}and\s{1,2}${NAME})?)\s{0,3}(?:$|[,|–—]|\s-\s)`,
  "u",
);
const OUTLET_PATTERNS = [
  new RegExp(String.raw`\bPublished in (?:the )?(${NAME}),`, "u"),
  new RegExp(String.raw`^(${NAME}) is on (?:WhatsApp|Telegram|Google News)\b`, "u"),
  new RegExp(String.raw`(?:©|\(c\)|Copyright)\s{0,3}(?:\d{4}(?:\s{0,3}[-–]\s{0,3}\d{4})?\s{1,3})?(?:the\s{1,3})?(${NAME})`, "iu"),
];
/** Headlines run longer than page headings (wire headlines reach twenty words and more). */
const MAX_HEADLINE_WORDS = 30;

export function readMetadata(blocks: readonly Block[], classes: readonly BlockClass[]): ArticleMeta {
  const head = headBlocks(blocks, classes);
  const titleAt = head.findIndex(isTitleCandidate);
  const titleLine = titleAt >= 0 ? head[titleAt]!.text : null;
  const byline = titleLine ? TITLE_BYLINE.exec(titleLine) : null;
  const dateline = findDateline(blocks, head, classes, titleAt);
  const when = findDate(blocks, head, classes, titleAt, dateline);
  return {
    title: titleLine ? cleanTitle(byline ? titleLine.slice(0, byline.index) : titleLine) : null,
    author: byline?.[1] ?? findAuthor(head),
    outlet: findOutlet(blocks, classes, head, dateline),
    date: when?.date ?? null,
    time: when?.time ?? null,
    place: dateline?.place ?? null,
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
  if (text.length > 250 || isWidget(text) || isDateLine(text) || isBreadcrumb(text)) return false;
  if (/^(?:By|Written by|Author:)\s/i.test(text) || readWireByline(text) || readDateline(text)?.strong) return false;
  return looksLikeHeadline(text) || /\?$/.test(text);
}

/** A headline: a few words to a long wire headline, starting with a capital, a digit or a quote, no closing stop. */
function looksLikeHeadline(text: string): boolean {
  const words = tokenize(text).length;
  return words >= 2 && words <= MAX_HEADLINE_WORDS && /^[\p{Lu}\p{N}"“‘']/u.test(text) && !/[.,;:]$|\.\.\.$|…$/.test(text);
}

/** A line that is a date and little else: "Last Updated 26 March 2024, 23:46 IST". */
function isDateLine(text: string): boolean {
  if (text.length > 120) return false;
  const date = fullDates(text)[0];
  if (!date) return false;
  const rest = text.slice(0, date.index) + text.slice(date.end);
  const leftover = rest.replace(/\d{1,2}:\d{2}(?::\d{2})?|\b(?:IST|GMT|UTC|[AP]M|[ap]\.m\.)|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)[a-z]{0,4}|[\s,|:-]/g, "");
  return leftover.length < 12;
}

/** Headlines lose wire slugs and a trailing separator or unmatched bracket: "PLOT )" → "PLOT". */
function cleanTitle(text: string): string {
  const title = stripSlug(text).replace(/\s*[-–—|:]\s*$/, "");
  const unmatched = /\s*[)\]]$/.test(title) && !/[([]/.test(title);
  return (unmatched ? title.replace(/\s*[)\]]$/, "") : title).trim();
}

function findAuthor(head: readonly Block[]): string | null {
  for (const b of head) {
    const m = BYLINE.exec(b.text);
    if (m) return m[1]!;
    const wire = readWireByline(b.text);
    if (wire?.author) return wire.author;
  }
  return null;
}

/**
 * The outlet the text names: a page's own statement ("Published in The Gazette", "© 2023 The Courier") first,
 * then the wire's credits: the dateline's "(Xinhua)", a wire byline, "AP writer ... contributed",
 * and last the agency that says it did the interviews ("told AFP").
 */
function findOutlet(blocks: readonly Block[], classes: readonly BlockClass[], head: readonly Block[], dateline: Dateline | null): string | null {
  return (
    statedOutlet(blocks, classes) ??
    dateline?.credit ??
    firstOf(head, (b) => readWireByline(b.text)?.outlet ?? null) ??
    firstOf(blocks, (b) => readContributorCredit(b.text)) ??
    agencyInterviewing(blocks.filter((_, i) => classes[i] === "good").map((b) => b.text))
  );
}

function statedOutlet(blocks: readonly Block[], classes: readonly BlockClass[]): string | null {
  for (const [i, b] of blocks.entries()) {
    if (classes[i] === "good" && b.text.length > 200) continue;
    for (const re of OUTLET_PATTERNS) {
      const m = re.exec(b.text);
      if (m) return cleanOutlet(m[1]!);
    }
  }
  return null;
}

function firstOf<T>(items: readonly Block[], read: (b: Block) => T | null): T | null {
  for (const b of items) {
    const found = read(b);
    if (found !== null) return found;
  }
  return null;
}

/** "Brenton Gazette. All rights reserved." → "Brenton Gazette". */
function cleanOutlet(name: string): string {
  return name.split(/\.\s|\s+All rights reserved/i)[0]!.replace(/\.$/, "").trim();
}

/**
 * The dateline: a head block after the title ("OAK HOLLOW, Pa."), or the opening of the first
 * paragraph ("LISBON (Reuters) - ..."). Above the title only a dated one counts.
 */
function findDateline(blocks: readonly Block[], head: readonly Block[], classes: readonly BlockClass[], titleAt: number): Dateline | null {
  for (let i = 0; i < head.length; i++) {
    if (i === titleAt) continue;
    const d = readDateline(head[i]!.text);
    if (d && (d.strong || i > titleAt)) return d;
  }
  // The head ends at the first body block: its opening may be the dateline.
  return classes[head.length] === "good" ? readDateline(blocks[head.length]!.text) : null;
}

interface When {
  date: string;
  time: string | null;
}

/**
 * A date introduced by a cue ("Published", "Updated") anywhere outside the body; else the dateline's
 * (its year, when it states none, from the article's other dates: see `inferYear`); else a bare date
 * line after the title. A bare date above the title is a site header showing the day of the scrape.
 */
function findDate(blocks: readonly Block[], head: readonly Block[], classes: readonly BlockClass[], titleAt: number, dateline: Dateline | null): When | null {
  for (const [i, b] of blocks.entries()) {
    if (classes[i] === "good" && b.text.length > 200) continue;
    const cue = b.text.search(DATE_CUE);
    if (cue < 0) continue;
    const stated = b.text.slice(cue, cue + 200);
    const date = parseDate(stated);
    if (date) return { date, time: parseTime(stated)?.time ?? null };
  }
  if (dateline?.date) return { date: dateline.date, time: dateline.time };
  if (dateline?.monthDay) {
    const others = blocks.flatMap((b) => fullDates(b.text).map((d) => d.iso));
    const year = inferYear(dateline.monthDay, others);
    if (year !== null) return { date: isoOf(year, dateline.monthDay.month, dateline.monthDay.day), time: dateline.time };
  }
  const line = head.slice(titleAt + 1).find((b) => isDateLine(b.text));
  return line ? { date: parseDate(line.text)!, time: parseTime(line.text)?.time ?? null } : null;
}
