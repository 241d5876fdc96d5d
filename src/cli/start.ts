/** Opens the engine for a command-line front end, reporting progress and skipped files on stderr. */
import { readdirSync } from "node:fs";
import { Engine, type OpenOptions } from "../engine/engine";
import { CorpusError } from "../corpus/load";
import { DEFAULT_CACHE_DIR } from "../engine/cache";
import { progress } from "../engine/progress";
import { plural } from "../text/plural";

/**
 * Below this many files indexing takes well under a second and a cache would only clutter `.cache/`.
 * `INDEX_CACHE=off` disables the cache; `INDEX_CACHE_DIR` moves it.
 */
const CACHE_MIN_FILES = 200;

export async function openEngine(dir: string): Promise<Engine> {
  const started = Date.now();
  const reading = progress("Reading articles");
  const indexing = progress("Indexing passages");
  try {
    const engine = await Engine.open(dir, {
      ...rebuildOptions(dir),
      // Warnings as they are found, so a start that fails for want of articles still lists each skipped file.
      onWarning: (w) => console.error(`warning: ${w.file}: ${w.message}`),
      onProgress: (done, total) => reading.update(done, total),
      onIndexProgress: (done, total) => indexing.update(done, total),
    });
    const how = engine.fromCache ? "Loaded the index of" : "Indexed";
    indexing.finish(`${how} ${plural(engine.articles.length, "article")} from ${dir} in ${Date.now() - started} ms.`);
    return engine;
  } catch (error) {
    if (error instanceof CorpusError) {
      console.error(`Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * A fresh engine for a reload (watcher, /reload): the same cache as at start, no progress bar, and no
 * warning printed (the watcher reports the new ones, /reload lists them). Its cache write means the next
 * start after a reload is fast too.
 */
export function rebuildEngine(dir: string): Promise<Engine> {
  return Engine.open(dir, rebuildOptions(dir));
}

function rebuildOptions(dir: string): OpenOptions {
  return {
    cache: useCache(dir) ? { dir: process.env.INDEX_CACHE_DIR || DEFAULT_CACHE_DIR, warn: (m) => console.error(`warning: ${m}`) } : undefined,
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
