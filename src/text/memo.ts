/**
 * Per-word answers remembered: the lexicon tests (WordNet, stemming) are asked again and again for the
 * same words. The memo stops growing at `limit` entries, so a hostile corpus of distinct words cannot
 * grow it without end; past the limit, answers are computed each time (the same answers).
 */
export function memoizeByWord<V>(compute: (word: string) => V, limit = 200_000): Memoized<V> {
  const memo = new Map<string, V>();
  const remember = (word: string, value: V) => {
    if (memo.size < limit) memo.set(word, value);
  };
  const memoized = (word: string) => {
    // One look-up for a remembered answer (the second only for an answer that is undefined itself).
    const known = memo.get(word);
    if (known !== undefined || memo.has(word)) return known as V;
    const value = compute(word);
    remember(word, value);
    return value;
  };
  return Object.assign(memoized, { remember });
}

export interface Memoized<V> {
  (word: string): V;
  /** Learns an answer computed earlier (saved with the index cache), so the first use does not compute it. */
  remember(word: string, value: V): void;
}

/**
 * Answers for the keys used lately (the passages ranked for recent questions): past `limit` entries the
 * memo starts afresh, since what is asked next is most like what was asked last.
 */
export function memoizeRecent<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(key);
    if (memo.size >= limit) memo.clear();
    memo.set(key, value);
    return value;
  };
}
