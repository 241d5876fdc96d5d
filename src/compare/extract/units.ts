/**
 * What stands right before or after a number and says what it measures: currency signs, percent,
 * durations, ages, measures, qualifiers ("over", "about") and direction verbs ("rose", "fell").
 * All regexes are compiled once; the sticky (/y) ones are applied at a given offset, the $-anchored
 * ones to the slice of text just before a number.
 */
import type { Qualifier } from "./quantities";

export type UnitKind = "percent" | "money" | "age" | "time" | "measure";

export interface UnitMatch {
  kind: UnitKind;
  unit: string;
  /** Offset just after the unit in the sentence. */
  end: number;
}

const PERCENT = String.raw`%|per\s?cent\b|pc\b|percent(?:age)?(?:\s+points?)?\b|pct\b|basis\s+points?\b|bps\b`;
const MONEY_WORDS = String.raw`(?:us\s+|u\.s\.\s+|australian\s+|canadian\s+|hong\s+kong\s+|new\s+zealand\s+|singapore\s+)?dollars?\b|euros?\b|yen\b|yuan\b|renminbi\b|rupees?\b|ringgit\b|pounds?\s+sterling\b|sterling\b|francs?\b|crowns\b|kronor\b|kroner\b|kronas?\b|shekels?\b|roubles?\b|rubles?\b|pesos?\b|lira\b|cents?\b|pence\b|sen\b|usd\b|eur\b|gbp\b|bitcoins?\b`;
const AGE = String.raw`-?\s?years?[-\s]old\b|-?\s?yrs?[-\s]old\b|-?\s?year-olds?\b`;
const DURATION = String.raw`years?\b|yrs?\b|months?\b|weeks?\b|days?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|seconds?\b|secs?\b|decades?\b|centur(?:y|ies)\b|nights?\b|milliseconds?\b`;
const MEASURE = String.raw`km/h\b|km/hr\b|kph\b|mph\b|kilomet(?:er|re)s?(?:\s+per\s+hour)?\b|km\b|met(?:er|re)s?(?:\s+per\s+second)?\b|cm\b|centimet(?:er|re)s?\b|mm\b|millimet(?:er|re)s?\b|[μµ]m\b|microns?\b|nm\b|nanomet(?:er|re)s?\b|miles?(?:\s+per\s+(?:hour|gallon))?\b|mi\b|feet\b|foot\b|ft\b|inch(?:es)?\b|yards?\b|yds?\b|kg\b|kilos?\b|kilograms?\b|grams?\b|mg\b|lbs?\b|pounds?\b|tons?\b|tonnes?\b|ounces?\b|oz\b|lit(?:er|re)s?\b|ml\b|gallons?\b|barrels?\b|bpd\b|hp\b|bhp\b|horsepower\b|kwh?\b|mwh?\b|gwh?\b|twh?\b|kilowatts?(?:[-\s]hours?)?\b|megawatts?(?:[-\s]hours?)?\b|gigawatts?(?:[-\s]hours?)?\b|watts?\b|volts?\b|amps?\b|k?hz\b|mhz\b|ghz\b|hertz\b|gb\b|tb\b|mb\b|kb\b|gigabytes?\b|terabytes?\b|megabytes?\b|mah\b|sq\.?\s?(?:ft|m|km|mi)\b|square\s+(?:feet|foot|met(?:er|re)s?|kilomet(?:er|re)s?|miles?)\b|acres?\b|hectares?\b|degrees?(?:\s+(?:celsius|fahrenheit|c|f))?\b|°\s?[cf]?|celsius\b|fahrenheit\b|points?\b|pts\b|mpg\b|rpm\b|deg(?:\s?[CF])?\b|[kmgt]bps\b|nm\b|newton[-\s]met(?:er|re)s?\b|lb-?ft\b|pound-feet\b|psi\b|ksi\b|mpa\b|gpa\b|knots?\b|calories\b|kcal\b|ppm\b|ppb\b|giga-?ton(?:ne)?s?\b|mega-?ton(?:ne)?s?\b|megapixels?\b|storeys?\b|cylinders?\b|times\b`;

/** A unit ends where no letter or digit follows: "2 milestones" is no 2 miles. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Unit right after a number, separated by nothing, a space or a hyphen ("10-mile", "25-year-old"). */
const UNIT_AFTER = new RegExp(
  String.raw`(?:\s?-\s?|\s*)(?:(${PERCENT})|(${MONEY_WORDS})|(${AGE})|(${DURATION})|(${MEASURE}))`,
  "iy",
);

/** Units glued to digits ("256GB", "5G", "164p", "3min"). */
const GLUED_UNITS: Record<string, [UnitKind, string]> = {
  p: ["money", "p"], c: ["money", "cent"], g: ["measure", "g"], m: ["measure", "m"], l: ["measure", "l"],
  w: ["measure", "W"], v: ["measure", "V"], h: ["time", "hour"], min: ["time", "minute"],
  x: ["measure", "times"], mp: ["measure", "megapixel"],
};

const DURATION_NAMES: Record<string, string> = {
  year: "year", yr: "year", month: "month", week: "week", day: "day", hour: "hour", hr: "hour",
  minute: "minute", min: "minute", second: "second", sec: "second", decade: "decade", century: "century",
  centurie: "century", night: "night", millisecond: "millisecond",
};

export function unitAfter(text: string, at: number, suffix: string | undefined): UnitMatch | null {
  UNIT_AFTER.lastIndex = at;
  const m = UNIT_AFTER.exec(text);
  if (m) {
    const end = at + m[0].length;
    // A unit must not run on into a longer word ("2 milestones", "5 pointers").
    if (LETTER_OR_DIGIT.test(text[end] ?? "") && !/[%°]$/.test(m[0])) return null;
    if (m[1]) return { kind: "percent", unit: "%", end };
    if (m[2]) return { kind: "money", unit: moneyWordUnit(m[2].toLowerCase()), end };
    if (m[3]) return { kind: "age", unit: "year", end };
    if (m[4]) return { kind: "time", unit: durationUnit(m[4].toLowerCase()), end };
    if (m[5]) return { kind: "measure", unit: m[5].toLowerCase().replace(/\s+/g, " "), end };
  }
  if (suffix) {
    const g = GLUED_UNITS[suffix.toLowerCase()];
    if (g && (suffix.length > 1 || !/[A-Z]/.test(suffix) || suffix === "G" || suffix === "W" || suffix === "V")) {
      return { kind: g[0], unit: suffix === "G" ? "G" : g[1], end: at + suffix.length };
    }
    if (suffix === "G") return { kind: "measure", unit: "G", end: at + 1 };
  }
  return null;
}

function durationUnit(word: string): string {
  const base = word.replace(/s$/, "").replace(/ie$/, "y");
  return DURATION_NAMES[base] ?? base;
}

function moneyWordUnit(word: string): string {
  if (/cent|pence|sen/.test(word)) return "cent";
  if (/dollar/.test(word)) return "$";
  if (/euro|eur/.test(word)) return "€";
  if (/pound|sterling|gbp/.test(word)) return "£";
  if (/yen/.test(word)) return "¥";
  return word.replace(/s$/, "");
}

/** Currency written before the number: "$", "US$", "US $", "$US", "€", "£", "¥", "RM", "Rs", "A$". */
const CURRENCY_BEFORE =
  /(?:(?:\b(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|NT|R)\s?)?\$\s?(?:US|A|AU|CA|NZ|HK)?|€|£|¥|₹|₩|₽|\bRM|\bRs\.?|\b(?:USD|EUR|GBP|INR|AUD|CAD|NZD|SGD|HKD|JPY|CNY|MYR|CHF)\s?)\s?$/;

export function currencyBefore(text: string, at: number): { start: number; unit: string } | null {
  const window = text.slice(Math.max(0, at - 8), at);
  const m = CURRENCY_BEFORE.exec(window);
  if (!m) return null;
  const sign = m[0].trim();
  const unit = /€|EUR/.test(sign) ? "€" : /£|GBP/.test(sign) ? "£" : /¥/.test(sign) ? "¥" : /RM/.test(sign) ? "RM" : /Rs|₹|INR/.test(sign) ? "₹" : "$";
  return { start: at - m[0].length, unit };
}

/** Currency written after the number as a code: "40 USD". Covered by MONEY_WORDS. */

interface QualifierRule {
  phrases: string[];
  qualifier: Qualifier;
  change: "~" | ">" | "<";
}

const QUALIFIER_RULES: QualifierRule[] = [
  { qualifier: "nearly", change: "<", phrases: ["just under", "just below", "just shy of", "slightly less than", "slightly under", "a little under", "a little less than"] },
  { qualifier: "nearly", change: "~", phrases: ["nearly", "almost", "close to", "closer to", "approaching", "the best part of", "just about"] },
  { qualifier: "under", change: "<", phrases: ["under the age of", "below the age of", "younger than"] },
  { qualifier: "over", change: ">", phrases: ["over the age of", "above the age of", "older than"] },
  { qualifier: "at least", change: ">", phrases: ["at least", "no fewer than", "no less than", "not less than", "a minimum of", "minimum of", "at a minimum"] },
  { qualifier: "at most", change: "<", phrases: ["up to", "as many as", "as much as", "at most", "no more than", "not more than", "a maximum of", "maximum of", "at a maximum", "as high as"] },
  { qualifier: "over", change: ">", phrases: ["more than", "over", "above", "upwards of", "upward of", "in excess of", "greater than", "higher than", "exceeding", "just over", "well over", "well above", "slightly more than", "slightly over", "a little over", "a little more than", "over than", "north of", "beyond", "topping"] },
  { qualifier: "under", change: "<", phrases: ["under", "fewer than", "less than", "below", "lower than", "well under", "well below", "sub-", "shy of", "south of"] },
  { qualifier: "about", change: "~", phrases: ["about", "around", "some", "roughly", "approximately", "approx.", "approx", "an estimated", "estimated", "circa", "ca.", "c.", "~", "more or less", "round about", "in the region of", "on the order of", "of the order of", "give or take", "in the neighbourhood of", "in the neighborhood of", "averaging", "averaged", "on average"] },
];

const PHRASE_TO_RULE = new Map<string, QualifierRule>();
for (const r of QUALIFIER_RULES) for (const p of r.phrases) PHRASE_TO_RULE.set(p, r);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
const QUALIFIER_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(${[...PHRASE_TO_RULE.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})(?:\s+|(?<=[-~])\s*)$`,
  "iu",
);
const QUALIFIER_WINDOW = 40;

export interface QualifierMatch {
  qualifier: Qualifier;
  change: "~" | ">" | "<";
  start: number;
}

/** The qualifier phrase ending right before offset `at` ("more than ", "~", "sub-"), if any. */
export function qualifierBefore(text: string, at: number): QualifierMatch | null {
  const from = Math.max(0, at - QUALIFIER_WINDOW);
  const m = QUALIFIER_BEFORE.exec(text.slice(from, at));
  if (!m) return null;
  const phrase = m[1]!;
  const rule = PHRASE_TO_RULE.get(phrase.toLowerCase());
  if (!rule) return null;
  return { qualifier: rule.qualifier, change: rule.change, start: from + m.index + m[0].indexOf(phrase) };
}

const UP_VERBS = "rose|risen|rise|rises|rising|up|gained|gain|gains|gaining|climbed|climb|climbs|climbing|jumped|jump|jumps|jumping|increased|increase|increases|increasing|advanced|advance|advances|advancing|added|add|adds|adding|surged|surge|surges|surging|soared|soar|soars|soaring|grew|grow|grows|growing|grown|rallied|rally|rallies|rallying|spiked|spike|higher|upward|upwards|raised|raise|raises|raising|hiked|boosted|firmed|inched up|edged up|ticked up|picked up|rebounded|rebound|rebounds";
const DOWN_VERBS = "fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|down|lost|lose|loses|losing|slid|slide|slides|sliding|slipped|slip|slips|slipping|plunged|plunge|plunges|plunging|plummeted|plummet|plummets|plummeting|tumbled|tumble|tumbles|tumbling|sank|sink|sinks|sinking|sunk|decreased|decrease|decreases|decreasing|shed|sheds|shedding|dipped|dip|dips|dipping|eased|ease|eases|easing|lower|downward|downwards|shrank|shrink|shrinks|shrinking|shrunk|retreated|slumped|slump|slumps|tanked|cut|cuts|cutting|reduced|lowered|contracted|edged down|inched down|ticked down|knocked off";
/** A direction verb ending right before a number ("rose 5%", "fell by 3 points", "up about 2%"). */
const DIRECTION_BEFORE = new RegExp(String.raw`\b(?:(${UP_VERBS})|(${DOWN_VERBS}))\s+(by\s+)?$`, "i");

export function directionBefore(text: string, at: number): { change: "up" | "down"; withBy: boolean } | null {
  const m = DIRECTION_BEFORE.exec(text.slice(Math.max(0, at - 30), at));
  if (!m) return null;
  return { change: m[1] ? "up" : "down", withBy: Boolean(m[3]) };
}

/** Month names, full or abbreviated, as a regex source; used without the i flag, so "may" is no month. */
export const MONTH_NAME = String.raw`Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?`;
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTH_NAME})\.?\s+(?:the\s+)?$`);
const MONTH_AFTER = new RegExp(String.raw`(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_NAME})\b`, "y");
/** "12/03/2024", "2024-03-22": numeric dates. */
const NUMERIC_DATE_AFTER = /[/.-]\d{1,2}[/.-]\d{2,4}\b/y;
const NUMERIC_DATE_BEFORE = /\b\d{1,4}[/-]\d{1,2}[/-]$/;

export function isDateContext(text: string, start: number, end: number, rawEnd: number): boolean {
  if (MONTH_BEFORE.test(text.slice(Math.max(0, start - 14), start))) return true;
  MONTH_AFTER.lastIndex = end;
  if (MONTH_AFTER.test(text)) return true;
  NUMERIC_DATE_AFTER.lastIndex = rawEnd;
  if (NUMERIC_DATE_AFTER.test(text)) return true;
  return NUMERIC_DATE_BEFORE.test(text.slice(Math.max(0, start - 11), start));
}

/** "11 a.m.", "5pm", "0401 GMT", "9 o'clock". */
const CLOCK_AFTER = /\s?(?:[ap]\.\s?m\b\.?|[ap]m\b|o'clock\b|(?:GMT|UTC|EDT|EST|CET|CEST|BST|PDT|PST|CST|MSK|IST|JST|AEST|AEDT)\b|hrs\b|h\b(?=\s*(?:local|GMT|UTC)))/iy;

export function clockAfter(text: string, at: number): number | null {
  CLOCK_AFTER.lastIndex = at;
  const m = CLOCK_AFTER.exec(text);
  return m ? at + m[0].length : null;
}

/** "aged 25", "age 25", "ages of 25", "at the age of 25". */
const AGE_BEFORE = /\b(?:aged|age|ages|age of|ages of)\s+$/i;

export function ageBefore(text: string, at: number): boolean {
  return AGE_BEFORE.test(text.slice(Math.max(0, at - 12), at));
}
