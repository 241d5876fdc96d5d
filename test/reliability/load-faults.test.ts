/**
 * Load and faults through the fake Discord with the real client: a burst of 1 000 interactions, 429s
 * with Retry-After and 500s on the routes the bot uses, a gateway disconnect mid-burst, and commands
 * that throw. Every interaction is acknowledged exactly once within 3 s; the bot retries as
 * @discordjs/rest does, never acknowledges twice, logs what it could not deliver, and keeps running.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlashCommandBuilder } from "discord.js";
import { commands as allCommands } from "../../commands";
import type { CommandModule } from "../../src/discord/command";
import { message } from "../../src/discord/reply";
import { FIRST_RESPONSE_MS } from "../../src/discord/limits";
import { openDir, refusedRequests, replyProblems, startBotRun, type BotRun } from "./bot-support";
import { hostileCorpusDir } from "./hostile";
import { ACK_CALLBACK_TYPES } from "../support/fake-discord";
import { sleep, until } from "../support/wait";

const BURST = 1_000;
const WARM_UP = 60;
/** How long a log line or an apology may take behind the retries. */
const LOG_WAIT_MS = 10_000;

/** Test-only commands: one that defers (its answer is an edit), two that fail in different ways. */
const deferred: CommandModule = {
  data: new SlashCommandBuilder().setName("slow").setDescription("Deferred, then edited"),
  defer: "public",
  execute: () => message({ content: "done after a defer" }),
};
const throwing: CommandModule = {
  data: new SlashCommandBuilder().setName("boom").setDescription("Throws"),
  execute: () => {
    throw new Error("boom inside a command");
  },
};
const rejecting: CommandModule = {
  data: new SlashCommandBuilder().setName("boomasync").setDescription("Rejects after a defer"),
  defer: "public",
  execute: async () => {
    await sleep(5);
    throw new Error("async boom inside a command");
  },
};

let run: BotRun;
beforeAll(async () => {
  run = await startBotRun({ build: openDir(hostileCorpusDir()), commands: [...allCommands, deferred, throwing, rejecting] });
  // A bot that has served a few commands: its HTTP connections to Discord are open. (From cold, the
  // first burst also pays for opening them: measured ≈ 2.1 s max first response on a 2-core box.)
  await settle(sendMixed(WARM_UP, 90_000));
});
afterAll(async () => {
  await run?.close();
});

/** Mixed commands, each from its own user so no cooldown answers instead. */
function sendMixed(n: number, offset = 0): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const user = { userId: String(700000000000000000n + BigInt(offset + i)) };
    switch (i % 6) {
      case 0: ids.push(run.fake.sendCommand("ask", { question: `who voted on the bridge ${i}` }, user)); break;
      case 1: ids.push(run.fake.sendCommand("source", { id: String(i % 6) }, user)); break;
      case 2: ids.push(run.fake.sendAutocomplete("source", { id: String(i % 9) }, "id", user)); break;
      case 3: ids.push(run.fake.sendAutocomplete("ask", { question: "bri" }, "question", user)); break;
      case 4: ids.push(run.fake.sendCommand("slow", {}, user)); break;
      default: ids.push(run.fake.sendCommand("help", {}, user));
    }
  }
  return ids;
}

/** Waits for every acknowledgement (and the edits behind defers), then returns every problem. */
async function settle(ids: string[]): Promise<string[]> {
  await Promise.all(ids.map((id) => run.fake.waitForCallback(id, 15_000)));
  await sleep(150);
  return ids.flatMap((id) => {
    const late = run.fake.callbacks(id).filter((c) => ACK_CALLBACK_TYPES.has(c.type) && c.latencyMs > FIRST_RESPONSE_MS);
    return [...replyProblems(run.fake, id), ...late.map((c) => `acknowledged after ${c.latencyMs.toFixed(0)} ms`)].map((p) => `${id}: ${p}`);
  });
}

const edited = (id: string) => run.fake.webhookEdits(run.fake.interaction(id)!.token).length > 0;

describe("load and faults", () => {
  it(`acknowledges each of ${BURST} interactions in one burst exactly once, within 3 s`, async () => {
    const started = performance.now();
    const ids = sendMixed(BURST);
    const problems = await settle(ids);
    const latencies = ids.map((id) => run.fake.callbacks(id)[0]!.latencyMs).sort((a, b) => a - b);
    console.log(`load: ${BURST} interactions in a burst, all answered in ${(performance.now() - started).toFixed(0)} ms; first response max ${latencies.at(-1)!.toFixed(0)} ms, median ${latencies[BURST >> 1]!.toFixed(1)} ms`);
    expect(problems).toEqual([]);
    expect(refusedRequests(run.fake)).toEqual([]);
    expect(ids.filter((id, k) => k % 6 === 4 && !edited(id))).toEqual([]);
  });

  it("retries 429 (honouring Retry-After) and 500 on callbacks and edits, and never acknowledges twice", async () => {
    const before = run.fake.requests.length;
    run.fake.injectFault(/^POST \/interactions\//, 429, 10, 0.3);
    run.fake.injectFault(/^POST \/interactions\//, 500, 5);
    run.fake.injectFault(/^PATCH \/webhooks\//, 429, 5, 0.2);
    run.fake.injectFault(/^PATCH \/webhooks\//, 502, 3);
    const ids = sendMixed(60, 10_000);
    const problems = await settle(ids);
    const seen = run.fake.requests.slice(before);
    const statuses = seen.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
    console.log(`faults: ${JSON.stringify(statuses)} over ${seen.length} requests; ${ids.length} interactions, ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
    expect(problems).toEqual([]);
    expect(statuses[429]).toBe(15);
    expect((statuses[500] ?? 0) + (statuses[502] ?? 0)).toBe(8);
    // No 40060 "already acknowledged", no 10062 "unknown interaction".
    expect(seen.filter((r) => r.status === 400 || r.status === 404)).toEqual([]);
    expect(ids.filter((id, k) => k % 6 === 4 && !edited(id))).toEqual([]);
  });

  it("logs an answer it could not deliver (every retry failed), tells the user when it can, and keeps serving", async () => {
    const id = run.fake.sendCommand("slow", {}, { userId: "710000000000000001" });
    const token = run.fake.interaction(id)!.token.replace(/[^\w-]/g, "\\$&");
    // The edit carrying the answer fails every time; the follow-up apology gets through.
    run.fake.injectFault(new RegExp(`^PATCH /webhooks/\\d+/${token}/`), 500, 100);
    await run.fake.waitForCallback(id);
    await until(() => run.logs.some((l) => l.includes("interaction failed") && l.includes(id)), "the failure log", LOG_WAIT_MS);
    await until(() => run.fake.followUps(run.fake.interaction(id)!.token).length === 1, "the apology", LOG_WAIT_MS);
    expect(run.logs.find((l) => l.includes("interaction failed") && l.includes(id))).toMatch(/"command":"slow".*Internal Server Error/);

    // Now nothing gets through for a second one: that is logged too.
    const id2 = run.fake.sendCommand("slow", {}, { userId: "710000000000000002" });
    const token2 = run.fake.interaction(id2)!.token.replace(/[^\w-]/g, "\\$&");
    run.fake.injectFault(new RegExp(`^(PATCH|POST|DELETE) /webhooks/\\d+/${token2}`), 500, 100);
    await until(() => run.logs.some((l) => l.includes("could not tell the user") && l.includes(id2)), "the undeliverable log", LOG_WAIT_MS);

    const after = await settle(sendMixed(12, 20_000));
    expect(after).toEqual([]);
  });

  it("resumes after a gateway disconnect mid-burst and serves the interactions after it", async () => {
    const resumes = run.fake.resumes;
    const first = sendMixed(200, 30_000);
    const resumed = run.fake.waitForResume(10_000);
    run.fake.disconnectGateway();
    await resumed;
    const second = sendMixed(200, 40_000);
    const problems = await settle([...first, ...second]);
    expect(run.fake.resumes).toBe(resumes + 1);
    expect(problems).toEqual([]);
    console.log(`gateway: disconnected after 200 interactions, resumed, 200 more served; ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
  });

  it("contains an error inside a command: logged, answered with an apology, and the bot keeps serving", async () => {
    const boom = run.fake.sendCommand("boom", {}, { userId: "720000000000000001" });
    const boomAsync = run.fake.sendCommand("boomasync", {}, { userId: "720000000000000002" });
    const rest = sendMixed(30, 50_000);
    await Promise.all([boom, boomAsync].map((id) => run.fake.waitForCallback(id)));
    await until(() => run.fake.followUps(run.fake.interaction(boomAsync)!.token).length > 0, "the apology after the defer", LOG_WAIT_MS);
    const [reply] = run.fake.callbacks(boom);
    expect(reply!.data.content).toMatch(/something went wrong/i);
    expect(reply!.flags).toBe(64);
    expect(run.logs.some((l) => /interaction failed/.test(l) && l.includes("boom inside a command"))).toBe(true);
    expect(run.logs.some((l) => /interaction failed/.test(l) && l.includes("async boom inside a command"))).toBe(true);
    expect(await settle(rest)).toEqual([]);
  });
});
