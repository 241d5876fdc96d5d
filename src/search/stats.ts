/**
 * Term statistics read from the MiniSearch index itself, so that /ask can score each question concept
 * by its best-matching term (Lucene's dis_max over synonyms) instead of letting synonyms add up.
 *
 * MiniSearch 7 keeps, per term, a map field id → (document short id → term frequency) in its protected
 * `_index`; it offers no public accessor. Reading it avoids keeping a second copy of the vocabulary
 * (and a second thing to cache). `test/search/stats.test.ts` fails if that layout ever changes.
 */
import type MiniSearch from "minisearch";

type FieldTermData = Map<number, Map<number, number>>;
interface Internals {
  _index: { get(term: string): FieldTermData | undefined };
  _fieldIds: Record<string, number>;
  _documentCount: number;
}

export class TermStats {
  private readonly internals: Internals;
  private readonly fieldId: number;

  constructor(index: MiniSearch<any>, field: string) {
    this.internals = index as unknown as Internals;
    const id = this.internals._fieldIds[field];
    if (id === undefined) throw new Error(`the index has no field ${field}`);
    this.fieldId = id;
  }

  /** In how many documents the term occurs, in the field. */
  documentFrequency(term: string): number {
    return this.internals._index.get(term)?.get(this.fieldId)?.size ?? 0;
  }

  /** BM25's inverse document frequency of the term in the field. */
  idf(term: string): number {
    const n = this.internals._documentCount;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}
