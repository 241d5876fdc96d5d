// `npm start` with a token, HEALTH_PORT=0 and LOG_FORMAT=json, as a host runs it: every stderr line is
// one JSON object, the token never shows, and the endpoint it announces answers /healthz and /metrics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_TOKEN, startFakeDiscord, type FakeDiscord } from "../support/fake-discord";
import { SEED_DIR } from "../support/corpus";
import { startTsx } from "../support/child";

describe("npm start with the health endpoint and JSON logs", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ log: () => {} });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("serves /healthz and /metrics on the port it logs, and logs one scrubbed JSON object a line", async () => {
    const env = {
      ...process.env,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: SEED_DIR,
      CORPUS_WATCH: "off",
      HEALTH_PORT: "0",
      LOG_FORMAT: "json",
      LOG_LEVEL: "debug",
    };
    const run = startTsx(["src/main.ts"], env);
    try {
      await run.waitFor(/health endpoint on http:\/\/127\.0\.0\.1:\d+/, "the health endpoint line");
      const port = /health endpoint on http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output())![1];
      await fake.waitForCallback(fake.sendCommand("help"), 10_000);

      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ healthy: true, gateway: "connected", engine: { loaded: true, articles: 5 } });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('newsbot_commands_total{command="help",outcome="ok"} 1');
      expect(metrics).toContain("newsbot_articles_indexed 5");

      // tsx relays a signal only when its child answers at once, which a warm-up step may delay.
      await run.waitFor(/warmed up in \d+ ms/, "the warm-up line", 20_000);
      run.proc.kill("SIGTERM");
      expect(await run.exit).toBe(0);
      const lines = run.output().split("\n").filter(Boolean);
      const records = lines.map((line) => JSON.parse(line) as { time: string; level: string; msg: string });
      for (const r of records) {
        expect(r.level).toMatch(/^(debug|info|warn|error)$/);
        expect(Number.isNaN(Date.parse(r.time))).toBe(false);
      }
      expect(records.map((r) => r.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^Indexed 5 articles/), expect.stringMatching(/^logged in as/), "SIGTERM: shutting down"]));
      expect(run.output()).not.toContain(FAKE_TOKEN);
    } finally {
      run.proc.kill("SIGKILL");
    }
  }, 60_000);
});
