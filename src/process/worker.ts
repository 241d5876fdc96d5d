/**
 * Starting a worker thread from this project's code, whether it runs as TypeScript (tsx, vitest) or
 * compiled to JavaScript: `entry` is a sibling module's URL written with the caller's own extension,
 * and the worker reads what it was given from `workerData.data`.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";

/** `./name` beside `callerUrl`, with the caller's extension (.ts from sources, .js once compiled). */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(callerUrl))}`, callerUrl);
}

export function startWorker(entry: URL, data: unknown, resourceLimits?: ResourceLimits): Worker {
  const workerData = { entry: entry.href, data };
  const script = entry.pathname.endsWith(".ts") ? new URL("./tsx-worker.mjs", import.meta.url) : entry;
  return new Worker(script, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
}
