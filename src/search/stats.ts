/**
 * Term statistics and postings read from the MiniSearch index itself: document frequencies for idf, and
 * "does passage P hold term T" for scoring candidates by concept. /ask retrieves candidates with the rarer
 * terms and then checks the common ones here, in O(1) per pair, instead of making MiniSearch score every
 * passage that says "attack".
 *
 * MiniSearch 7 keeps, per term, a map field id → (document short id → term frequency) in its protected
 * `_index`, and the external → short id map in `_idToShortId`; it offers no public accessor. Reading them
 * avoids a second copy of the vocabulary (and a second thing to cache). `test/search/stats.test.ts` fails
 * if that layout ever changes.
 */
import type MiniSearch from "minisearch";

type FieldTermData = Map<number, Map<number, number>>;
interface Internals {
  _index: { get(term: string): FieldTermData | undefined };
  _fieldIds: Record<string, number>;
  _idToShortId: Map<unknown, number>;
  _documentIds: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
}

export class TermStats {
  private readonly internals: Internals;
  private readonly fieldId: number;

  // MiniSearch<any>: the statistics do not depend on the document type.
  constructor(index: MiniSearch<any>, field: string) {
    this.internals = index as unknown as Internals;
    const id = this.internals._fieldIds[field];
    if (id === undefined) throw new Error(`the index has no field ${field}`);
    this.fieldId = id;
    this.shortIds = numberedIds(this.internals._idToShortId);
  }

  /**
   * Document id → internal number as an array, when every id is a small whole number (the engine numbers
   * its passages 0, 1, 2…): ranking converts thousands of ids a question, and a map of 286 000 entries
   * answers each with a cache miss.
   */
  private readonly shortIds: Int32Array | null;

  /** One more than the highest internal document number: the size of an array indexed by it. */
  get documentSlots(): number {
    return this.internals._nextId;
  }

  get documentCount(): number {
    return this.internals._documentCount;
  }

  /** In how many documents the term occurs, in the field. */
  documentFrequency(term: string): number {
    return this.postings(term)?.size ?? 0;
  }

  /** BM25's inverse document frequency of the term in the field. */
  idf(term: string): number {
    const n = this.internals._documentCount;
    const df = this.documentFrequency(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Whether the document (by its own id) holds the term in the field. */
  has(documentId: unknown, term: string): boolean {
    const shortId = this.shortIdOf(documentId);
    return shortId !== undefined && (this.postings(term)?.has(shortId) ?? false);
  }

  /** MiniSearch's internal number for a document, the key of `postings`. */
  shortIdOf(documentId: unknown): number | undefined {
    if (this.shortIds === null) return this.internals._idToShortId.get(documentId);
    const shortId = typeof documentId === "number" ? this.shortIds[documentId] : undefined;
    return shortId === undefined || shortId < 0 ? undefined : shortId;
  }

  /** A document's own id, from MiniSearch's internal number. */
  documentIdOf(shortId: number): unknown {
    return this.internals._documentIds.get(shortId);
  }

  /** The documents (by internal number) holding the term in the field, with its frequency in each. */
  postings(term: string): ReadonlyMap<number, number> | undefined {
    const map = this.internals._index.get(term)?.get(this.fieldId);
    if (!map || map.size < BIT_SET_MIN) return map;
    let postings = this.large.get(term);
    if (!postings) {
      if (this.large.size >= LARGE_MEMO_LIMIT) this.large.clear();
      postings = new LargePostings(map, this.internals._nextId);
      this.large.set(term, postings);
    }
    return postings;
  }

  /** The large postings handed out lately, with their bit sets: common words recur from question to question. */
  private readonly large = new Map<string, LargePostings>();
}

/** The ids' internal numbers indexed by id, or null when an id is not a whole number below the document count. */
function numberedIds(idToShortId: Map<unknown, number>): Int32Array | null {
  const out = new Int32Array(idToShortId.size).fill(-1);
  for (const [id, shortId] of idToShortId) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id >= out.length) return null;
    out[id] = shortId;
  }
  return out;
}

/** Postings at least this long answer `has` from a bit set (a posting map this size is mostly cache misses). */
const BIT_SET_MIN = 512;
/** Large postings remembered (each bit set is one bit per passage: 36 kB at 286 000 passages). */
const LARGE_MEMO_LIMIT = 256;

/**
 * A common term's postings, as a map, whose `has` tests a bit set once one is worth building: ranking
 * asks "does candidate P hold term T" for thousands of candidates and dozens of terms per question, and a
 * bit test is several times faster than a lookup in a map of thousands of entries. Building the bit set
 * reads every posting, though, which costs more than one question's lookups for a term in tens of
 * thousands of passages. So the map answers until its lookups have cost about what building would (one
 * lookup per posting: measured at 10 000 articles, a lookup costs 55–170 ns and a posting read into the
 * bit set 35–90 ns), and the bit set from then on: the ski-rental rule, never more than twice the better
 * choice's cost. A question's first use of a term stays cheap, and a term asked again gets the bit set.
 */
class LargePostings implements ReadonlyMap<number, number> {
  private bits?: Uint32Array;
  private lookups = 0;

  constructor(
    private readonly map: Map<number, number>,
    private readonly documentSlots: number,
  ) {}

  has(shortId: number): boolean {
    if (!this.bits) {
      if (++this.lookups < this.map.size) return this.map.has(shortId);
      this.bits = this.bitSet();
    }
    return shortId >= 0 && shortId < this.documentSlots && (this.bits[shortId >>> 5]! & (1 << (shortId & 31))) !== 0;
  }

  private bitSet(): Uint32Array {
    const bits = new Uint32Array((this.documentSlots >>> 5) + 1);
    for (const shortId of this.map.keys()) bits[shortId >>> 5]! |= 1 << (shortId & 31);
    return bits;
  }

  get size(): number {
    return this.map.size;
  }
  get(shortId: number): number | undefined {
    return this.map.get(shortId);
  }
  forEach(callback: (value: number, key: number, map: ReadonlyMap<number, number>) => void): void {
    this.map.forEach((value, key) => callback(value, key, this));
  }
  entries(): MapIterator<[number, number]> {
    return this.map.entries();
  }
  keys(): MapIterator<number> {
    return this.map.keys();
  }
  values(): MapIterator<number> {
    return this.map.values();
  }
  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.map.entries();
  }
}
