// A process killed while it saves articles as /add does leaves only whole articles in the corpus folder:
// the temporary file it may leave is hidden (the loader skips it) and the next add deletes it.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load";
import { cleanStaleTemps, STALE_TEMP_MS } from "../../src/ingest/files";
import { spawn } from "node:child_process";
import { ROOT } from "../support/child";
import { sleep, until } from "../support/wait";
import { crashArticle } from "./fixtures/crash-article";

describe("a crash while adding", () => {
  it.each([0, 3, 11])("never leaves a half-written article (killed %i ms after a save)", async (delayMs) => {
    const dir = mkdtempSync(join(tmpdir(), "crash-"));
    // One process (node with tsx's loader, not the tsx launcher, which would outlive a kill of it).
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "fixtures/add-forever.ts"), dir], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    await until(() => out.includes("saved 001"), "the child's second save", 30_000);
    await sleep(delayMs);
    child.kill("SIGKILL");
    await exited;

    const visible = readdirSync(dir).filter((n) => !n.startsWith("."));
    expect(visible.length).toBeGreaterThanOrEqual(2);
    for (const name of visible) expect(readFileSync(join(dir, name)).equals(crashArticle(name.slice(0, 3)))).toBe(true);
    const corpus = await loadCorpus(dir);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles.map((a) => a.file)).toEqual(visible.sort());

    await cleanStaleTemps(dir, Date.now() + STALE_TEMP_MS);
    expect(readdirSync(dir).sort()).toEqual(visible.sort());
  }, 60_000);
});
