// `npm start` as a user runs it: with a token it logs in (here to the loopback fake), answers, and exits
// cleanly on SIGTERM; without one it is the console; a malformed setting stops it with a message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_TOKEN, startFakeDiscord, type FakeDiscord } from "../support/fake-discord";
import { SEED_DIR } from "../support/corpus";
import { startTsx, type TsxChild } from "../support/child";

function start(env: Record<string, string>, stdin?: string): TsxChild {
  const run = startTsx(["src/main.ts"], { ...process.env, DISCORD_TOKEN: "", DISCORD_API_URL: "", CORPUS_DIR: SEED_DIR, ...env });
  if (stdin !== undefined) run.proc.stdin!.end(stdin);
  return run;
}

describe("npm start", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ log: () => {} });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("with a token: logs in, answers, and shuts down on SIGTERM", async () => {
    const run = start({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "info" });
    try {
      await fake.waitForReady(20_000);
      const id = fake.sendCommand("help");
      const [reply] = await fake.waitForCallback(id, 10_000);
      expect(reply!.type).toBe(4);
      expect(reply!.allowedMentions).toEqual({ parse: [] });
      await run.waitFor(/logged in as/, "the login line", 5_000);
      // tsx relays a signal only when its child answers its query at once; between turns of the warm-up
      // (one question each, slow on a loaded machine) it might not, so the signal is sent once it is done.
      await run.waitFor(/warmed up in \d+ ms/, "the warm-up line", 20_000);
      run.proc.kill("SIGTERM");
      expect(await run.exit).toBe(0);
      expect(run.output()).toContain("SIGTERM: shutting down");
      expect(run.output()).not.toContain(FAKE_TOKEN);
    } finally {
      run.proc.kill("SIGKILL");
    }
  }, 30_000);

  it("without a token: the console answers", async () => {
    const run = start({}, "/help\n");
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain("/ask");
  }, 30_000);

  it("a malformed setting stops the start with a message naming it", async () => {
    const run = start({ DISCORD_TOKEN: FAKE_TOKEN, COOLDOWN_SECONDS: "soon" });
    expect(await run.exit).toBe(1);
    expect(run.output()).toContain("COOLDOWN_SECONDS must be a number");
    expect(run.output()).not.toContain(FAKE_TOKEN);
  }, 30_000);
});
