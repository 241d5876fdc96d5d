/**
 * Live reload under load: the corpus watcher (src/engine/watch.ts) rebuilds (in a worker thread, as
 * the bot does) through the bot's EngineHolder while a stream of commands arrives through the fake Discord. Every command gets exactly
 * one valid reply (from the old engine during the rebuild, the new one after); a rebuild that fails
 * (the folder emptied) keeps serving the old index and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openInWorker } from "../../src/engine/worker-build";
import { watchCorpus, type CorpusWatcher, type ReloadResult } from "../../src/engine/watch";
import { refusedRequests, replyProblems, replyText, startBotRun, type BotRun } from "./bot-support";
import { hostileCorpusDir } from "./hostile";
import { articleText } from "../support/corpus";
import { sleep, until } from "../support/wait";

const DEBOUNCE_MS = 50;
/** One command every this many ms for the whole test. */
const STREAM_INTERVAL_MS = 4;
/** How long a reload (a worker's start-up, then the build) may take on a machine shared with other test runs. */
const RELOAD_WAIT_MS = 90_000;

const NEW_ARTICLE = articleText("Harbour ferry resumes service", [
  "The harbour authority said on Monday that the ferry would resume service next week, after a month of repairs to the pier.",
  "Ferry workers said the repairs had cost more than planned, but that the pier is now safer than before.",
]);

let run: BotRun;
let watcher: CorpusWatcher;
let dir: string;
const results: ReloadResult[] = [];
const watchLog: string[] = [];
let duringRebuild = 0;

beforeAll(async () => {
  dir = hostileCorpusDir();
  let building = false;
  run = await startBotRun({
    // The real rebuild: in a worker thread, as the bot's reloads run (its start-up alone takes long
    // enough that commands arrive during it).
    build: async () => {
      building = true;
      try {
        return await openInWorker(dir);
      } finally {
        building = false;
      }
    },
  });
  // Count commands that arrive mid-rebuild, to prove the overlap the test is about.
  run.bot.client.on("interactionCreate", () => {
    if (building) duringRebuild++;
  });
  watcher = watchCorpus(dir, run.holder, { debounceMs: DEBOUNCE_MS, log: (l) => watchLog.push(l), onReload: (r) => results.push(r) });
}, RELOAD_WAIT_MS);
afterAll(async () => {
  await watcher?.close();
  await run?.close();
});

/** Sends a mixed stream of commands until `stop` resolves; returns their ids. */
async function stream(stop: Promise<unknown>): Promise<string[]> {
  const ids: string[] = [];
  let done = false;
  void stop.finally(() => (done = true));
  for (let i = 0; !done; i++) {
    const user = { userId: String(600000000000000000n + BigInt(i % 50)) };
    if (i % 4 === 0) ids.push(run.fake.sendCommand("ask", { question: "when will the ferry resume service" }, user));
    else if (i % 4 === 1) ids.push(run.fake.sendCommand("source", { id: "3" }, user));
    else if (i % 4 === 2) ids.push(run.fake.sendAutocomplete("source", { id: "har" }, "id", user));
    else ids.push(run.fake.sendCommand("ask", { question: "who voted on the bridge" }, user));
    await sleep(STREAM_INTERVAL_MS);
  }
  return ids;
}

describe("live reload through the watcher while commands stream in", () => {
  it("swaps in a new article with zero failed replies, and keeps the old index when a rebuild fails", async () => {
    const generation0 = run.holder.generation;
    const scenario = (async () => {
      await sleep(100);
      writeFileSync(join(dir, "950_harbour-ferry.txt"), NEW_ARTICLE);
      await until(() => results.length === 1, "the reload after adding an article", RELOAD_WAIT_MS);
      await sleep(100);
      // Empty the folder: the rebuild must fail and the bot keep serving what it has.
      const aside = `${dir}-aside`;
      mkdirSync(aside);
      for (const f of readdirSync(dir)) renameSync(join(dir, f), join(aside, f));
      await until(() => results.length === 2, "the reload of the emptied folder", RELOAD_WAIT_MS);
      await sleep(100);
    })();
    const ids = await stream(scenario);
    await scenario;
    await Promise.all(ids.map((id) => run.fake.waitForCallback(id, 10_000)));
    await sleep(100);

    expect(results[0]).toMatchObject({ ok: true, articles: run.holder.current.articles.length });
    expect(results[1]).toMatchObject({ ok: false, error: expect.stringMatching(/No article to serve/) });
    expect(run.holder.generation).toBe(generation0 + 1);
    expect(run.holder.current.articles.some((a) => a.id === "950")).toBe(true);
    expect(watchLog.at(-1)).toMatch(/rebuild failed; still serving the previous articles\. Why: No article to serve/);

    const problems = ids.flatMap((id) => replyProblems(run.fake, id).map((p) => `${id}: ${p}`));
    expect(problems).toEqual([]);
    expect(refusedRequests(run.fake)).toEqual([]);
    expect(duringRebuild).toBeGreaterThan(0);
    console.log(`live reload: ${ids.length} commands streamed, ${duringRebuild} of them during a rebuild, 0 failed`);

    // After the swap the new article is served, and still is after the failed rebuild.
    const after = run.fake.sendCommand("source", { id: "950" });
    await run.fake.waitForCallback(after);
    await sleep(50);
    expect(replyText(run.fake, after)).toContain("Harbour ferry resumes service");
  }, 3 * RELOAD_WAIT_MS);
});
