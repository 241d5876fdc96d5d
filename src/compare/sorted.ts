/** Bisection over sorted numbers, shared by the compare stages that must stay linear on long inputs. */

/** How many of the sorted numbers are below x. */
export function countBelow(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
