/**
 * The engine currently serving, and how to replace it: `reload()` builds a new engine while the old one
 * keeps answering, then swaps it in with one assignment. A failed build leaves the old engine in place.
 * Front ends (the Discord `/reload`, a future file watcher) all call the same `reload()`.
 */
import type { Engine } from "./engine";

export type ReloadResult =
  | { ok: true; articles: number; warnings: string[]; ms: number; generation: number }
  | { ok: false; error: string; ms: number; generation: number };

export type EngineBuilder = () => Promise<Engine>;

export class EngineHolder {
  private engine: Engine;
  private pending: Promise<ReloadResult> | null = null;
  private swaps = 0;
  private readonly listeners = new Set<(engine: Engine) => void>();
  private readonly reloadListeners = new Set<(result: ReloadResult) => void>();
  private last: ReloadResult | null = null;

  constructor(
    initial: Engine,
    private readonly build: EngineBuilder,
  ) {
    this.engine = initial;
  }

  /** Builds the first engine with `build` (errors propagate: there is nothing to fall back on). */
  static async open(build: EngineBuilder): Promise<EngineHolder> {
    return new EngineHolder(await build(), build);
  }

  /** The engine to answer with. Read it once per command, so one answer never mixes two engines. */
  get current(): Engine {
    return this.engine;
  }

  /** How many times a new engine was swapped in. */
  get generation(): number {
    return this.swaps;
  }

  get reloading(): boolean {
    return this.pending !== null;
  }

  /** The result of the last reload, null before the first (health checks report it). */
  get lastReload(): ReloadResult | null {
    return this.last;
  }

  /** Rebuilds and swaps atomically. Calls during a rebuild join it instead of starting another. */
  reload(): Promise<ReloadResult> {
    this.pending ??= this.rebuild().then((result) => {
      this.pending = null;
      this.last = result;
      for (const listener of this.reloadListeners) listener(result);
      return result;
    });
    return this.pending;
  }

  /** Called with the result of every reload, failed ones included (metrics, status displays). */
  onReload(listener: (result: ReloadResult) => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  /** Called with each newly swapped-in engine (e.g. to drop caches tied to the old one). */
  onSwap(listener: (engine: Engine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async rebuild(): Promise<ReloadResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let next: Engine;
    try {
      next = await this.build();
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error), ms: elapsed(), generation: this.swaps };
    }
    this.engine = next;
    this.swaps += 1;
    for (const listener of this.listeners) {
      try {
        listener(next);
      } catch {
        // A listener's failure is its own; the swap has happened and stays.
      }
    }
    return {
      ok: true,
      articles: next.articles.length,
      warnings: next.corpus.warnings.map((w) => `${w.file}: ${w.message}`),
      ms: elapsed(),
      generation: this.swaps,
    };
  }
}
