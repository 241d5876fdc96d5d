/**
 * The index build as a worker thread (started by worker-build.ts): reads and indexes the corpus (or
 * restores it from the cache) off the serving thread, reports each warning as it is found, and posts
 * the finished engine back as plain data.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CorpusError } from "../corpus/load";
import { Engine } from "./engine";
import type { BuildMessage, BuildRequest } from "./worker-build";

const request = (workerData as { data: BuildRequest }).data;
const post = (message: BuildMessage) => parentPort!.postMessage(message);

try {
  const saved = await Engine.openSaved(request.dir, {
    onWarning: (warning) => post({ kind: "warning", warning }),
    ...(request.cacheDir ? { cache: { dir: request.cacheDir, warn: (message: string) => post({ kind: "cache-warning", message }) } } : {}),
  });
  post({ kind: "built", saved });
} catch (error) {
  post({ kind: "failed", message: error instanceof Error ? error.message : String(error), corpusError: error instanceof CorpusError });
}
