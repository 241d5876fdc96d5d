/** Bisection over sorted values, shared by the compare stages that must stay linear on long inputs and the vocabulary's prefix search. */

/** How many of the sorted values are below x (numbers, or strings in code-unit order). */
export function countBelow<T extends number | string>(sorted: readonly T[], x: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
