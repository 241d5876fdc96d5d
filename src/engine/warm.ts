/**
 * What a started engine does before its first user: it builds what is built on first use (the /source
 * index), and asks itself one question of each kind of answer, about the corpus's own headline words.
 * A question's first use in a process pays for compiling its kind of answer's code (V8's JIT), opening
 * WordNet's files and reading the passages it ranks; asked here, that is paid at start, not by a user.
 */
import type { Engine } from "./engine";
import type { Vocabulary } from "../search/vocabulary";

/** Headlines read for the warm-up's word: a few, so that choosing it costs nothing at any corpus size. */
const HEADLINES_READ = 20;

/**
 * One question per kind of answer /ask looks for (src/search/answer-type.ts), each about `word`: a count,
 * a person or group, a place, a date, a clock time, a reason, an amount, an occupation, and none.
 */
export function warmUpQuestions(word: string): string[] {
  return [
    `how many people ${word}`,
    `who ${word}`,
    `where ${word}`,
    `when ${word}`,
    `what time ${word}`,
    `why ${word}`,
    `how long ${word}`,
    `what did ${word} do for a living`,
    word,
  ];
}

/** The commonest word of the first headlines (their most searched-for words), or none for a corpus without headlines. */
export function warmUpWord(vocabulary: Vocabulary): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const { lower } of vocabulary.headlines.slice(0, HEADLINES_READ)) {
    for (const word of lower.match(/\p{L}+/gu) ?? []) {
      const count = vocabulary.count(word);
      if (count > bestCount) [best, bestCount] = [word, count];
    }
  }
  return best;
}

/** Warms the engine at once, for a caller that serves nothing meanwhile (the bench). Returns the milliseconds spent. */
export function warmUp(engine: Engine): number {
  const started = performance.now();
  for (const step of warmUpSteps(engine)) step();
  return Math.round(performance.now() - started);
}

/**
 * Warms the engine one step per turn of the event loop, so that interactions arriving meanwhile (as the
 * bot logs in) are handled between steps. Resolves with the milliseconds spent.
 */
export async function warmUpInTurns(engine: Engine): Promise<number> {
  const started = performance.now();
  for (const step of warmUpSteps(engine)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step();
  }
  return Math.round(performance.now() - started);
}

/**
 * Warms an engine swapped in by a reload: what it builds on first use. The process has already compiled
 * every kind of answer's code, so no question is asked (each would hold the event loop for its length).
 */
export function warmUpSwapped(engine: Engine): number {
  const started = performance.now();
  for (const step of buildSteps(engine)) step();
  return Math.round(performance.now() - started);
}

function buildSteps(engine: Engine): (() => void)[] {
  return [() => void engine.sources, () => void engine.sourceChoices(""), () => void engine.compareChoices("")];
}

function warmUpSteps(engine: Engine): (() => void)[] {
  const word = warmUpWord(engine.vocabulary);
  return [...buildSteps(engine), ...(word ? warmUpQuestions(word).map((q) => () => void engine.ask(q)) : [])];
}
