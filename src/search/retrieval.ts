/**
 * MiniSearch's OR search over one field, computed the way MiniSearch computes it (same BM25, same term
 * weights, the same sums in the same order, ties in the same order) but returning only the best `depth`
 * results. MiniSearch builds a result object per matching document, then another per result, and sorts
 * them all: a question whose rarest word is in tens of thousands of passages spent most of its time there.
 * Here scores accumulate in typed arrays, and result objects are made for the `depth` best only.
 * `test/search/retrieval.test.ts` checks the results against MiniSearch's own search.
 *
 * Like src/search/stats.ts, it reads MiniSearch 7's protected fields (the term tree, field lengths,
 * document ids); the engine only ever adds documents, so every posting's document exists.
 */
import type MiniSearch from "minisearch";
import type { SearchResult } from "minisearch";

/**
 * A result as MiniSearch gives it, without its `match` map (ranking reads the matched terms only, and a
 * question makes thousands of results): `terms` holds the matched index terms, in no set order.
 */
export type Hit = Pick<SearchResult, "id" | "score" | "terms" | "queryTerms">;

type FieldTermData = Map<number, Map<number, number>>;
interface TermTree {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}
interface Internals {
  _index: TermTree;
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
}

/** The search options /ask uses, as MiniSearch names them. */
export interface RetrievalOptions {
  fuzzy: (term: string) => number | false;
  prefix: (term: string) => boolean;
  maxFuzzy: number;
  boostTerm: (term: string) => number;
}

export interface Retrieved {
  /** The best `depth` results, in MiniSearch's order. */
  results: Hit[];
  /** The query terms that matched any document (within or beyond the best `depth`). */
  queryTerms: Set<string>;
}

// MiniSearch's defaults: BM25+ parameters and the weights of prefix and typo-tolerant matches.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** One index term searched for one query term, and how much it weighs. */
interface Expansion {
  query: number;
  term: string;
  weight: number;
  postings: ReadonlyMap<number, number>;
}

export class Retriever {
  private readonly internals: Internals;
  private readonly fieldId: number;
  /** Each document's length in the field, by MiniSearch's internal number (read once, not per posting). */
  private readonly fieldLength: Float64Array;
  private readonly avgFieldLength: number;
  // Per-search scratch, one slot of SLOT_FIELDS numbers per document, side by side: a posting reads and
  // writes several of its document's fields, and one cache line holds them all (separate arrays cost a
  // miss each, most of a question's first retrieval). A field belongs to the current search (or query
  // term) when its stamp says so, so nothing is cleared between searches.
  private readonly slots: Float64Array;
  /** The documents a query term touched, and the documents of the search in the order first matched. */
  private readonly touched: Int32Array;
  private readonly order: Int32Array;
  /** Every (document, expansion) match of the search, as linked lists per document; grown as needed. */
  private matchNext = new Int32Array(1024);
  private matchExpansion = new Int32Array(1024);
  private matches = 0;
  private searches = 0;
  private queries = 0;

  constructor(index: MiniSearch<any>, field: string) {
    this.internals = index as unknown as Internals;
    const id = this.internals._fieldIds[field];
    if (id === undefined) throw new Error(`the index has no field ${field}`);
    this.fieldId = id;
    const slots = this.internals._nextId;
    this.fieldLength = new Float64Array(slots);
    for (const [shortId, lengths] of this.internals._fieldLength) this.fieldLength[shortId] = lengths[id] ?? 0;
    this.avgFieldLength = this.internals._avgFieldLength[id]!;
    this.slots = new Float64Array(slots * SLOT_FIELDS);
    this.touched = new Int32Array(slots);
    this.order = new Int32Array(slots);
  }

  /** `index.search({ combineWith: "OR", queries }, options).slice(0, depth)`, for terms already processed. */
  search(queries: readonly string[], options: RetrievalOptions, depth: number): Retrieved {
    const search = ++this.searches;
    const { touched, order, slots } = this;
    let ordered = 0;
    this.matches = 0;
    const expansions: Expansion[] = [];
    const matchedQueries = new Set<string>();
    const seenQueries = new Set<string>();
    queries.forEach((query, q) => {
      const stamp = ++this.queries;
      let touches = 0;
      const repeated = seenQueries.has(query);
      seenQueries.add(query);
      const boost = options.boostTerm(query);
      for (const expansion of this.expand(query, q, options)) {
        const e = expansions.push(expansion) - 1;
        // MiniSearch's product, in its order (its field and document boosts are 1 here).
        const weight = expansion.weight * boost;
        const idf = this.inverseDocumentFrequency(expansion.postings.size);
        // forEach, not for-of: a Map's entry iterator makes an array per posting, tens of thousands a question.
        expansion.postings.forEach((termFreq, doc) => {
          const score = weight * this.bm25(idf, termFreq, doc);
          const at = doc * SLOT_FIELDS;
          if (slots[at + QUERY_STAMP] === stamp) slots[at + QUERY_SCORE] = slots[at + QUERY_SCORE]! + score;
          else {
            slots[at + QUERY_STAMP] = stamp;
            slots[at + QUERY_SCORE] = score;
            touched[touches++] = doc;
          }
          this.recordMatch(at, e, search);
        });
      }
      if (touches > 0) matchedQueries.add(query);
      // MiniSearch's OR: this query's sum added to the total, documents new to the search appended in order.
      for (let i = 0; i < touches; i++) {
        const doc = touched[i]!;
        const at = doc * SLOT_FIELDS;
        if (slots[at + SEARCH_STAMP] !== search) {
          slots[at + SEARCH_STAMP] = search;
          slots[at + TOTAL] = slots[at + QUERY_SCORE]!;
          slots[at + QUALITY] = 1;
          order[ordered++] = doc;
        } else {
          slots[at + TOTAL] = slots[at + TOTAL]! + slots[at + QUERY_SCORE]!;
          if (!repeated) slots[at + QUALITY] = slots[at + QUALITY]! + 1;
        }
      }
    });
    for (let i = 0; i < ordered; i++) {
      const at = order[i]! * SLOT_FIELDS;
      slots[at + TOTAL] = slots[at + TOTAL]! * slots[at + QUALITY]!;
    }
    const best = this.best(order.subarray(0, ordered), depth);
    return { results: best.map((doc) => this.result(doc, expansions, queries)), queryTerms: matchedQueries };
  }

  /**
   * The `depth` best documents, as MiniSearch's stable sort of all of them would list them first: best
   * score first, equal scores in the order first matched. Only those at or above the depth-th best score
   * are sorted (a selection finds it in linear time).
   */
  private best(order: Int32Array, depth: number): number[] {
    const { slots } = this;
    const totalOf = (doc: number) => slots[doc * SLOT_FIELDS + TOTAL]!;
    // Equal scores keep the order first matched: a stable sort of the documents in that order.
    const byScore = (a: number, b: number) => totalOf(b) - totalOf(a);
    if (order.length <= depth) return Array.from(order).sort(byScore);
    const threshold = nthLargest(Float64Array.from(order, totalOf), depth);
    let above = 0;
    for (const doc of order) if (totalOf(doc) > threshold) above++;
    let atThreshold = depth - above;
    const kept: number[] = [];
    for (const doc of order) if (totalOf(doc) > threshold || (totalOf(doc) === threshold && atThreshold-- > 0)) kept.push(doc);
    return kept.sort(byScore);
  }

  /** The index terms a query term searches, in MiniSearch's order: itself, its prefix matches, its near spellings. */
  private expand(query: string, q: number, options: RetrievalOptions): Expansion[] {
    const tree = this.internals._index;
    const out: Expansion[] = [];
    const add = (term: string, weight: number, data: FieldTermData | undefined) => {
      const postings = data?.get(this.fieldId);
      if (postings) out.push({ query: q, term, weight, postings });
    };
    add(query, 1, tree.get(query));
    const fuzzy = options.fuzzy(query);
    const fuzzyMatches = fuzzy === false ? undefined : this.fuzzyMatches(query, fuzzy, options.maxFuzzy);
    if (options.prefix(query)) {
      for (const [term, data] of tree.atPrefix(query)) {
        const distance = term.length - query.length;
        if (!distance) continue;
        fuzzyMatches?.delete(term);
        add(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), data);
      }
    }
    for (const [term, [data, distance]] of fuzzyMatches ?? []) {
      if (!distance) continue;
      add(term, (FUZZY_WEIGHT * term.length) / (term.length + distance), data);
    }
    return out;
  }

  private fuzzyMatches(query: string, fuzzy: number, maxFuzzy: number): Map<string, [FieldTermData, number]> | undefined {
    const maxDistance = fuzzy < 1 ? Math.min(maxFuzzy, Math.round(query.length * fuzzy)) : fuzzy;
    return maxDistance ? this.internals._index.fuzzyGet(query, maxDistance) : undefined;
  }

  /** MiniSearch's BM25+ of a term in a document, given the term's `inverseDocumentFrequency`. */
  private bm25(invDocFreq: number, termFreq: number, doc: number): number {
    const { k, b, d } = BM25;
    return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * this.fieldLength[doc]!) / this.avgFieldLength)));
  }

  private inverseDocumentFrequency(matchingCount: number): number {
    const totalCount = this.internals._documentCount;
    return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  }

  /** Appends a match to the list of the document whose slot starts `at`, for this search. */
  private recordMatch(at: number, expansion: number, search: number): void {
    if (this.matches === this.matchNext.length) this.growMatches();
    const m = this.matches++;
    const { slots } = this;
    this.matchExpansion[m] = expansion;
    this.matchNext[m] = -1;
    if (slots[at + LIST_STAMP] === search) this.matchNext[slots[at + LAST_MATCH]!] = m;
    else {
      slots[at + LIST_STAMP] = search;
      slots[at + FIRST_MATCH] = m;
    }
    slots[at + LAST_MATCH] = m;
  }

  private growMatches(): void {
    const grow = (from: Int32Array) => {
      const to = new Int32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.matchNext = grow(this.matchNext);
    this.matchExpansion = grow(this.matchExpansion);
  }

  /** The result MiniSearch gives for a document: its matched index terms, and its query terms in the order met. */
  private result(doc: number, expansions: readonly Expansion[], queries: readonly string[]): Hit {
    const queryTerms: string[] = [];
    const terms: string[] = [];
    for (let m = this.slots[doc * SLOT_FIELDS + FIRST_MATCH]!; m !== -1; m = this.matchNext[m]!) {
      const { query, term } = expansions[this.matchExpansion[m]!]!;
      const source = queries[query]!;
      if (!queryTerms.includes(source)) queryTerms.push(source);
      if (!terms.includes(term)) terms.push(term);
    }
    return { id: this.internals._documentIds.get(doc), score: this.slots[doc * SLOT_FIELDS + TOTAL]!, terms, queryTerms };
  }
}

/** The fields of a document's slot in the retriever's scratch. */
const QUERY_STAMP = 0;
const QUERY_SCORE = 1;
const SEARCH_STAMP = 2;
const TOTAL = 3;
const QUALITY = 4;
const LIST_STAMP = 5;
const FIRST_MATCH = 6;
const LAST_MATCH = 7;
const SLOT_FIELDS = 8;

/** The n-th largest of the values (1-based), by quickselect (reorders `values`). */
function nthLargest(values: Float64Array, n: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const k = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j]!, values[i]!];
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}
