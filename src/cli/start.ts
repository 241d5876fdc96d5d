/**
 * Opens the engine for a front end, reporting progress and skipped files: as plain lines on stderr (the
 * console and the CLI), or through the bot's logger (so LOG_FORMAT=json keeps every line JSON).
 */
import { readdirSync } from "node:fs";
import { Engine, type OpenOptions } from "../engine/engine";
import { CorpusError } from "../corpus/load";
import { DEFAULT_CACHE_DIR } from "../engine/cache";
import { progress, type ProgressStream } from "../engine/progress";
import { plural } from "../text/plural";
import { openInWorker } from "../engine/worker-build";

/**
 * Below this many files indexing takes well under a second and a cache would only clutter `.cache/`.
 * `INDEX_CACHE=off` disables the cache; `INDEX_CACHE_DIR` moves it.
 */
const CACHE_MIN_FILES = 200;

/** Where start-up lines go: the bot's Logger fits. */
export interface StartReporter {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

const STDERR: StartReporter = {
  info: (line) => console.error(line),
  warn: (line) => console.error(`warning: ${line}`),
  error: (line) => console.error(line),
};

export async function openEngine(dir: string, report: StartReporter = STDERR): Promise<Engine> {
  const started = Date.now();
  // A reporter other than stderr gets whole lines, never a redrawn bar.
  const stream: ProgressStream = report === STDERR ? process.stderr : { write: (text) => report.info(text.trimEnd()) };
  const reading = progress("Reading articles", stream);
  const indexing = progress("Indexing passages", stream);
  try {
    const engine = await Engine.open(dir, {
      ...rebuildOptions(dir, report),
      // Warnings as they are found, so a start that fails for want of articles still lists each skipped file.
      onWarning: (w) => report.warn(`${w.file}: ${w.message}`),
      onProgress: (done, total) => reading.update(done, total),
      onIndexProgress: (done, total) => indexing.update(done, total),
    });
    const how = engine.fromCache ? "Loaded the index of" : "Indexed";
    indexing.finish(`${how} ${plural(engine.articles.length, "article")} from ${dir} in ${Date.now() - started} ms.`);
    return engine;
  } catch (error) {
    if (error instanceof CorpusError) {
      report.error(`Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * A fresh engine for a reload (watcher, /reload): the same cache as at start, no progress bar, and no
 * warning printed (the watcher reports the new ones, /reload lists them). Built in a worker thread so the
 * bot keeps answering meanwhile. Its cache write means the next start after a reload is fast too. (The
 * first build runs on the main thread: nothing is served yet, and a worker would add its start-up to
 * every CLI command.)
 */
export function rebuildEngine(dir: string, report: StartReporter = STDERR): Promise<Engine> {
  const { cache } = rebuildOptions(dir, report);
  return openInWorker(dir, cache ? { cacheDir: cache.dir, onCacheWarning: cache.warn } : {});
}

function rebuildOptions(dir: string, report: StartReporter): OpenOptions {
  return {
    cache: useCache(dir) ? { dir: process.env.INDEX_CACHE_DIR || DEFAULT_CACHE_DIR, warn: (m) => report.warn(m) } : undefined,
  };
}

function useCache(dir: string): boolean {
  if (process.env.INDEX_CACHE === "off") return false;
  try {
    return readdirSync(dir).length >= CACHE_MIN_FILES;
  } catch {
    return false; // Engine.open explains a missing folder.
  }
}
