/**
 * Builds an engine in a worker thread, so that the thread serving Discord keeps acknowledging
 * interactions while a corpus is re-read and re-indexed (which takes seconds for thousands of
 * articles). The worker posts the engine as plain data; here it is restored in slices. A worker that
 * fails, throws or runs out of memory rejects the build with the reason; this thread lives on.
 */
import type { ResourceLimits } from "node:worker_threads";
import { CorpusError } from "../corpus/load";
import type { CorpusWarning } from "../corpus/types";
import { siblingModule, startWorker } from "../process/worker";
import { Engine, type SavedEngine } from "./engine";

export interface BuildRequest {
  dir: string;
  /** Where the index cache lives; none: no cache. */
  cacheDir?: string;
}

export type BuildMessage =
  | { kind: "warning"; warning: CorpusWarning }
  | { kind: "cache-warning"; message: string }
  | { kind: "built"; saved: SavedEngine }
  | { kind: "failed"; message: string; corpusError: boolean };

export interface WorkerBuildOptions {
  cacheDir?: string;
  onWarning?: (warning: CorpusWarning) => void;
  onCacheWarning?: (message: string) => void;
  /** The worker's heap limits (tests make them small to prove an out-of-memory build is survived). */
  resourceLimits?: ResourceLimits;
}

export function openInWorker(dir: string, options: WorkerBuildOptions = {}): Promise<Engine> {
  const request: BuildRequest = { dir, ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}) };
  const worker = startWorker(siblingModule(import.meta.url, "build-worker"), request, options.resourceLimits);
  return new Promise<Engine>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: Promise<Engine> | Error) => {
      if (settled) return;
      settled = true;
      if (outcome instanceof Error) reject(outcome);
      else outcome.then(resolve, reject);
    };
    worker.on("message", (message: BuildMessage) => {
      if (message.kind === "warning") options.onWarning?.(message.warning);
      else if (message.kind === "cache-warning") options.onCacheWarning?.(message.message);
      else if (message.kind === "built") settle(Engine.restore(message.saved));
      else settle(message.corpusError ? new CorpusError(message.message) : new Error(message.message));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const why = error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "the index build ran out of memory" : `the index build failed: ${error.message}`;
      settle(new Error(why));
    });
    worker.on("exit", (code) => settle(new Error(`the index build stopped before it finished (exit code ${code})`)));
  });
}
