/**
 * The engine: a loaded corpus and everything built from it once, at start (passages, search index),
 * answering commands with plain data. It knows nothing of Discord or the console.
 */
import MiniSearch, { type AsPlainObject } from "minisearch";
import { loadCorpus, CorpusError, type LoadOptions } from "../corpus/load";
import type { Article, Corpus } from "../corpus/types";
import { buildPassages, type Passage } from "../search/passages";
import { buildIndex, INDEX_OPTIONS, type PassageDoc } from "../search/index";
import {
  buildParts,
  cacheFile,
  corpusKey,
  packCorpus,
  readCache,
  restoreParts,
  restorePartsAsync,
  saveParts,
  unpackCorpus,
  writeCache,
  type BuiltParts,
  type CachedPart,
  type PackedCorpus,
} from "./cache";
import { ask, prepareAsk, type AskCorpus } from "../search/ask";
import { buildMeaningTable, type MeaningTable } from "../search/meaning";
import { checkVocabulary, countVocabulary, Vocabulary } from "../search/vocabulary";
import type { AskAnswer, ErrorAnswer } from "./answers";
import { SourceIndex, type SourceOptions, type SourceReply } from "../source/source";
import type { Choice } from "../source/choices";
import { buildCompareIndex, compareAnswer, type CompareIndex } from "../compare/answer/compare";
import { compareChoices } from "../compare/answer/choices";
import type { CompareReply } from "./answers";
import { plural } from "../text/plural";

interface PartContext {
  corpus: Corpus;
  passages: Passage[];
  onIndexProgress?: (done: number, total: number) => void;
}

/**
 * What the engine precomputes per corpus, each saved to and restored from the index cache
 * (src/engine/cache.ts). A new precomputed part (figures, summaries) is one entry here.
 */
const PARTS = {
  index: {
    build: ({ passages, onIndexProgress }) => buildIndex(passages, onIndexProgress),
    save: (index) => index.toJSON(),
    // Restored with the very options it was built with, or its terms would not match the queries'.
    restore: (data) => MiniSearch.loadJS(data as AsPlainObject, INDEX_OPTIONS),
    restoreAsync: (data) => MiniSearch.loadJSAsync(data as AsPlainObject, INDEX_OPTIONS),
  } satisfies CachedPart<MiniSearch<PassageDoc>, PartContext>,
  /** `/ask`: WordNet links the corpus's words need reversed ("Portugal" → "Portuguese"), see src/search/meaning.ts. */
  meaning: {
    build: ({ corpus }) => buildMeaningTable(corpus.articles.map((a) => a.raw)),
    save: (table) => table,
    restore: (data) => {
      if (typeof data !== "object" || data === null) throw new Error("meaning table missing");
      return data as MeaningTable;
    },
  } satisfies CachedPart<MeaningTable, PartContext>,
  /** `/ask` autocomplete and "the articles don't say" suggestions: the corpus's words as written, and its headlines. */
  vocabulary: {
    build: ({ corpus }) => new Vocabulary(countVocabulary(corpus.articles), corpus.articles),
    save: (vocabulary) => vocabulary.data,
    restore: (data, { corpus }) => new Vocabulary(checkVocabulary(data), corpus.articles),
  } satisfies CachedPart<Vocabulary, PartContext>,
  /** `/compare`: every figure with its measure, interval and event signature, topics and their event groups. */
  compare: {
    build: ({ corpus }) => buildCompareIndex(corpus.articles),
    save: (index) => index,
    restore: (data) => {
      const index = data as CompareIndex;
      if (!Array.isArray(index?.figures) || !Array.isArray(index?.topics)) throw new Error("figures missing");
      return index;
    },
  } satisfies CachedPart<CompareIndex, PartContext>,
};

type Parts = BuiltParts<typeof PARTS>;

export interface OpenOptions extends LoadOptions {
  /** Progress of building the search index (passages added). */
  onIndexProgress?: (done: number, total: number) => void;
  /** Hears how long each precomputed part took to build (benchmarks, logs). */
  onPartBuilt?: (name: string, ms: number) => void;
  /** Keep what was built in this folder and reuse it while the corpus and the code are unchanged. */
  cache?: { dir: string; warn?: (message: string) => void };
}

/** An engine as plain data: what a build worker hands back to the thread that serves (see build-worker.ts). */
export interface SavedEngine {
  corpus: PackedCorpus;
  parts: Record<string, unknown>;
  fromCache: boolean;
}

export class Engine {
  private constructor(
    readonly corpus: Corpus,
    passages: Passage[],
    private readonly parts: Parts,
    /** True when the engine was restored from the index cache rather than built. */
    readonly fromCache = false,
  ) {
    this.askCorpus = prepareAsk(this.index, passages, parts.meaning, parts.vocabulary);
  }

  /** What /ask reads of the corpus, prepared at open so that no question pays for it. */
  private readonly askCorpus: AskCorpus;

  private get index(): MiniSearch<PassageDoc> {
    return this.parts.index;
  }

  /** Loads and indexes a corpus folder (or restores it from the cache). Throws CorpusError when no article can be served. */
  static async open(dir: string, options: OpenOptions = {}): Promise<Engine> {
    return (await Engine.load(dir, options)).engine;
  }

  /**
   * `open`, then the engine as plain data for another thread (`restore`): the index turned into data
   * once, for the cache and the thread (on a cache hit, the cache's own data, checked by restoring it).
   */
  static async openSaved(dir: string, options: OpenOptions = {}): Promise<SavedEngine> {
    const { engine, parts } = await Engine.load(dir, options);
    return parts ? { corpus: packCorpus(engine.corpus), parts, fromCache: engine.fromCache } : engine.save();
  }

  /** The engine, and its parts as data when they were already made so (read from or written to the cache). */
  private static async load(dir: string, options: OpenOptions): Promise<{ engine: Engine; parts?: Record<string, unknown> }> {
    const cache = options.cache && { file: cacheFile(options.cache.dir, dir), key: corpusKey(dir), warn: options.cache.warn ?? console.warn };
    const cached = cache && readCache(cache.file, cache.key, cache.warn);
    if (cached) {
      cached.corpus.warnings.forEach((w) => options.onWarning?.(w));
      const passages = buildPassages(cached.corpus.articles);
      try {
        const engine = new Engine(cached.corpus, passages, restoreParts(PARTS, cached.parts, { corpus: cached.corpus, passages }), true);
        return { engine, parts: cached.parts };
      } catch (error) {
        cache.warn(`ignoring the index cache ${cache.file}: it is damaged (${(error as Error).message}); rebuilding it.`);
      }
    }
    const corpus = await loadCorpus(dir, options);
    if (corpus.articles.length === 0) {
      const why = corpus.warnings.length ? ` (${plural(corpus.warnings.length, "file")} skipped, see the warnings above)` : "";
      throw new CorpusError(`No article to serve in ${dir}${why}. Add article files named like 001_title.txt.`);
    }
    const engine = Engine.fromCorpus(corpus, options);
    if (!cache) return { engine };
    const parts = saveParts(PARTS, engine.parts);
    try {
      writeCache(cache.file, { key: cache.key, corpus, parts });
    } catch (error) {
      cache.warn(`could not write the index cache ${cache.file} (${(error as Error).message}); the next start will index again.`);
    }
    return { engine, parts };
  }

  static fromCorpus(corpus: Corpus, options: Pick<OpenOptions, "onIndexProgress" | "onPartBuilt"> = {}): Engine {
    const passages = buildPassages(corpus.articles);
    return new Engine(corpus, passages, buildParts(PARTS, { corpus, passages, onIndexProgress: options.onIndexProgress }, options.onPartBuilt));
  }

  /** This engine as plain data, for `Engine.restore` in another thread. */
  save(): SavedEngine {
    return { corpus: packCorpus(this.corpus), parts: saveParts(PARTS, this.parts), fromCache: this.fromCache };
  }

  /** The engine `save` described, rebuilt in slices so a serving bot keeps answering meanwhile. */
  static async restore(saved: SavedEngine): Promise<Engine> {
    const corpus = unpackCorpus(saved.corpus);
    const passages = buildPassages(corpus.articles);
    return new Engine(corpus, passages, await restorePartsAsync(PARTS, saved.parts, { corpus, passages }), saved.fromCache);
  }

  get articles(): readonly Article[] {
    return this.corpus.articles;
  }

  ask(question: string): AskAnswer | ErrorAnswer {
    return ask(this.askCorpus, question);
  }

  /** The corpus's words as written and its headlines (`/ask` autocomplete and suggestions), built with the index. */
  get vocabulary(): Vocabulary {
    return this.parts.vocabulary;
  }

  private sourceIndex?: SourceIndex;

  /** `/source` data (id resolver, autocomplete labels; summaries and pages cached per article), built once on first use. */
  get sources(): SourceIndex {
    return (this.sourceIndex ??= new SourceIndex(this.corpus.articles));
  }

  source(options: SourceOptions): SourceReply {
    return this.sources.answer(options);
  }

  /** Autocomplete for the `/source` id: at most 25 choices named "003 · Title… (Outlet, date)". */
  sourceChoices(typed: string): Choice[] {
    return this.sources.choices(typed);
  }

  /** The figures, topics and event groups `/compare` reads: plain data, built once with the index. */
  get compareIndex(): CompareIndex {
    return this.parts.compare;
  }

  /** `/compare topic` (figures grouped by event, with their agreement), or with no topic the contested topics. */
  compare(topic = ""): CompareReply {
    return compareAnswer(this.parts.compare, topic);
  }

  /** Autocomplete for the `/compare` topic: at most 25 choices like "deaths · 12 figures in 5 articles, 84–140". */
  compareChoices(typed: string): Choice[] {
    return compareChoices(this, typed);
  }
}
