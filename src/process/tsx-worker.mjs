// Worker bootstrap when the code runs from TypeScript sources (tsx, vitest): on Node 20 a worker does
// not inherit the TypeScript loader (not even with execArgv --import tsx), so register it, then load
// the worker's real entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
