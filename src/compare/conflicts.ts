/**
 * Agreement between figures about one event: which fit together, which contradict, and the spread.
 * Pure: figures come in as keys, labels and intervals; sentences come out ready to show.
 */
import { intersection, intersects, isPoint, type Interval } from "./extract/intervals";

export interface Claim {
  /** Stable id of the figure (unique in the list). */
  key: string;
  /** How to name it in a sentence: `42 (002)`, `"over 40" (001)`. */
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
  out.push(...contradictionSentences(claims, contradictions, label));
  if (claims.length > 1 && contradictions.length === 0) out.push("All these figures can be true at once.");
  return out;
}

/**
 * Names the figure with most contradictions first, with all it contradicts, until every pair is told.
 * Ties: a bound ("over 140") before an exact figure (it reads better as the subject of "contradicts"),
 * then the figure whose first remaining pair comes first. Counts are kept per claim as pairs are told,
 * so the whole costs O(pairs + claims²) rather than a pass over the pairs per sentence.
 */
function contradictionSentences(claims: readonly Claim[], contradictions: [string, string][], label: (k: string) => string): string[] {
  const index = new Map(claims.map((c, i) => [c.key, i]));
  const pairs = contradictions.map(([a, b]) => [index.get(a)!, index.get(b)!] as const);
  const exact = claims.map((c) => isPoint(c.interval));
  const told = new Uint8Array(pairs.length);
  const counts = new Int32Array(claims.length);
  /** Each claim's pairs in order, and how far its told ones reach. */
  const pairsOf: number[][] = claims.map(() => []);
  const next = new Int32Array(claims.length);
  pairs.forEach(([a, b], p) => {
    counts[a]!++;
    counts[b]!++;
    pairsOf[a]!.push(p);
    pairsOf[b]!.push(p);
  });
  /** Where a claim first appears among the pairs not told yet: pair order, the first of a pair before the second. */
  const firstSeen = (k: number): number => {
    const list = pairsOf[k]!;
    while (told[list[next[k]!]!]) next[k]!++;
    const p = list[next[k]!]!;
    return 2 * p + (pairs[p]![0] === k ? 0 : 1);
  };
  const key = (k: number): string => claims[k]!.key;
  const out: string[] = [];
  for (let left = pairs.length; left > 0; ) {
    let top = -1;
    for (let k = 0; k < claims.length; k++) {
      if (counts[k] === 0) continue;
      if (top === -1 || counts[k]! > counts[top]! || (counts[k] === counts[top] && (Number(exact[k]) - Number(exact[top]!) || firstSeen(k) - firstSeen(top)) < 0)) top = k;
    }
    const others: number[] = [];
    for (const p of pairsOf[top]!) {
      if (told[p]) continue;
      const [a, b] = pairs[p]!;
      const other = a === top ? b : a;
      others.push(other);
      told[p] = 1;
      counts[a]!--;
      counts[b]!--;
      left--;
    }
    const bothExact = others.length === 1 && exact[top] && exact[others[0]!];
    out.push(bothExact ? `${label(key(top))} and ${label(key(others[0]!))} disagree.` : `${label(key(top))} contradicts ${list(others.map((k) => label(key(k))))}.`);
  }
  return out;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function fmt(n: number): string {
  return n.toLocaleString("en");
}
