/** Opens the engine for a command-line front end, reporting progress and skipped files on stderr. */
import { Engine } from "../engine/engine";
import { CorpusError } from "../corpus/load";

export async function openEngine(dir: string): Promise<Engine> {
  const started = Date.now();
  try {
    // Warnings as they are found, so a start that fails for want of articles still lists each skipped file.
    const engine = await Engine.open(dir, { onWarning: (w) => console.error(`warning: ${w.file}: ${w.message}`) });
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
