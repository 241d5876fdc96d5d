/**
 * The index cache: what the engine builds from a corpus (parsed articles and each precomputed part,
 * such as the search index), saved to one JSON file and restored at the next start when neither the
 * corpus nor the code has changed. A missing, stale or corrupt cache is never an error: it is rebuilt.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article, Corpus, CorpusWarning, Paragraph, Sentence } from "../corpus/types";
import { PROJECT_ROOT } from "../paths";
import { isHidden, readInside, realFolder } from "../corpus/safe-read";
import { MAX_ARTICLE_BYTES } from "../corpus/load";
import { MAX_CATALOG_BYTES } from "../corpus/catalog";

/** Bumped when the file layout below changes (the code key also changes, but this says why). */
const FORMAT = 1;
/** Past the loader's own limits (an article's, the catalog's): a file this large is skipped anyway. */
const MAX_HASHED_BYTES = Math.max(MAX_ARTICLE_BYTES, MAX_CATALOG_BYTES);
/** Where `npm start` keeps caches: `.cache/` in the project, git-ignored. */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, ".cache");

/**
 * A part the engine precomputes once per corpus. `save` gives plain JSON data; `restore` turns it back,
 * given the same context `build` had. Adding a precomputed part to the engine is one entry of this shape.
 */
export interface CachedPart<T, C> {
  build(context: C): T;
  save(value: T): unknown;
  restore(data: unknown, context: C): T;
  /** The same restore in slices that let the event loop run (when handing a worker's build to a serving bot). */
  restoreAsync?(data: unknown, context: C): Promise<T>;
}

export type BuiltParts<P> = { [K in keyof P]: P[K] extends CachedPart<infer T, infer _C> ? T : never };

/** Builds every part in declaration order (a later part may read what an earlier one built from the context). */
export function buildParts<C, P extends Record<string, CachedPart<any, C>>>(
  parts: P,
  context: C,
  onBuilt?: (name: string, ms: number) => void,
): BuiltParts<P> {
  return Object.fromEntries(
    Object.entries(parts).map(([name, part]) => {
      const started = performance.now();
      const value = part.build(context);
      onBuilt?.(name, performance.now() - started);
      return [name, value];
    }),
  ) as BuiltParts<P>;
}

export function saveParts<C, P extends Record<string, CachedPart<any, C>>>(parts: P, built: BuiltParts<P>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, part.save(built[name as keyof P])]));
}

/** As restoreParts, with each part's `restoreAsync` where it has one (it yields to the event loop while it works). */
export async function restorePartsAsync<C, P extends Record<string, CachedPart<any, C>>>(parts: P, data: Record<string, unknown>, context: C): Promise<BuiltParts<P>> {
  const restored: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) restored[name] = await (part.restoreAsync ?? part.restore)(savedPart(data, name), context);
  return restored as BuiltParts<P>;
}

/** Throws when a part is missing from the data (a cache written by other code). */
export function restoreParts<C, P extends Record<string, CachedPart<any, C>>>(parts: P, data: Record<string, unknown>, context: C): BuiltParts<P> {
  return Object.fromEntries(
    Object.entries(parts).map(([name, part]) => [name, part.restore(savedPart(data, name), context)]),
  ) as BuiltParts<P>;
}

/** A part's saved data; throws when it is missing (a cache written by other code). */
function savedPart(data: Record<string, unknown>, name: string): unknown {
  if (!(name in data)) throw new Error(`no saved "${name}"`);
  return data[name];
}

/**
 * The corpus key: sha1 over every file's name and bytes, plus the code key. A content hash rather than
 * names, sizes and mtimes, because an edit that keeps the size within the mtime granularity (or a copy
 * with preserved mtimes) would otherwise serve stale answers. Measured: reading and hashing 10 000
 * articles (69 MB) takes ~100 ms warm, against several seconds to restore the index, so exactness is
 * cheap. Every non-hidden entry counts (catalog.json changes titles; an added file must appear).
 */
export function corpusKey(dir: string): string {
  const hash = createHash("sha1").update(`format ${FORMAT}\0code ${codeKey()}\0`);
  const realDir = realFolder(dir);
  for (const name of readdirSync(dir).filter((n) => !isHidden(n)).sort()) {
    hash.update(`${name}\0`);
    // Read as the loader reads (inside the folder, regular files, capped): a FIFO or /dev/zero here must not hang or fill memory.
    const read = readInside(realDir, name, MAX_HASHED_BYTES);
    hash.update(read.ok ? createHash("sha1").update(read.bytes).digest() : `${read.reason}\0`);
  }
  return hash.digest("hex");
}

let codeKeyMemo: string | undefined;
/** The code that reads articles and builds what the cache holds; front ends (Discord, CLI, renderers) are not. */
const ENGINE_CODE = ["corpus", "text", "search", "compare", "source", "engine"];

/** sha1 of the engine's source files and the index library's version: a code change invalidates caches. */
export function codeKey(): string {
  if (codeKeyMemo) return codeKeyMemo;
  const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const hash = createHash("sha1");
  const files = ENGINE_CODE.flatMap((d) => (existsSync(join(src, d)) ? sourceFiles(join(src, d)) : []));
  for (const path of files) hash.update(`${relative(src, path)}\0`).update(readFileSync(path));
  hash.update(`minisearch ${minisearchVersion()}`);
  return (codeKeyMemo = hash.digest("hex"));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.[cm]?[jt]s$/.test(e.name) ? [join(dir, e.name)] : []));
}

function minisearchVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, "node_modules/minisearch/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** One cache file per corpus folder, so switching corpora does not evict the other's cache. */
export function cacheFile(cacheDir: string, corpusDir: string): string {
  return join(cacheDir, `index-${createHash("sha1").update(resolve(corpusDir)).digest("hex").slice(0, 12)}.json`);
}

export interface CacheContents {
  key: string;
  corpus: Corpus;
  parts: Record<string, unknown>;
}

interface CacheFile extends PackedCorpus {
  format: number;
  key: string;
  parts: Record<string, unknown>;
}

/**
 * The cache for `key`, or null when there is none, it is for other content, or it cannot be read
 * (then `warn` says why: a corrupt cache is reported and rebuilt, never fatal).
 */
export function readCache(file: string, key: string, warn: (message: string) => void): CacheContents | null {
  removeStaleTemporaries(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as CacheFile;
    if (data.format !== FORMAT || data.key !== key) return null;
    if (!Array.isArray(data.articles) || !Array.isArray(data.warnings) || typeof data.parts !== "object" || data.parts === null) {
      throw new Error("missing fields");
    }
    return { key, corpus: unpackCorpus(data), parts: data.parts };
  } catch (error) {
    warn(`ignoring the index cache ${file}: it is damaged (${(error as Error).message}); rebuilding it.`);
    return null;
  }
}

/** Writes atomically (temporary file, then rename): a crash mid-write never leaves a half cache. */
export function writeCache(file: string, contents: CacheContents): void {
  const data: CacheFile = {
    format: FORMAT,
    key: contents.key,
    ...packCorpus(contents.corpus),
    parts: contents.parts,
  };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true }); // a full disk or a failed rename leaves nothing behind
    throw error;
  }
}

/**
 * Removes what earlier processes left of their writes of `file` (killed mid-write, or from before
 * writes cleaned up after themselves): `file.<pid>.tmp` of any process no longer running.
 */
function removeStaleTemporaries(file: string): void {
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return; // no cache folder yet
  }
  const prefix = `${basename(file)}.`;
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith(".tmp") ? Number(name.slice(prefix.length, -".tmp".length)) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid)) rmSync(join(dirname(file), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, someone else's
  }
}

/** A corpus as compact plain data (the form the cache file and a build worker's message hold). */
export interface PackedCorpus {
  dir: string;
  warnings: CorpusWarning[];
  articles: PackedArticle[];
}

export function packCorpus(corpus: Corpus): PackedCorpus {
  return { dir: corpus.dir, warnings: corpus.warnings, articles: corpus.articles.map(packArticle) };
}

export function unpackCorpus(packed: PackedCorpus): Corpus {
  return { dir: packed.dir, warnings: packed.warnings, articles: packed.articles.map(unpackArticle) };
}

/**
 * An article without its repeated text: paragraph and sentence texts are slices of `raw` (that is the
 * model's contract), so only offsets are stored; this makes the cache a third of the size.
 */
interface PackedArticle {
  id: string;
  file: string;
  raw: string;
  meta: Article["meta"];
  wordCount: number;
  /** [start, end, heading 0|1, sentence count] per paragraph. */
  paragraphs: number[][];
  /** [start, end] per sentence, in order. */
  sentences: number[][];
}

function packArticle(a: Article): PackedArticle {
  return {
    id: a.id,
    file: a.file,
    raw: a.raw,
    meta: a.meta,
    wordCount: a.wordCount,
    paragraphs: a.paragraphs.map((p) => [p.start, p.end, p.heading ? 1 : 0, p.sentences.length]),
    sentences: a.sentences.map((s) => [s.start, s.end]),
  };
}

function unpackArticle(p: PackedArticle): Article {
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = p.paragraphs.map(([start, end, heading, count], i) => {
    const own: Sentence[] = [];
    for (let k = 0; k < count!; k++) {
      const [s, e] = p.sentences[sentences.length]!;
      const sentence: Sentence = { index: sentences.length, paragraph: i + 1, start: s!, end: e!, text: p.raw.slice(s, e) };
      sentences.push(sentence);
      own.push(sentence);
    }
    return { number: i + 1, start: start!, end: end!, text: p.raw.slice(start, end), heading: heading === 1, sentences: own };
  });
  if (sentences.length !== p.sentences.length) throw new Error(`article ${p.id}: sentence count mismatch`);
  return { id: p.id, file: p.file, raw: p.raw, meta: p.meta, paragraphs, sentences, wordCount: p.wordCount };
}
