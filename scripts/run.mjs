#!/usr/bin/env node
// `node scripts/run.mjs src/main.js [args…]` (what `npm start`, `npm run cli` and `npm run deploy` run):
// installs the locked dependencies on a fresh clone, compiles the sources when they changed, then runs
// the compiled entry point in this same process, as if Node had been started on it.
import { join, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import "./ensure-deps.mjs";
import { ensureBuilt } from "./build.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = process.argv[2];
if (!entry) {
  console.error("usage: node scripts/run.mjs <entry in dist/, like src/main.js> [arguments]");
  process.exit(2);
}
ensureBuilt();
const path = join(ROOT, "dist", entry);
// The entry sees the command line it would see if Node had been started on it: its own path, then its arguments.
process.argv.splice(1, 2, path);
await import(pathToFileURL(path).href);
