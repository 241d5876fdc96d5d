#!/usr/bin/env node
// Compiles src/ and commands/ into dist/ with tsc, only when they changed since the last build (a
// signature of names, sizes and modification times of the sources, a few milliseconds to take), so every
// start runs plain Node on JavaScript instead of compiling TypeScript in memory. `scripts/run.mjs` calls
// it before `npm start`, `npm run cli` and `npm run deploy`; `node scripts/build.mjs` runs it alone.
// Plain Node: nothing to install. Messages go to stderr (the CLI's stdout is for its replies).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "dist");
const STAMP = join(OUT, ".sources");
/** What the build reads: the sources, the compiler settings, and this script (it rewrites the output). */
const INPUTS = ["src", "commands", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"];

/** Every file under `path` (or `path` itself), sorted. */
function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => files(join(path, e.name)));
}

function signature() {
  const hash = createHash("sha1");
  for (const file of INPUTS.flatMap((p) => files(join(ROOT, p)))) {
    const s = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/**
 * The sources import their own modules without extensions (`./config`), as TypeScript's bundler
 * resolution allows and tsx resolves; Node's ESM loader needs the file's real name. Each relative
 * specifier tsc wrote is pointed at the emitted file it names (`./config.js`, or `./dir/index.js`);
 * one that names no emitted file is left as it is.
 */
function pointImportsAtFiles(out) {
  const SPECIFIER = /(\b(?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]*)\2/g;
  for (const file of files(out).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(file, "utf8");
    const fixed = text.replace(SPECIFIER, (whole, head, quote, spec) => {
      const base = resolve(dirname(file), spec);
      if (existsSync(`${base}.js`)) return `${head}${quote}${spec}.js${quote}`;
      if (existsSync(join(base, "index.js"))) return `${head}${quote}${spec}/index.js${quote}`;
      return whole;
    });
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

export function ensureBuilt() {
  const tsc = join(ROOT, "node_modules/.bin/tsc");
  if (!existsSync(tsc)) {
    // A production install (npm ci --omit=dev, as in the container) runs the dist/ it was given.
    if (existsSync(join(OUT, "src/main.js"))) return;
    console.error("Cannot compile: TypeScript is not installed. Run `npm ci` (with the development dependencies).");
    process.exit(1);
  }
  const sig = signature();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === sig) return;
  console.error(`Compiling the sources into dist/ (${existsSync(STAMP) ? "they changed since the last build" : "first start"})…`);
  // Built beside dist/ and swapped in whole, so a bot running from dist/ or a second start compiling at
  // the same moment never sees half a build.
  const fresh = `${OUT}.build-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  const r = spawnSync(tsc, ["-p", join(ROOT, "tsconfig.build.json"), "--outDir", fresh], { cwd: ROOT, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  // tsc also emits when it finds type errors (it reports them above); only a missing output stops the start.
  if (!existsSync(join(fresh, "src/main.js"))) {
    rmSync(fresh, { recursive: true, force: true });
    console.error("Compiling failed: see the errors above.");
    process.exit(r.status || 1);
  }
  pointImportsAtFiles(fresh);
  writeFileSync(join(fresh, ".sources"), sig);
  swapIn(fresh);
}

/** Replaces dist/ with the fresh build; if another start swapped its own in meanwhile, that one stays. */
function swapIn(fresh) {
  const old = `${OUT}.old-${process.pid}`;
  try {
    renameSync(OUT, old);
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  try {
    renameSync(fresh, OUT);
  } catch (error) {
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
  }
  rmSync(fresh, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureBuilt();
