/**
 * Agreement between figures about one event: which fit together, which contradict, and the spread.
 * Pure: figures come in as keys, labels and intervals; sentences come out ready to show.
 */
import { intersection, intersects, isPoint, type Interval } from "./intervals";

export interface Claim {
  /** Stable id of the figure (unique in the list). */
  key: string;
  /** How to name it in a sentence: `139 (002)`, `"over 130" (001)`. */
  label: string;
  value: number;
  interval: Interval;
  /** Claims of one source (the same sentence: "217 passengers and seven crew") are parts, never contradictions. */
  source?: string;
}

export interface Agreement {
  /** Smallest and largest stated value (the number as written, qualifier aside). */
  spread: { min: number; max: number } | null;
  /** The largest set of figures that can all be true at once (ties: the one with most exact figures). */
  consistent: string[];
  /** The counts that whole set allows; null when no set of two or more stands out (a tie, or nothing agrees). */
  consensus: Interval | null;
  /** Pairs of figures that cannot both be true. */
  contradictions: [string, string][];
  /** For each figure that is a bound or band, the exact figures inside it. */
  fits: { bound: string; within: string[] }[];
  /** The above in words, most telling first. */
  summary: string[];
}

export function analyzeAgreement(claims: readonly Claim[]): Agreement {
  const spread = claims.length ? { min: Math.min(...claims.map((c) => c.value)), max: Math.max(...claims.map((c) => c.value)) } : null;
  const contradictions: [string, string][] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      const sameSource = claims[i]!.source !== undefined && claims[i]!.source === claims[j]!.source;
      if (!sameSource && !intersects(claims[i]!.interval, claims[j]!.interval)) contradictions.push([claims[i]!.key, claims[j]!.key]);
    }
  }
  const fits = claims
    .filter((c) => !isPoint(c.interval))
    .map((c) => ({ bound: c.key, within: claims.filter((o) => o !== c && isPoint(o.interval) && intersects(o.interval, c.interval)).map((o) => o.key) }))
    .filter((f) => f.within.length > 0);
  const { members, consensus, tied } = largestConsistent(claims);
  return { spread, consistent: members, consensus: tied || members.length < 2 ? null : consensus, contradictions, fits, summary: summarize(claims, spread, contradictions, fits) };
}

/**
 * How many pairs `analyzeAgreement` would list as contradictions, without listing them: O(n log n), for
 * ranking topics whose main event has thousands of figures. Two non-empty intervals of whole counts are
 * disjoint exactly when one's lowest count is above the other's highest.
 */
export function countContradictions(claims: readonly Claim[]): number {
  const bounds: { low: number; high: number }[] = [];
  let empty = 0;
  for (const c of claims) {
    const whole = intersection(c.interval, c.interval);
    if (whole === null) empty++;
    else bounds.push({ low: whole.low, high: whole.high ?? Infinity });
  }
  const highs = bounds.map((b) => b.high).sort((a, b) => a - b);
  let count = empty * bounds.length + (empty * (empty - 1)) / 2;
  for (const b of bounds) count += countBelow(highs, b.low);
  // Claims of one source are never contradictions: take back the disjoint pairs within each source.
  const bySource = new Map<string, Claim[]>();
  for (const c of claims) {
    if (c.source === undefined) continue;
    const list = bySource.get(c.source);
    if (list) list.push(c);
    else bySource.set(c.source, [c]);
  }
  for (const list of bySource.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (!intersects(list[i]!.interval, list[j]!.interval)) count--;
  }
  return count;
}

/** How many of the sorted numbers are below x. */
function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** On a line, figures that pairwise overlap share a point (Helly), so the best set is the best point. */
function largestConsistent(claims: readonly Claim[]): { members: string[]; consensus: Interval | null; tied: boolean } {
  let best: Claim[] = [];
  let bestPoints = -1;
  let tied = false;
  const same = (a: Claim[], b: Claim[]): boolean => a.length === b.length && a.every((c, k) => c === b[k]);
  const candidates = new Set<number>();
  for (const c of claims) {
    const i = c.interval;
    candidates.add(i.lowOpen ? Math.floor(i.low) + 1 : Math.ceil(i.low));
    if (i.high !== null) candidates.add(i.highOpen ? Math.ceil(i.high) - 1 : Math.floor(i.high));
  }
  for (const x of candidates) {
    const point: Interval = { low: x, high: x, lowOpen: false, highOpen: false };
    const set = claims.filter((c) => intersects(c.interval, point));
    const points = set.filter((c) => isPoint(c.interval)).length;
    if (set.length > best.length || (set.length === best.length && points > bestPoints)) {
      best = set;
      bestPoints = points;
      tied = false;
    } else if (set.length === best.length && points === bestPoints && !same(set, best)) {
      tied = true;
    }
  }
  let consensus: Interval | null = best[0]?.interval ?? null;
  for (const c of best.slice(1)) consensus = consensus && intersection(consensus, c.interval);
  return { members: best.map((c) => c.key), consensus, tied };
}

function summarize(
  claims: readonly Claim[],
  spread: Agreement["spread"],
  contradictions: [string, string][],
  fits: Agreement["fits"],
): string[] {
  const byKey = new Map(claims.map((c) => [c.key, c]));
  const label = (k: string): string => byKey.get(k)?.label ?? k;
  const out: string[] = [];
  if (spread && claims.length > 1) {
    out.push(spread.min === spread.max ? `Every figure gives ${fmt(spread.min)}.` : `The figures range from ${fmt(spread.min)} to ${fmt(spread.max)}.`);
  }
  for (const f of fits) out.push(`${list(f.within.map(label))} ${f.within.length > 1 ? "fit" : "fits"} ${label(f.bound)}.`);
  // Name the figure with most contradictions first, with all it contradicts, until every pair is told.
  const left = contradictions.map(([a, b]) => [a, b] as [string, string]);
  while (left.length > 0) {
    const counts = new Map<string, number>();
    for (const [a, b] of left) {
      counts.set(a, (counts.get(a) ?? 0) + 1);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    const [top] = [...counts.entries()].sort((x, y) => y[1] - x[1] || boundFirst(byKey, x[0], y[0]))[0]!;
    const others = left.filter(([a, b]) => a === top || b === top).map(([a, b]) => (a === top ? b : a));
    const bothExact = others.length === 1 && isPoint(byKey.get(top)!.interval) && isPoint(byKey.get(others[0]!)!.interval);
    out.push(bothExact ? `${label(top)} and ${label(others[0]!)} disagree.` : `${label(top)} contradicts ${list(others.map(label))}.`);
    for (let i = left.length - 1; i >= 0; i--) if (left[i]![0] === top || left[i]![1] === top) left.splice(i, 1);
  }
  if (claims.length > 1 && contradictions.length === 0) out.push("All these figures can be true at once.");
  return out;
}

/** Bounds ("over 140") read better as the subject of "contradicts" than exact figures. */
function boundFirst(byKey: Map<string, Claim>, a: string, b: string): number {
  return Number(isPoint(byKey.get(a)!.interval)) - Number(isPoint(byKey.get(b)!.interval));
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function fmt(n: number): string {
  return n.toLocaleString("en");
}
