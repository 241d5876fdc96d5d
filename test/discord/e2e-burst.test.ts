// A burst of 500 interactions through the real client: every one acknowledged exactly once, fast.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed, startHarness, type Harness } from "./harness";

const BURST = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

describe("burst", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownSeconds: 3 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`acknowledges each of ${BURST} interactions exactly once`, async () => {
    const engine = await seed();
    const ids: string[] = [];
    const started = performance.now();
    for (let i = 0; i < BURST; i++) {
      // Mostly distinct users; every 10th repeats one, so the cooldown path is in the mix too.
      const userId = String(500000000000000000n + BigInt(i % 10 === 9 ? 1 : i));
      const article = engine.articles[i % engine.articles.length]!;
      switch (i % 5) {
        case 0:
          ids.push(h.fake.sendCommand("ask", { question: `what happened ${i}` }, { userId }));
          break;
        case 1:
          ids.push(h.fake.sendCommand("source", { id: article.id }, { userId }));
          break;
        case 2:
          ids.push(h.fake.sendAutocomplete("source", { id: String(i % 7) }, "id", { userId }));
          break;
        case 3:
          ids.push(h.fake.sendAutocomplete("ask", { question: "who cl" }, "question", { userId }));
          break;
        default:
          ids.push(h.fake.sendCommand("help", {}, { userId }));
      }
    }
    await Promise.all(ids.map((id) => h.fake.waitForCallback(id, 20_000)));
    const elapsed = performance.now() - started;
    await new Promise((r) => setTimeout(r, 100)); // room for any duplicate to show up

    const acks = ids.map((id) => h.fake.callbacks(id).filter((c) => [4, 5, 6, 7, 8].includes(c.type)));
    expect(acks.filter((a) => a.length !== 1)).toEqual([]);
    const rejected = h.fake.requests.filter((r) => r.path.startsWith("/interactions/") && r.status >= 400);
    expect(rejected).toEqual([]);
    const latencies = acks.map((a) => a[0]!.latencyMs).sort((a, b) => a - b);
    const median = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    console.log(
      `burst of ${BURST}: all acknowledged once in ${elapsed.toFixed(0)} ms; dispatch→callback median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(p99).toBeLessThan(3000);
  });

  it("answers one interaction at a time in a few milliseconds", async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 100; i++) {
      const userId = String(600000000000000000n + BigInt(i));
      const id = i % 2 ? h.fake.sendCommand("ask", { question: `who was arrested ${i}` }, { userId }) : h.fake.sendCommand("source", { id: "1" }, { userId });
      const [callback] = await h.fake.waitForCallback(id);
      latencies.push(callback!.latencyMs);
    }
    latencies.sort((a, b) => a - b);
    console.log(`one at a time (100 /ask and /source): dispatch→callback median ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
    expect(percentile(latencies, 50)).toBeLessThan(1000);
  });
});
