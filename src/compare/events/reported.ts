/**
 * When a figure was reported: its article's date (and time, when the dateline gives one), refined by the
 * sentence. A weekday next to the reporting verb ("officials said on Wednesday") moves it back to that
 * day; "initially", "earlier", "had put" mark a figure the article itself reports as superseded;
 * "rose to", "revised", "now" mark the article's newest figure.
 */
import type { Article } from "../../corpus/types";

export interface ReportTime {
  /** ISO date, or date and time (`2007-01-02T01:42:54Z`); null when the article is undated. */
  reportedAt: string | null;
  /** What the sentence says of it against the article's other figures: superseded, or the latest. */
  timing?: "earlier" | "update";
}

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** A weekday right after a reporting verb, or right before one ("said Wednesday", "on Wednesday said"). */
const SAID_ON = /\b(?:said|says|told|reported|announced|confirmed|stated)\s{1,3}(?:on\s{1,3})?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i;
const ON_SAID = /\b(?:on\s{1,3})?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\s{1,3}(?:said|told|reported|announced|confirmed)\b/i;
/** Words that report a figure as the one before the article's latest. */
const EARLIER = /\b(?:initially|earlier|previously|at first|first reported|had (?:said|put|reported|given)|original(?:ly)?|before rising|was revised|were revised)\b/i;
/** Words that report a figure as an update of earlier ones. */
const UPDATE = /\b(?:rose to|risen to|rising to|climbed to|jumped to|increased to|revised (?:up|down)?\s{0,3}to|now stands|now at|latest|updated|has reached|reached)\b/i;

/** The article's own time: its date, with its dateline time when there is one. */
export function articleTime(article: Article): string | null {
  const date = article.meta.date;
  if (!date) return null;
  const time = article.meta.time;
  const hms = time ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s{0,3}([ap])?/i.exec(time) : null;
  if (!hms) return date;
  const hour = (Number(hms[1]) % 12) + (hms[4]?.toLowerCase() === "p" ? 12 : hms[4] ? 0 : Number(hms[1]) >= 12 ? 12 : 0);
  // A time stated in UTC (or GMT) is marked so; any other is the place's own time, left unmarked.
  const zone = /\b(?:UTC|GMT)\b/.test(time!) ? "Z" : "";
  return `${date}T${String(hour).padStart(2, "0")}:${hms[2]}:${hms[3] ?? "00"}${zone}`;
}

/** When the figure in `sentence` was reported, given its article's time. */
export function reportTime(articleAt: string | null, sentence: string): ReportTime {
  const out: ReportTime = { reportedAt: articleAt };
  const day = SAID_ON.exec(sentence) ?? ON_SAID.exec(sentence);
  if (day && articleAt) out.reportedAt = weekdayOnOrBefore(articleAt.slice(0, 10), WEEKDAYS.indexOf(day[1]!.toLowerCase()));
  if (EARLIER.test(sentence)) out.timing = "earlier";
  else if (UPDATE.test(sentence)) out.timing = "update";
  return out;
}

/** The last date on or before `iso` that falls on `weekday` (0 = Sunday): "said Wednesday" in a Thursday paper. */
export function weekdayOnOrBefore(iso: string, weekday: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`);
  const back = (new Date(t).getUTCDay() - weekday + 7) % 7;
  return new Date(t - back * 86_400_000).toISOString().slice(0, 10);
}

/** Sort key of a report time: undated last; "earlier" before the article's other figures, "update" after. */
export function reportOrder(r: ReportTime): number {
  const base = r.reportedAt ? Date.parse(r.reportedAt.length === 10 ? `${r.reportedAt}T00:00:00Z` : r.reportedAt) : Number.MAX_SAFE_INTEGER / 2;
  return base + (r.timing === "earlier" ? -1 : r.timing === "update" ? 1 : 0);
}

/** "2 January 2007" for an ISO date (the time, if any, left out). */
export function dayLabel(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
