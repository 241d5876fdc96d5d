/**
 * Per-word answers remembered: the lexicon tests (WordNet, stemming) are asked again and again for the
 * same words. The memo stops growing at `limit` entries, so a hostile corpus of distinct words cannot
 * grow it without end; past the limit, answers are computed each time (the same answers).
 */
export function memoizeByWord<V>(compute: (word: string) => V, limit = 200_000): (word: string) => V {
  const memo = new Map<string, V>();
  return (word) => {
    if (memo.has(word)) return memo.get(word) as V;
    const value = compute(word);
    if (memo.size < limit) memo.set(word, value);
    return value;
  };
}
