/**
 * Agreement between figures about one event, told the way a reader weighs reports: the latest figure,
 * the range, the parts of the total, and the disagreements. A later toll is an update, not a
 * contradiction; a contradiction is two sources giving incompatible totals on the same day. Parts of a
 * total ("three of the girls") and rough amounts ("hundreds") are never set against a total.
 * Pure: figures come in as claims; sentences come out ready to show.
 */
import { intersection, intersects, isPoint, type Interval } from "../extract/intervals";
import { dayLabel } from "../events/reported";
import { countBelow } from "../../text/sorted";
import type { FigureKind } from "../classify/figures";

export interface Claim {
  /** Stable id of the figure (unique in the list). */
  key: string;
  /** How to name it in a sentence: `42 (002)`, `"over 40" (001)`. */
  label: string;
  value: number;
  interval: Interval;
  /** Claims of one source (the same sentence: "80 passengers and six crew") are parts, never contradictions. */
  source?: string;
  /** Who published it (the outlet, else the article): one reporter's later figure updates its earlier one. */
  reporter?: string;
  /** The reporter is no name a reader knows (an article whose outlet is not given): told as "one article". */
  unnamed?: true;
  /** The day it was reported (ISO); claims of different days are updates of each other, not contradictions, and an undated one contradicts nothing. */
  day?: string | null;
  /** Sort key of its report time: later is larger. */
  order?: number;
  /** Who the sentence says gave it ("police"). */
  said?: string | null;
  /** Totals contradict; parts and rough amounts never do. Absent: a total. */
  kind?: FigureKind;
}

export interface Agreement {
  /** Smallest and largest stated value (the number as written, qualifier aside). */
  spread: { min: number; max: number } | null;
  /** The largest set of figures that can all be true at once (ties: the one with most exact figures). */
  consistent: string[];
  /** The counts that whole set allows; null when no set of two or more stands out (a tie, or nothing agrees). */
  consensus: Interval | null;
  /** Pairs of totals that cannot both be true, given by different reporters on the same day. */
  contradictions: [string, string][];
  /** For each figure that is a bound or band, the exact figures inside it. */
  fits: { bound: string; within: string[] }[];
  /** The latest total (the latest rough amount when there is no total; never a part). */
  latest: string | null;
  /** Parts of the total ("three of the girls"). */
  parts: string[];
  /** The above in a few lines, most telling first. */
  summary: string[];
}

/** Disagreements told in words; the rest are counted. */
const MAX_DISAGREEMENT_LINES = 3;
const MAX_FIT_LINES = 2;
const MAX_UPDATES = 5;

export function analyzeAgreement(claims: readonly Claim[]): Agreement {
  const spread = claims.length ? { min: Math.min(...claims.map((c) => c.value)), max: Math.max(...claims.map((c) => c.value)) } : null;
  const contradictions: [string, string][] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) if (contradict(claims[i]!, claims[j]!)) contradictions.push([claims[i]!.key, claims[j]!.key]);
  }
  const fits = claims
    .filter((c) => !isPoint(c.interval) && c.kind !== "vague")
    .map((c) => ({ bound: c.key, within: claims.filter((o) => o !== c && isPoint(o.interval) && intersects(o.interval, c.interval)).map((o) => o.key) }))
    .filter((f) => f.within.length > 0);
  const { members, consensus, tied } = largestConsistent(claims);
  const latest = latestClaim(claims);
  const parts = claims.filter((c) => c.kind === "part").map((c) => c.key);
  const agreement: Agreement = { spread, consistent: members, consensus: tied || members.length < 2 ? null : consensus, contradictions, fits, latest: latest?.key ?? null, parts, summary: [] };
  agreement.summary = summarize(claims, agreement);
  return agreement;
}

/** Two totals from different reporters, on the same day, that cannot both be true. */
function contradict(a: Claim, b: Claim): boolean {
  if (!isTotal(a) || !isTotal(b)) return false;
  if (a.source !== undefined && a.source === b.source) return false;
  if (a.reporter !== undefined && a.reporter === b.reporter) return false;
  // Only reports known to be of one day can contradict: an undated one may be an earlier toll.
  if (!a.day || a.day !== b.day) return false;
  return !intersects(a.interval, b.interval);
}

function isTotal(c: Claim): boolean {
  return c.kind === undefined || c.kind === "total";
}

/**
 * The total reported last (ties: the later in the list), a dated one before any undated; a rough amount
 * when none is a total. Never a part: "13 soldiers" of "170 civilians and 13 soldiers" is no toll.
 */
function latestClaim(claims: readonly Claim[]): Claim | null {
  const totals = claims.some(isTotal) ? claims.filter(isTotal) : claims.filter((c) => c.kind === "vague");
  const pool = totals.some((c) => c.day) ? totals.filter((c) => c.day) : totals;
  let best: Claim | null = null;
  for (const c of pool) if (!best || (c.order ?? 0) >= (best.order ?? 0)) best = c;
  return best;
}

/**
 * How many pairs `analyzeAgreement` would list as contradictions, without listing them: O(n log n), for
 * ranking topics whose main event has thousands of figures. Per day, the disjoint pairs of totals less
 * those of one reporter (which hold those of one sentence).
 */
export function countContradictions(claims: readonly Claim[]): number {
  const byDay = new Map<string, Claim[]>();
  for (const c of claims) if (isTotal(c) && c.day) push(byDay, c.day, c);
  let count = 0;
  for (const day of byDay.values()) {
    count += countDisjoint(day);
    const byReporter = new Map<string, Claim[]>();
    const bySource = new Map<string, Claim[]>();
    for (const c of day) {
      if (c.reporter !== undefined) push(byReporter, c.reporter, c);
      else if (c.source !== undefined) push(bySource, c.source, c);
    }
    for (const list of byReporter.values()) count -= countDisjoint(list);
    for (const list of bySource.values()) count -= countDisjoint(list);
  }
  return count;
}

/** Pairs of claims whose intervals are disjoint: two intervals of whole counts are disjoint exactly when one's lowest count is above the other's highest. */
function countDisjoint(claims: readonly Claim[]): number {
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
  return count;
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

function summarize(claims: readonly Claim[], a: Agreement): string[] {
  if (claims.length < 2) return [];
  const byKey = new Map(claims.map((c) => [c.key, c]));
  const label = (k: string): string => byKey.get(k)?.label ?? k;
  const out: string[] = [];
  const latest = a.latest ? byKey.get(a.latest)! : null;
  if (latest) out.push(latest.day ? `Latest: ${reportPhrase(latest)}.` : `Last given (the articles are undated, so in their order): ${reportPhrase(latest)}.`);
  const totals = claims.filter(isTotal);
  const values = totals.map((c) => c.value);
  if (totals.length > 1) {
    const min = Math.min(...values);
    const max = Math.max(...values);
    out.push(min === max ? `Every total gives ${fmt(min)}.` : `The totals range from ${fmt(min)} to ${fmt(max)}.`);
  }
  const updates = updateChain(totals);
  if (updates) out.push(updates);
  if (a.parts.length) out.push(`Parts of the total, not other totals: ${list(a.parts.map(label))}.`);
  const rough = claims.filter((c) => c.kind === "vague");
  if (rough.length) out.push(`Rough amounts, not counts: ${list(rough.map((c) => c.label))}.`);
  // Bounds that the same figures fit are told in one line.
  const byWithin = new Map<string, { within: string[]; bounds: string[] }>();
  for (const f of a.fits) {
    const key = f.within.join("\u0000");
    const entry = byWithin.get(key) ?? { within: f.within, bounds: [] };
    entry.bounds.push(f.bound);
    byWithin.set(key, entry);
  }
  for (const f of [...byWithin.values()].slice(0, MAX_FIT_LINES)) out.push(`${list(f.within.map(label))} ${f.within.length > 1 ? "fit" : "fits"} ${list(f.bounds.map(label))}.`);
  out.push(...disagreementSentences(claims, a.contradictions));
  if (a.contradictions.length === 0) {
    const allFit = claims.every((c, i) => claims.every((d, j) => j <= i || intersects(c.interval, d.interval)));
    out.push(allFit ? "All these figures can be true at once." : "No two sources disagree on the same day: the differences are updates, parts or rough amounts.");
  }
  return out;
}

/** "Rose from 3 (4 March 2019) to 12 (5 March 2019)": a total's changes over report days, when it changed. */
function updateChain(totals: readonly Claim[]): string | null {
  const dated = totals.filter((c) => c.day).sort((x, y) => (x.order ?? 0) - (y.order ?? 0));
  const steps: Claim[] = [];
  for (const c of dated) if (!steps.length || steps[steps.length - 1]!.value !== c.value) steps.push(c);
  if (steps.length < 2 || new Set(steps.map((c) => c.day)).size < 2) return null;
  const shown = steps.length > MAX_UPDATES ? [...steps.slice(0, MAX_UPDATES - 1), steps[steps.length - 1]!] : steps;
  return `Over time: ${shown.map((c) => `${c.label} on ${dayLabel(c.day!)}`).join(", then ")}.`;
}

/** "On 2 January AFP reported at least 12 (police) while AP reported 9 (a hospital)." One line per figure most disputed, a few lines at most. */
function disagreementSentences(claims: readonly Claim[], pairs: readonly [string, string][]): string[] {
  if (pairs.length === 0) return [];
  const byKey = new Map(claims.map((c) => [c.key, c]));
  const others = new Map<string, string[]>();
  for (const [x, y] of pairs) {
    push(others, x, y);
    push(others, y, x);
  }
  const out: string[] = [];
  const told = new Set<string>();
  let left = pairs.length;
  while (left > 0 && out.length < MAX_DISAGREEMENT_LINES) {
    let top: string | null = null;
    let topN = 0;
    for (const [k, list] of others) {
      const n = list.filter((o) => !told.has(pairKey(k, o))).length;
      if (n > topN) [top, topN] = [k, n];
    }
    if (!top) break;
    const against = others.get(top)!.filter((o) => !told.has(pairKey(top!, o)));
    for (const o of against) told.add(pairKey(top, o));
    left -= against.length;
    const c = byKey.get(top)!;
    const when = c.day ? `On ${dayLabel(c.day)}, ` : "";
    const named: string[] = [];
    const sentence = `${when}${reporterPhrase(c, named)} while ${list(against.map((o) => reporterPhrase(byKey.get(o)!, named)))}.`;
    out.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
  }
  if (left > 0) out.push(`… and ${left} more disagreeing pair${left === 1 ? "" : "s"}.`);
  return out;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * "AFP reported at least 12 (police)". An article whose outlet is not given is "one article", the next
 * such "another article", and one named already in the sentence (in `named`) "the same article".
 */
function reporterPhrase(c: Claim, named: string[]): string {
  let who = c.reporter ?? c.key;
  if (c.unnamed) {
    const seen = named.includes(who);
    if (!seen) named.push(who);
    who = seen ? "the same article" : named.length === 1 ? "one article" : "another article";
  }
  return `${who} reported ${c.label}${c.said ? ` (${c.said})` : ""}`;
}

/** "12 (008), 5 March 2019, Xinhua, officials". */
function reportPhrase(c: Claim): string {
  const parts = [c.day ? dayLabel(c.day) : null, c.unnamed ? null : (c.reporter ?? null), c.said ?? null].filter(Boolean);
  return parts.length ? `${c.label}, ${parts.join(", ")}` : c.label;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function fmt(n: number): string {
  return n.toLocaleString("en");
}

/** Adds `value` to the list under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
