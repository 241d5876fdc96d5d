#!/usr/bin/env node
// Runs before `npm start`, `npm test`, `npm run cli` and `npm run deploy` (scripts/run.mjs imports it): on a fresh clone it installs the locked
// dependencies first, so the README's two commands work as they are. Plain Node: nothing to install.
import { existsSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";

const installed = "node_modules/.package-lock.json";
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs - 1000;
if (stale) {
  console.error("Installing dependencies (first run)…");
  // stdout goes to stderr: `npm run -s cli -- --json` keeps stdout for its JSON replies.
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  if (r.status !== 0) {
    console.error("Could not install the dependencies: run `npm ci` and read its error.");
    process.exit(r.status ?? 1);
  }
}
