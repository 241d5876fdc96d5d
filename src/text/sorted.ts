/**
 * Bisection over sorted data, shared by the stages that must stay linear on long inputs: /compare's
 * readers (tokens, clauses, markers, intervals), the vocabulary's prefix search and WordNet's index.
 */

/** The first index in [0, n) where `ok` holds (`ok` false then true along the range), or `none`. */
export function firstIndex(n: number, ok: (k: number) => boolean, none = n): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo < n ? lo : none;
}

/** How many of the sorted values are below x (numbers, or strings in code-unit order). */
export function countBelow<T extends number | string>(sorted: readonly T[], x: T): number {
  return firstIndex(sorted.length, (k) => sorted[k]! >= x);
}
