/**
 * The corpus watcher (src/engine/watch.ts): file changes trigger one debounced reload, changes during a
 * rebuild trigger another, hidden files and no-op events none; with a real engine, a new article is
 * served after the swap and a rebuild that fails keeps the old engine and says why.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { folderSignature, watchCorpus, type CorpusWatcher, type ReloadResult } from "../../src/engine/watch";
import { Engine } from "../../src/engine/engine";
import { articleText, writeCorpus } from "../support/corpus";
import { sleep, until } from "../support/wait";

const DEBOUNCE_MS = 40;
/** Long enough for inotify to deliver and the debounce to fire on a loaded CI machine. */
const SETTLE_MS = 400;

const good = (title: string): string =>
  articleText(title, [`The council said on Tuesday that the ${title} would open in the spring, after two years of delays.`, "Engineers said the repairs cost more than expected."]);

/** A stand-in for the EngineHolder that counts reloads and can be made slow. */
function fakeTarget(delayMs = 0) {
  const calls: number[] = [];
  return {
    calls,
    async reload(): Promise<ReloadResult> {
      calls.push(Date.now());
      await sleep(delayMs);
      return { ok: true, articles: 1, warnings: [], ms: delayMs };
    },
  };
}

const open: CorpusWatcher[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

describe("watchCorpus", () => {
  it("coalesces a burst of file changes into one reload", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge") });
    const target = fakeTarget();
    const lines: string[] = [];
    open.push(watchCorpus(dir, target, { debounceMs: DEBOUNCE_MS, log: (l) => lines.push(l) }));
    for (let i = 2; i <= 6; i++) writeFileSync(join(dir, `00${i}_b.txt`), good(`tunnel ${i}`));
    await until(() => target.calls.length === 1, "the reload");
    await sleep(SETTLE_MS);
    expect(target.calls).toHaveLength(1);
    expect(lines).toEqual([expect.stringMatching(/changed: now serving 1 article,/)]);
  });

  it("reloads at once for a change made after the engine was built but before watching began", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge") });
    const loadedSignature = folderSignature(dir);
    writeFileSync(join(dir, "002_b.txt"), good("tunnel")); // e.g. while the bot was logging in
    const target = fakeTarget();
    open.push(watchCorpus(dir, target, { debounceMs: DEBOUNCE_MS, log: () => {}, loadedSignature }));
    await until(() => target.calls.length === 1, "the catch-up reload");
  });

  it("ignores hidden files (editor swap files) and events that change nothing", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge") });
    const target = fakeTarget();
    const watcher = watchCorpus(dir, target, { debounceMs: DEBOUNCE_MS, log: () => {} });
    open.push(watcher);
    writeFileSync(join(dir, ".001_a.txt.swp"), "swap");
    watcher.poke();
    await sleep(SETTLE_MS);
    expect(target.calls).toHaveLength(0);
  });

  it("reloads again when files change while a rebuild is under way", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge") });
    const target = fakeTarget(200);
    open.push(watchCorpus(dir, target, { debounceMs: DEBOUNCE_MS, log: () => {} }));
    writeFileSync(join(dir, "002_b.txt"), good("tunnel"));
    await until(() => target.calls.length === 1, "the first reload");
    writeFileSync(join(dir, "003_c.txt"), good("harbour")); // during the 200 ms rebuild
    await until(() => target.calls.length === 2, "the second reload");
    await sleep(SETTLE_MS);
    expect(target.calls).toHaveLength(2);
  });

  it("notices a folder that was removed and created again", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge") });
    const results: ReloadResult[] = [];
    const target = {
      reload: async (): Promise<ReloadResult> => {
        try {
          const e = await Engine.open(dir);
          return { ok: true, articles: e.articles.length, warnings: [], ms: 0 };
        } catch (error) {
          return { ok: false, error: (error as Error).message, ms: 0 };
        }
      },
    };
    open.push(watchCorpus(dir, target, { debounceMs: DEBOUNCE_MS, fallbackPollMs: 50, log: () => {}, onReload: (r) => results.push(r) }));
    renameSync(dir, `${dir}-moved`);
    await until(() => results.length === 1, "the failed reload");
    expect(results[0]).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist/) });
    mkdirSync(dir);
    writeFileSync(join(dir, "001_a.txt"), good("bridge"));
    writeFileSync(join(dir, "002_b.txt"), good("tunnel"));
    await until(() => results.some((r) => r.ok && r.articles === 2), "the reload of the new folder");
    // The new folder is watched again, not only polled: a later change is seen.
    writeFileSync(join(dir, "003_c.txt"), good("harbour"));
    await until(() => results.some((r) => r.ok && r.articles === 3), "the reload after the folder came back");
  });
});

describe("watchCorpus report", () => {
  it("is one line naming only the warnings that are new since the serving engine", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge") });
    const known = ["old.txt: no id in the name"];
    const lines: string[] = [];
    const target = {
      async reload(): Promise<ReloadResult> {
        return { ok: true, articles: 2, warnings: [...known, "empty.txt: empty"], ms: 5 };
      },
    };
    open.push(watchCorpus(dir, target, { debounceMs: DEBOUNCE_MS, log: (l) => lines.push(l), knownWarnings: known }));
    writeFileSync(join(dir, "002_b.txt"), good("tunnel"));
    await until(() => lines.length === 1, "the report");
    expect(lines[0]).toBe("corpus changed: now serving 2 articles, rebuilt in 5 ms; 1 new warning: empty.txt: empty");
    writeFileSync(join(dir, "003_c.txt"), good("harbour"));
    await until(() => lines.length === 2, "the second report");
    expect(lines[1]).toBe("corpus changed: now serving 2 articles, rebuilt in 5 ms");
  });
});

describe("watchCorpus with a real engine swap", () => {
  it("serves a new article after the reload, and keeps the old engine when the corpus is emptied", async () => {
    const dir = writeCorpus({ "001_a.txt": good("bridge"), "002_b.txt": good("tunnel") });
    let current = await Engine.open(dir);
    const results: ReloadResult[] = [];
    const lines: string[] = [];
    const holder = {
      async reload(): Promise<ReloadResult> {
        try {
          current = await Engine.open(dir);
          return { ok: true, articles: current.articles.length, warnings: current.corpus.warnings.map((w) => `${w.file}: ${w.message}`), ms: 0 };
        } catch (error) {
          return { ok: false, error: (error as Error).message, ms: 0 };
        }
      },
    };
    open.push(watchCorpus(dir, holder, { debounceMs: DEBOUNCE_MS, log: (l) => lines.push(l), onReload: (r) => results.push(r) }));

    writeFileSync(join(dir, "003_c.txt"), good("harbour"));
    await until(() => results.length === 1, "the reload after adding an article");
    expect(current.articles.map((a) => a.id)).toEqual(["001", "002", "003"]);
    expect(JSON.stringify(current.ask("when will the harbour open?"))).toContain('"articleId":"003"');

    const before = current;
    for (const f of ["001_a.txt", "002_b.txt", "003_c.txt"]) unlinkSync(join(dir, f));
    await until(() => results.length === 2, "the reload of the emptied folder");
    expect(results[1]).toMatchObject({ ok: false, error: expect.stringMatching(/No article to serve/) });
    expect(current).toBe(before);
    expect(current.articles).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/rebuild failed; still serving the previous articles\. Why: No article to serve/);
    rmSync(dir, { recursive: true });
  });
});
