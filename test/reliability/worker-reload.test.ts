/**
 * Rebuilds run off the thread that serves Discord: while a corpus of a thousand generated articles is
 * re-read and re-indexed in a worker, a burst of interactions is each acknowledged within Discord's
 * 3 s (the fake refuses a later acknowledgement, so a late one shows as a refused request). A build
 * that runs out of memory fails the reload, not the bot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCorpus as writeGeneratedCorpus } from "../../scripts/bench/generator";
import { Engine } from "../../src/engine/engine";
import { EngineHolder } from "../../src/engine/holder";
import { openInWorker } from "../../src/engine/worker-build";
import { ACK_CALLBACK_TYPES } from "../support/fake-discord";
import { sleep } from "../support/wait";
import { refusedRequests, replyProblems, startBotRun, type BotRun } from "./bot-support";

/** Enough articles that a rebuild takes seconds (about 1.5 s alone on a 2-core machine, more when loaded). */
const ARTICLES = 600;
/** A rebuild on a machine shared with other test runs can take many times its usual time. */
const REBUILD_TIMEOUT_MS = 240_000;
const BURST_INTERVAL_MS = 25;

let run: BotRun;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "worker-reload-"));
  writeGeneratedCorpus(dir, ARTICLES, 7);
  run = await startBotRun({ build: () => openInWorker(dir) });
}, REBUILD_TIMEOUT_MS);
afterAll(async () => {
  await run?.close();
});

describe("a rebuild in a worker thread", () => {
  it("keeps every interaction of a burst acknowledged in time while a large corpus is rebuilt", async () => {
    const generation = run.holder.generation;
    const reload = run.holder.reload();
    let rebuilding = true;
    void reload.finally(() => (rebuilding = false));
    const ids: string[] = [];
    for (let i = 0; rebuilding; i++) {
      if (i % 4 === 0) ids.push(run.fake.sendCommand("help"));
      else if (i % 4 === 1) ids.push(run.fake.sendCommand("ask", { question: "how many people were killed in the flood" }));
      else if (i % 4 === 2) ids.push(run.fake.sendAutocomplete("source", { id: "12" }, "id"));
      else ids.push(run.fake.sendCommand("source", { id: String(1 + (i % 50)) }));
      await sleep(BURST_INTERVAL_MS);
    }
    const result = await reload;
    expect(result).toMatchObject({ ok: true, articles: ARTICLES });
    expect(run.holder.generation).toBe(generation + 1);
    await Promise.all(ids.map((id) => run.fake.waitForCallback(id, 10_000)));
    await sleep(200);

    expect(ids.length).toBeGreaterThan(10); // the burst did overlap the rebuild
    expect(ids.flatMap((id) => replyProblems(run.fake, id).map((p) => `${id}: ${p}`))).toEqual([]);
    expect(refusedRequests(run.fake)).toEqual([]);
    const latencies = ids.map((id) => run.fake.callbacks(id).find((c) => ACK_CALLBACK_TYPES.has(c.type))!.latencyMs);
    console.log(`rebuild of ${ARTICLES} articles in a worker: ${result.ms} ms; ${ids.length} interactions meanwhile, slowest acknowledgement ${Math.max(...latencies)} ms`);
  }, REBUILD_TIMEOUT_MS);

  it("a build that runs out of memory fails the reload with the reason; the old engine keeps serving", async () => {
    const serving = run.holder.current;
    const small = { resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } };
    await expect(openInWorker(dir, small)).rejects.toThrow(/ran out of memory/);
    const failing = new EngineHolder(serving, () => openInWorker(dir, small));
    expect(await failing.reload()).toMatchObject({ ok: false, error: expect.stringMatching(/ran out of memory/) });
    expect(failing.current).toBe(serving);
    const id = run.fake.sendCommand("help");
    await run.fake.waitForCallback(id);
    expect(replyProblems(run.fake, id)).toEqual([]);
  }, REBUILD_TIMEOUT_MS);

  it("hands back an engine that answers like one built in place", async () => {
    const here = await Engine.open(dir);
    const there = run.holder.current;
    for (const question of ["how many people were killed in the flood", "who called for an independent inquiry"]) {
      expect(there.ask(question)).toEqual(here.ask(question));
    }
    expect(there.compare("deaths")).toEqual(here.compare("deaths"));
    expect(there.source({ id: "12" })).toEqual(here.source({ id: "12" }));
  }, REBUILD_TIMEOUT_MS);
});
