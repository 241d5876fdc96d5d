/**
 * Dates and clock times as news pages write them: "26 March 2024", "March 24th, 2024", "Jan. 2",
 * "2007-01-02 16:47:30 UTC", "10:42 a.m. EST". Every pattern has bounded quantifiers only, so scanning a
 * text costs a constant amount per position: hostile input ("mon" repeated, "March " repeated) stays linear.
 */

const MONTH_STEMS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
export const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![\p{L}])`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?!\d)`;
const YEAR = String.raw`((?:1[89]|2\d)\d{2})(?!\d)`;
const SP = String.raw`\s{1,3}`;
/** Time zones wire copy and pages state after a clock time; an offset like +05:30 too. */
const ZONE = String.raw`(UTC|GMT|Z|[ECMPA][SD]T|BST|CES?T|EES?T|WES?T|IST|JST|KST|SGT|HKT|WIB|AES?T|AEDT|MSK|[+-]\d{2}:?\d{2})(?![\p{L}\d])`;

/** Day month year ("26 March 2024"), month day year ("March 24th, 2024"), ISO ("2024-03-26"). */
const FULL_DATE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${DAY}${SP}(${MONTH}),?${SP}${YEAR}|(${MONTH})${SP}${DAY},?${SP}${YEAR}|(\d{4})-(\d{2})-(\d{2})(?!\d))`,
  "giu",
);
/** A day and month with no year after it ("Jan. 2", "2 January"). */
const MONTH_DAY = new RegExp(String.raw`(?<![\p{L}\d])(?:${DAY}${SP}(${MONTH})|(${MONTH})${SP}${DAY})(?!,?${SP}\d)`, "iu");
/** "16:47", "16:47:30", "10:42 a.m.", "4 p.m.", "T10:00:00Z", each with an optional zone. */
const TIME = new RegExp(
  String.raw`(?<![\d:.])(?:\b|(?<=\dT))(\d{1,2})(?::(\d{2})(?::\d{2}(?:\.\d{1,6})?)?)?(?:\s{0,2}([ap])\.?m\b\.?)?(?:\s{0,2}\(?${ZONE}\)?)?`,
  "giu",
);

export interface DateFound {
  /** `YYYY-MM-DD`. */
  iso: string;
  index: number;
  end: number;
}

/** Every full date (day, month and year) in a text, in order. */
export function fullDates(text: string): DateFound[] {
  const found: DateFound[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const iso = m[1] ? toIso(m[3]!, m[2]!, m[1]) : m[4] ? toIso(m[6]!, m[4], m[5]!) : toIso(m[7]!, m[8]!, m[9]!);
    if (iso) found.push({ iso, index: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The first full date in a text, as `YYYY-MM-DD`; null when none. */
export function parseDate(text: string): string | null {
  return fullDates(text)[0]?.iso ?? null;
}

export interface MonthDay {
  month: number;
  day: number;
  index: number;
  end: number;
}

/** The first day and month stated without a year ("Jan. 2"). */
export function parseMonthDay(text: string): MonthDay | null {
  const m = MONTH_DAY.exec(text);
  if (!m) return null;
  const [day, month] = m[1] ? [m[1], m[2]!] : [m[4]!, m[3]!];
  const monthNumber = monthOf(month);
  const d = Number(day);
  if (!validDay(monthNumber, d)) return null;
  return { month: monthNumber, day: d, index: m.index, end: m.index + m[0].length };
}

/** How far a dated reference may lie from the dateline's day and still fix its year. */
const SAME_STORY_DAYS = 14;

/**
 * The year of a dateline that states only day and month, from the article's other full dates: each
 * date within two weeks of that day in some year votes for that year. Exactly one year voted for →
 * that year; none or several (a story recalling "Oct. 3, 2004") → null, never a guess.
 */
export function inferYear(monthDay: { month: number; day: number }, others: readonly string[]): number | null {
  const years = new Set<number>();
  for (const iso of others) {
    const at = Date.parse(iso);
    const year = Number(iso.slice(0, 4));
    for (const y of [year - 1, year, year + 1]) {
      const candidate = Date.UTC(y, monthDay.month - 1, monthDay.day);
      if (Math.abs(candidate - at) <= SAME_STORY_DAYS * 86_400_000) years.add(y);
    }
  }
  return years.size === 1 ? [...years][0]! : null;
}

export function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface TimeFound {
  /** `HH:MM` on a 24-hour clock, then the zone when stated: "16:47 UTC", "10:42 EST". */
  time: string;
  index: number;
  end: number;
}

/** The first clock time in a text: hours with minutes, or hours with a.m./p.m. */
export function parseTime(text: string): TimeFound | null {
  for (const m of text.matchAll(TIME)) {
    const [, h, min, meridiem, zone] = m;
    if (min === undefined && meridiem === undefined) continue;
    let hour = Number(h);
    if (meridiem) {
      if (hour < 1 || hour > 12) continue;
      hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
    }
    const minute = Number(min ?? 0);
    if (hour > 23 || minute > 59) continue;
    const clock = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
    const z = zone ? (zone.toUpperCase() === "Z" ? "UTC" : zone.toUpperCase()) : null;
    return { time: z ? `${clock} ${z}` : clock, index: m.index, end: m.index + m[0].length };
  }
  return null;
}

function toIso(year: string, month: string, day: string): string | null {
  const monthNumber = /^\d+$/.test(month) ? Number(month) : monthOf(month);
  const d = Number(day);
  return validDay(monthNumber, d) ? isoOf(Number(year), monthNumber, d) : null;
}

function monthOf(name: string): number {
  return MONTH_STEMS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}
