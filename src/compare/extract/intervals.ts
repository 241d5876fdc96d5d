/**
 * What a reported figure allows: "over 130" is (130, ∞), "nearly 100" just below 100, "around 175" a band,
 * "42" exactly 42. Pure functions on plain numbers; the conflict layer compares these intervals.
 */
import type { Qualifier } from "./quantities";

/** Bounds of the true count a figure allows; `high: null` means no upper bound. */
export interface Interval {
  low: number;
  high: number | null;
  /** The bound itself is excluded ("over 130" excludes 130). */
  lowOpen: boolean;
  highOpen: boolean;
}

/** What `intervalOf` reads: a figure's value, range end, qualifier and vagueness. */
export interface Reported {
  value: number;
  high?: number;
  qualifier?: Qualifier;
  vague?: boolean;
}

/** "around 175": how far either side a rounded figure may be (a share of the value, at least one unit). */
const ABOUT_BAND = 0.1;
/** "nearly 100": how far below the value the true count may be. */
const NEARLY_BAND = 0.1;

export function intervalOf(r: Reported): Interval {
  const v = r.value;
  if (r.high !== undefined && r.high > v) {
    // A range or a vague count ("between 130 and 140", "dozens"): the qualifier widens the outer end.
    if (r.qualifier === "over" || r.qualifier === "at least") return { low: v, high: null, lowOpen: r.qualifier === "over", highOpen: false };
    if (r.qualifier === "under" || r.qualifier === "at most") return { low: 0, high: r.high, lowOpen: false, highOpen: r.qualifier === "under" };
    return { low: v, high: r.high, lowOpen: false, highOpen: false };
  }
  switch (r.qualifier) {
    case "over":
      return { low: v, high: null, lowOpen: true, highOpen: false };
    case "at least":
      return { low: v, high: null, lowOpen: false, highOpen: false };
    case "under":
      return { low: 0, high: v, lowOpen: false, highOpen: true };
    case "at most":
      return { low: 0, high: v, lowOpen: false, highOpen: false };
    case "nearly":
      return { low: v - band(v, NEARLY_BAND), high: v, lowOpen: false, highOpen: true };
    case "about": {
      const b = band(v, ABOUT_BAND);
      return { low: Math.max(0, v - b), high: v + b, lowOpen: false, highOpen: false };
    }
    default:
      return { low: v, high: v, lowOpen: false, highOpen: false };
  }
}

function band(v: number, share: number): number {
  return Math.max(1, Math.round(Math.abs(v) * share));
}

/** One exact number. */
export function isPoint(i: Interval): boolean {
  return i.high !== null && i.low === i.high && !i.lowOpen && !i.highOpen;
}

/** Whether some count satisfies both (counts are whole numbers: (130, ∞) and [131, 131] meet, (130, 131) is empty). */
export function intersects(a: Interval, b: Interval): boolean {
  const both = intersection(a, b);
  return both !== null;
}

/** The counts both allow, or null when none. Whole numbers: open bounds step to the next integer. */
export function intersection(a: Interval, b: Interval): Interval | null {
  const lo = Math.max(lowInt(a), lowInt(b));
  const hiA = highInt(a);
  const hiB = highInt(b);
  const hi = hiA === null ? hiB : hiB === null ? hiA : Math.min(hiA, hiB);
  if (hi !== null && hi < lo) return null;
  return { low: lo, high: hi, lowOpen: false, highOpen: false };
}

/** Smallest whole count allowed. */
function lowInt(i: Interval): number {
  return i.lowOpen ? Math.floor(i.low) + 1 : Math.ceil(i.low);
}

/** Largest whole count allowed, null when unbounded. */
function highInt(i: Interval): number | null {
  if (i.high === null) return null;
  return i.highOpen ? Math.ceil(i.high) - 1 : Math.floor(i.high);
}

/** Whether a number is allowed. */
export function contains(i: Interval, x: number): boolean {
  const aboveLow = i.lowOpen ? x > i.low : x >= i.low;
  const belowHigh = i.high === null || (i.highOpen ? x < i.high : x <= i.high);
  return aboveLow && belowHigh;
}

/** "(130, ∞)", "[90, 100)", "42". */
export function formatInterval(i: Interval): string {
  if (isPoint(i)) return fmt(i.low);
  const left = i.lowOpen ? "(" : "[";
  const right = i.high === null ? "∞)" : `${fmt(i.high)}${i.highOpen ? ")" : "]"}`;
  return `${left}${fmt(i.low)}, ${right}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en") : n.toFixed(1);
}
