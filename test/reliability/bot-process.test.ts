/**
 * The bot as a real process (`tsx src/main.ts`, as `npm start` runs it) against the fake Discord, with
 * a recognizable token: it logs in, answers, live-reloads its corpus, stops on SIGTERM; a login that
 * fails exits 1 with a clear message; an unhandled rejection is logged and the process keeps serving.
 * Everything the processes print is grepped for every form of the token: none may appear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startFakeDiscord, type FakeDiscord } from "../support/fake-discord";
import { articleText } from "../support/corpus";
import { startTsx, type TsxChild } from "../support/child";
import { CANARY_TOKEN, leaks } from "./canary";
import { HOSTILE_ID, hostileCorpusDir } from "./hostile";
import { replyProblems } from "./bot-support";

const STARTUP_MS = 30_000;

/** The bot (or a fixture) as a process, with only what it needs in its environment, so a developer's own
 *  DISCORD_* variables cannot interfere. */
function startChild(args: string[], env: Record<string, string>): TsxChild {
  return startTsx(args, { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "debug", COOLDOWN_SECONDS: "0", ...env });
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ log: () => {} });
});
afterAll(async () => {
  await fake?.close();
});

describe("the bot process (npm start) with a canary token", () => {
  it("logs in, answers, reloads its corpus when a file is added, stops on SIGTERM, and never prints the token", async () => {
    const dir = hostileCorpusDir();
    const child = startChild(["src/main.ts"], { DISCORD_TOKEN: CANARY_TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: dir });
    try {
      await child.waitFor(/logged in as/, "login");
      const ids = [fake.sendCommand("ask", { question: "who voted on the bridge" }), fake.sendCommand("source", { id: HOSTILE_ID }), fake.sendCommand("help")];
      await Promise.all(ids.map((id) => fake.waitForCallback(id, 10_000)));
      for (const id of ids) expect(replyProblems(fake, id)).toEqual([]);

      writeFileSync(join(dir, "960_new.txt"), articleText("Tram line opens", ["The city said on Monday that the new tram line would open in May, a year later than planned."]));
      await child.waitFor(/changed: now serving \d+ articles?/, "the live reload");
      const after = fake.sendCommand("source", { id: "960" });
      const [reply] = await fake.waitForCallback(after);
      expect(JSON.stringify(reply!.data)).toContain("Tram line opens");

      await child.waitFor(/warmed up in \d+ ms/, "the warm-up line");
      child.proc.kill("SIGTERM");
      expect(await child.exit).toBe(0);
    } finally {
      child.proc.kill("SIGKILL");
    }
    expect(child.output()).toMatch(/SIGTERM: shutting down/);
    expect(leaks(child.output())).toEqual([]);
  });

  it("exits 1 with a clear message when Discord refuses the login, without printing the token", async () => {
    // Its own fake, so the refusals cannot reach the other tests' logins.
    const refusing = await startFakeDiscord({ log: () => {} });
    refusing.injectFault(/^GET \/gateway\/bot/, 401, 100);
    const child = startChild(["src/main.ts"], { DISCORD_TOKEN: CANARY_TOKEN, DISCORD_API_URL: refusing.apiUrl, CORPUS_DIR: hostileCorpusDir() });
    const code = await Promise.race([child.exit, new Promise<"hung">((r) => setTimeout(() => r("hung"), STARTUP_MS))]);
    child.proc.kill("SIGKILL");
    await refusing.close();
    expect(code).toBe(1);
    expect(child.output()).toMatch(/could not log in to Discord: .*\(check DISCORD_TOKEN\)/);
    expect(leaks(child.output())).toEqual([]);
  });

  it("logs an unhandled rejection (with the token scrubbed) and keeps serving", async () => {
    const child = startChild(["test/reliability/fixtures/stray-bot.ts"], { DISCORD_TOKEN: CANARY_TOKEN, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: hostileCorpusDir() });
    try {
      await child.waitFor(/logged in as/, "login");
      const first = fake.sendCommand("stray");
      await fake.waitForCallback(first);
      await child.waitFor(/unhandled promise rejection \(logged; the bot keeps running\)/, "the rejection log");
      const more = [fake.sendCommand("stray"), fake.sendCommand("ask", { question: "who voted on the bridge" })];
      await Promise.all(more.map((id) => fake.waitForCallback(id, 10_000)));
      for (const id of [first, ...more]) expect(replyProblems(fake, id)).toEqual([]);
      expect(child.proc.exitCode).toBeNull();
      expect(child.output()).toMatch(/background job failed while holding \[redacted\]/);
      // tsx relays a signal only when its child answers at once, which a warm-up step may delay.
      await child.waitFor(/warmed up in \d+ ms/, "the warm-up line");
      child.proc.kill("SIGTERM");
      expect(await child.exit).toBe(0);
    } finally {
      child.proc.kill("SIGKILL");
    }
    expect(leaks(child.output())).toEqual([]);
  });
});
