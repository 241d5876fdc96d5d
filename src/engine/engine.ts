/**
 * The engine: a loaded corpus and everything built from it once, at start (passages, search index),
 * answering commands with plain data. It knows nothing of Discord or the console.
 */
import type MiniSearch from "minisearch";
import { loadCorpus, CorpusError, type LoadOptions } from "../corpus/load";
import type { Article, Corpus } from "../corpus/types";
import { buildPassages, type Passage } from "../search/passages";
import { buildIndex, type PassageDoc } from "../search/index";
import { ask } from "../search/ask";
import type { AskAnswer, ErrorAnswer } from "./answers";
import { SourceIndex, type SourceOptions, type SourceReply } from "../source/source";
import type { Choice } from "../source/choices";

export class Engine {
  private constructor(
    readonly corpus: Corpus,
    private readonly passages: Passage[],
    private readonly index: MiniSearch<PassageDoc>,
  ) {}

  /** Loads and indexes a corpus folder. Throws CorpusError when no article can be served. */
  static async open(dir: string, options: LoadOptions = {}): Promise<Engine> {
    const corpus = await loadCorpus(dir, options);
    if (corpus.articles.length === 0) {
      const why = corpus.warnings.length ? ` (${corpus.warnings.length} file(s) skipped, see the warnings above)` : "";
      throw new CorpusError(`No article to serve in ${dir}${why}. Add article files named like 001_title.txt.`);
    }
    return Engine.fromCorpus(corpus);
  }

  static fromCorpus(corpus: Corpus): Engine {
    const passages = buildPassages(corpus.articles);
    return new Engine(corpus, passages, buildIndex(passages));
  }

  get articles(): readonly Article[] {
    return this.corpus.articles;
  }

  ask(question: string): AskAnswer | ErrorAnswer {
    return ask(this.index, this.passages, question);
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
}
