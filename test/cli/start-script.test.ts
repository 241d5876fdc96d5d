// `npm start` and `npm run cli` as a user runs them: they compile the sources into dist/ when needed and
// run plain Node on the result; the compile check leaves an up-to-date dist/ alone; stdout keeps the
// CLI's JSON contract (compiler messages go to stderr).
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/child";
import { SEED_DIR } from "../support/corpus";

const STAMP = join(ROOT, "dist/.sources");
const env = { ...process.env, DISCORD_TOKEN: "", CORPUS_DIR: SEED_DIR, CORPUS_WATCH: "off" };

function npm(args: string[], input: string) {
  return spawnSync("npm", args, { cwd: ROOT, env, input, encoding: "utf8", timeout: 120_000 });
}

describe("the start scripts", () => {
  it("npm start answers piped commands from the compiled code, each under its command", () => {
    const r = npm(["start", "--silent"], "/help\n/source 1\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^> \/help\n/);
    expect(r.stdout).toMatch(/\n> \/source 1\n/);
    expect(statSync(join(ROOT, "dist/src/main.js")).isFile()).toBe(true);
  }, 120_000);

  it("leaves an up-to-date dist/ alone", () => {
    const before = statSync(STAMP).mtimeMs;
    const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Compiling/);
    expect(statSync(STAMP).mtimeMs).toBe(before);
  }, 120_000);

  it("installs without npm's install-script warning: every dependency's install script is reviewed in allowScripts", () => {
    const r = spawnSync("npm", ["install-scripts", "ls"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No packages with unreviewed install scripts/);
  }, 120_000);

  it("npm run -s cli -- --json prints one JSON object and nothing else on stdout", () => {
    const r = npm(["run", "-s", "cli", "--", "--json", "/source", "1"], "");
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ command: "source", article: { id: "001" } });
  }, 120_000);
});
