/**
 * One benchmark measurement in a process of its own (so one size's heap never inflates another's
 * peak RSS): `build` indexes a corpus and writes the cache; `serve` starts from that cache and times
 * every command. Prints one JSON line on stdout.
 *   node --import tsx scripts/bench/worker.ts build|serve CORPUS_DIR CACHE_DIR
 */
import { statSync } from "node:fs";
import type MiniSearch from "minisearch";
import { Engine } from "../../src/engine/engine";
import { cacheFile } from "../../src/engine/cache";
import { warmUp } from "../../src/engine/warm";
import { COMMANDS, FLOOR_QUERIES } from "./commands";

export interface BuildResult {
  articles: number;
  loadMs: number;
  /** Every precomputed part together (search index, figures…). */
  indexMs: number;
  /** Each part's build time. */
  partMs: Record<string, number>;
  cacheWriteMs: number;
  cacheBytes: number;
  peakRssMb: number;
  /** From process start (imports included) to an engine ready to answer. */
  startToReadyMs: number;
}

export interface Latency {
  name: string;
  samples: number;
  medianMs: number;
  p99Ms: number;
}

export interface ServeResult {
  coldStartMs: number;
  /** The bot's warm-up (src/engine/warm.ts), run in its first moments after it is ready. */
  warmUpMs: number;
  startToReadyMs: number;
  peakRssMb: number;
  commands: Latency[];
}

/** Each command is timed for at least this many calls, and for about this long at most. */
const MIN_SAMPLES = 25;
const MAX_SAMPLES = 400;
const TIME_BUDGET_MS = 1500;
/** A command this slow stops after this long with at least FEW_SAMPLES calls, so the bench stays bounded. */
const HARD_BUDGET_MS = 8000;
const FEW_SAMPLES = 5;

/** The serve run found the cache stale: the engine's code changed since the build run (an edit in progress). */
export const STALE = "serve run did not start from the cache";

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function build(dir: string, cacheDir: string): Promise<BuildResult> {
  let loaded = 0;
  let indexed = 0;
  const partMs: Record<string, number> = {};
  const started = performance.now();
  const engine = await Engine.open(dir, {
    cache: { dir: cacheDir },
    onProgress: (done, total) => done === total && (loaded = performance.now()),
    onPartBuilt: (name, ms) => {
      partMs[name] = ms;
      indexed = performance.now();
    },
  });
  const ended = performance.now();
  if (engine.fromCache) throw new Error("build run found a cache: the cache folder must start empty");
  return {
    articles: engine.articles.length,
    loadMs: loaded - started,
    indexMs: indexed - loaded,
    partMs,
    cacheWriteMs: ended - indexed,
    cacheBytes: statSync(cacheFile(cacheDir, dir)).size,
    peakRssMb: peakRssMb(),
    startToReadyMs: ended,
  };
}

async function serve(dir: string, cacheDir: string): Promise<ServeResult> {
  const started = performance.now();
  const engine = await Engine.open(dir, { cache: { dir: cacheDir } });
  const coldStartMs = performance.now() - started;
  if (!engine.fromCache) throw new Error(STALE);
  const startToReadyMs = performance.now();
  // What the bot does as it logs in; after it, every call is timed, each input's first use included.
  const warmUpMs = warmUp(engine);
  const commands: Latency[] = [];
  for (const command of COMMANDS) commands.push(time(command.name, command.inputs(engine), (input) => command.run(engine, input)));
  // The floor: MiniSearch's own search on the same index, default search options, same questions.
  const index = (engine as unknown as { index: MiniSearch }).index;
  index.search(FLOOR_QUERIES[0]!);
  commands.push(time("bare MiniSearch (floor)", FLOOR_QUERIES, (q) => index.search(q as string)));
  return { coldStartMs, warmUpMs, startToReadyMs, peakRssMb: peakRssMb(), commands };
}

/** Cycles through the inputs (first use included: caches built on demand count) and keeps every call's time. */
function time(name: string, inputs: readonly unknown[], call: (input: unknown) => unknown): Latency {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; samples.length < MAX_SAMPLES; i++) {
    const elapsed = performance.now() - started;
    if (samples.length >= MIN_SAMPLES && i >= inputs.length && elapsed > TIME_BUDGET_MS) break;
    if (samples.length >= FEW_SAMPLES && elapsed > HARD_BUDGET_MS) break;
    const t = performance.now();
    call(inputs[i % inputs.length]);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { name, samples: samples.length, medianMs: quantile(samples, 0.5), p99Ms: quantile(samples, 0.99) };
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

const [mode, dir, cacheDir] = process.argv.slice(2);
if ((mode === "build" || mode === "serve") && dir && cacheDir) {
  const result = mode === "build" ? await build(dir, cacheDir) : await serve(dir, cacheDir);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
