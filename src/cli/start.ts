/** Opens the engine for a command-line front end, reporting progress and skipped files on stderr. */
import { Engine } from "../engine/engine";
import { CorpusError } from "../corpus/load";

export async function openEngine(dir: string): Promise<Engine> {
  const started = Date.now();
  try {
    const engine = await Engine.open(dir);
    for (const w of engine.corpus.warnings) console.error(`warning: ${w.file}: ${w.message}`);
    console.error(`Indexed ${engine.articles.length} article(s) from ${dir} in ${Date.now() - started} ms.`);
    return engine;
  } catch (error) {
    if (error instanceof CorpusError) {
      console.error(`Cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
