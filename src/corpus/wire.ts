/**
 * Wire-service conventions: the dateline ("TARSK, March 4 (Xinhua) --", "OAK HOLLOW, Pa. (AP) _",
 * "PORTVILLE, Norland 2019-03-04 04:12:00 UTC", "LISBON"), agency credits ("(AFP)", "told The Associated
 * Press", "Associated Press writer ... contributed"), wire bylines ("NAME, Associated Press Writer") and
 * the version slugs that precede a headline ("URGENT", "2nd Ld-Writethru:"). Patterns are anchored or
 * bounded and read at most the start of a block, so their cost is linear in the text.
 */
import { MONTH, fullDates, parseMonthDay, parseTime, type MonthDay } from "./dates";

/** The world's main news agencies as they credit themselves, with the short name each goes by. */
const AGENCIES: readonly (readonly [written: string, name: string])[] = [
  ["Associated Press", "AP"],
  ["AP", "AP"],
  ["Agence France-Presse", "AFP"],
  ["Agence France Presse", "AFP"],
  ["AFP", "AFP"],
  ["Reuters", "Reuters"],
  ["Xinhua News Agency", "Xinhua"],
  ["Xinhua", "Xinhua"],
  ["United Press International", "UPI"],
  ["UPI", "UPI"],
  ["Deutsche Presse-Agentur", "dpa"],
  ["dpa", "dpa"],
  ["Kyodo News", "Kyodo"],
  ["Kyodo", "Kyodo"],
  ["Yonhap", "Yonhap"],
  ["Press Trust of India", "PTI"],
  ["PTI", "PTI"],
  ["IANS", "IANS"],
  ["ANSA", "ANSA"],
  ["EFE", "EFE"],
  ["Australian Associated Press", "AAP"],
  ["AAP", "AAP"],
  ["ITAR-TASS", "TASS"],
  ["TASS", "TASS"],
  ["Interfax", "Interfax"],
  ["Bernama", "Bernama"],
  ["Anadolu Agency", "Anadolu"],
  ["Canadian Press", "The Canadian Press"],
  ["Press Association", "PA"],
];
const AGENCY_NAMES = new Map(AGENCIES.map(([written, name]) => [written.toLowerCase(), name]));
const AGENCY = AGENCIES.map(([written]) => written)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  .join("|");

/** An agency's short name ("Associated Press" → "AP"); any other credit as written. */
function creditName(credit: string): string {
  const text = credit.trim().replace(/^the\s+/i, "");
  return AGENCY_NAMES.get(text.toLowerCase()) ?? text;
}

const WORD_CAPS = String.raw`\p{Lu}[\p{Lu}\p{M}'’.-]{1,30}`;
const WORD_TITLE = String.raw`\p{Lu}[\p{L}\p{M}'’.-]{0,30}`;
/** The city, in capitals as wire style writes it ("OAK HOLLOW", "ST. LOUIS"), or in title case. */
const PLACE = new RegExp(
  String.raw`^(${WORD_CAPS}(?:\s{1,2}${WORD_CAPS}){0,3}|${WORD_TITLE}(?:\s{1,2}${WORD_TITLE}){0,2})(?:,\s{1,2}(?!${MONTH})(${WORD_TITLE}(?:\s{1,2}${WORD_TITLE}){0,3}))?`,
  "u",
);
/** Words that open a line of date furniture, never a place: "Monday, Jan. 2", "Updated Jan 2, 2007". */
const NOT_PLACE = new RegExp(String.raw`^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}|published|updated|posted|last|first|dated|filed|modified|by)\b|^${MONTH}`, "iu");
const CITY_CAPS = new RegExp(String.raw`^${WORD_CAPS}(?:\s{1,2}${WORD_CAPS}){0,3}$`, "u");
/** The dash that ends an inline dateline: "--", "-", "–", "—", or AP's old "_". */
const DASH = /^\s{0,3}(?:-{1,2}|–|—|_)\s{0,3}/;
const CREDIT = /^\s{0,3}\(\s{0,2}([\p{L}][\p{L}\p{N} .&'’/-]{0,40}?)\s{0,2}\)/u;

export interface Dateline {
  place: string;
  /** ISO, when the dateline states a full date. */
  date: string | null;
  /** Day and month, when it states them without a year ("Jan. 2"). */
  monthDay: MonthDay | null;
  time: string | null;
  /** The outlet credited in parentheses: "(Xinhua)" → "Xinhua". */
  credit: string | null;
  /** It states a date, a time or a credit: only a place in capitals is weaker evidence. */
  strong: boolean;
}

/**
 * The dateline at the start of a block: on a line of its own, or opening the first paragraph and ending
 * with a dash or a credit. A place alone counts only in capitals and only as the whole block ("LISBON").
 */
export function readDateline(block: string): Dateline | null {
  const head = block.slice(0, 240);
  const p = NOT_PLACE.test(head) ? null : PLACE.exec(head);
  if (!p) return null;
  const city = p[1]!;
  let at = p[0].length;
  const gap = /^[,\s]{0,4}/.exec(head.slice(at))![0].length;
  const datePart = readDatePart(head.slice(at + gap));
  if (datePart) at += gap + datePart.length;
  const credit = CREDIT.exec(head.slice(at));
  if (credit) at += credit[0].length;
  const dash = DASH.exec(head.slice(at));
  const ended = head.slice(at).trim() === "" && block.length <= head.length;
  const dated = Boolean(datePart?.date || datePart?.monthDay);
  const strong = Boolean(dated || datePart?.time || credit);
  // Inside a paragraph a dateline ends with a dash, or is a dated credit: "Smith (D-Ill.) said" is none.
  if (!(ended || dash || (credit && dated))) return null;
  if (!strong && !CITY_CAPS.test(city)) return null;
  return {
    place: p[0].trim(),
    date: datePart?.date ?? null,
    monthDay: datePart?.monthDay ?? null,
    time: datePart?.time ?? null,
    credit: credit ? creditName(credit[1]!) : null,
    strong,
  };
}

interface DatePart {
  date: string | null;
  monthDay: MonthDay | null;
  time: string | null;
  length: number;
}

/** A date (full or day and month) and/or a time at the very start of `text`. */
function readDatePart(text: string): DatePart | null {
  const full = fullDates(text.slice(0, 40))[0];
  const monthDay = full ? null : parseMonthDay(text.slice(0, 20));
  const date = full && full.index === 0 ? full : monthDay && monthDay.index === 0 ? monthDay : null;
  const afterDate = date ? date.end + (text[date.end] === "T" ? 1 : 0) : 0;
  const time = parseTime(text.slice(afterDate, afterDate + 40));
  const timeHere = time && /^[\s,]{0,3}$/.test(text.slice(afterDate, afterDate + time.index)) ? time : null;
  if (!date && !timeHere) return null;
  return {
    date: date && full ? full.iso : null,
    monthDay: date && !full ? monthDay : null,
    time: timeHere?.time ?? null,
    length: timeHere ? afterDate + timeHere.end : afterDate,
  };
}

const NAME = String.raw`\p{Lu}[\p{L}'’.-]{0,30}(?:\s{1,2}(?:\p{Lu}[\p{L}'’.-]{0,30}|de|van|von|al|bin|el|da|di|del|la|le)){0,4}`;
/** "By NAME, Associated Press Writer", "NAME, AP Writer", "Associated Press Writer" on its own line. */
const WIRE_BYLINE = new RegExp(
  String.raw`^(?:(?:By\s{1,2})?(${NAME}(?:\s{1,2}and\s{1,2}${NAME})?),?\s{1,2})?(?:The\s{1,2})?(${AGENCY})\s{1,2}(?:Staff\s{1,2})?(?:Writer|Correspondent|Reporter)s?$`,
  "iu",
);

export interface WireByline {
  author: string | null;
  outlet: string;
}

export function readWireByline(block: string): WireByline | null {
  if (block.length > 120) return null;
  const m = WIRE_BYLINE.exec(block.trim());
  if (!m) return null;
  return { author: m[1] ?? null, outlet: creditName(m[2]!) };
}

/** "Associated Press writer Jane Doe contributed to this report." */
const CONTRIBUTED = new RegExp(String.raw`^(?:The\s{1,2})?(${AGENCY})\s{1,2}(?:staff\s{1,2})?(?:writers?|correspondents?|reporters?|photographers?)\b`, "u");

export function readContributorCredit(block: string): string | null {
  const m = CONTRIBUTED.exec(block);
  return m && /\bcontributed\b/.test(block.slice(0, 400)) ? creditName(m[1]!) : null;
}

/**
 * An agency that interviewed someone names itself ("told AFP", "told The Associated Press"); another
 * outlet's interview is credited as such ("told Reuters news agency") and does not count.
 */
const TOLD_AGENCY = new RegExp(
  String.raw`\b(?:told|in an interview with|speaking to)\s{1,2}(?:[Tt]he\s{1,2})?(${AGENCY})(?![\p{L}\p{N}-])(?!\s{1,2}(?:news\s{1,2})?(?:agency|newspaper|television|TV|radio|news))`,
  "gu",
);

/** The agency most often named as the interviewer in these texts; null when none. */
export function agencyInterviewing(texts: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(TOLD_AGENCY)) {
      const name = creditName(m[1]!);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

/** Version and priority slugs that wire services put before a headline. */
const SLUG = /^(?:(?:\d{1,2}(?:st|nd|rd|th)[\s-]{1,2})?(?:Ld|Lead)[\s-]?Writethru|Writethru|Update\s\d{1,2}|Corrected|Refile)\b\s{0,3}[:,\-–—]?\s{0,3}/i;
const CAPS_SLUG = /^(?:URGENT|BULLETIN|FLASH)\b\s{0,3}[:,\-–—]?\s{0,3}/;

/** "2nd Ld Writethru: Toll rises" → "Toll rises"; "URGENT  Car fire was an attack" → "Car fire was an attack". */
export function stripSlug(title: string): string {
  const m = SLUG.exec(title);
  if (m && m[0].length < title.length) return title.slice(m[0].length);
  const caps = CAPS_SLUG.exec(title);
  const rest = caps ? title.slice(caps[0].length) : "";
  // In a headline written all in capitals, "URGENT" may be a word of the headline itself.
  return caps && /\p{Ll}/u.test(rest) ? rest : title;
}
