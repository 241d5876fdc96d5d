/**
 * The token never leaves in a reply: a corpus that holds it (an article quoting it, a link to a `.env`
 * beside the corpus) is served, and no reply to /source, /ask or an autocomplete carries any form of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Engine } from "../../src/engine/engine";
import { REDACTED } from "../../src/process/safety";
import { articleText, writeCorpus } from "../support/corpus";
import { sleep } from "../support/wait";
import { replyText, startBotRun, type BotRun } from "./bot-support";
import { CANARY_TOKEN, leaks } from "./canary";

const PLANTED = articleText("Leaked bot key found in the council files", [
  `The council said on Tuesday that a file in its archive held the line DISCORD_TOKEN=${CANARY_TOKEN} and nothing else of note.`,
  `Officials said the key ${CANARY_TOKEN} had been revoked, and that the archive would be checked again next week.`,
]);
const OTHER = articleText("Harbour ferry resumes service", [
  "The harbour authority said on Monday that the ferry would resume service next week, after a month of repairs to the pier.",
]);

let run: BotRun;
let dir: string;

beforeAll(async () => {
  dir = writeCorpus({ "001_leaked-key.txt": PLANTED, "002_ferry.txt": OTHER });
  const env = join(dir, "..", `${basename(dir)}.env`);
  writeFileSync(env, `DISCORD_TOKEN=${CANARY_TOKEN}\n`);
  symlinkSync(env, join(dir, "003_settings.txt"));
  run = await startBotRun({ build: () => Engine.open(dir), token: CANARY_TOKEN });
});
afterAll(async () => {
  await run?.close();
});

describe("replies never carry the token", () => {
  it("skips the link to .env, and redacts the token an article quotes from every reply", async () => {
    expect(run.holder.current.articles.map((a) => a.id)).toEqual(["001", "002"]);
    expect(run.holder.current.corpus.warnings).toEqual([{ file: "003_settings.txt", message: expect.stringMatching(/outside the corpus folder/) }]);

    const ids = [
      run.fake.sendCommand("source", { id: "1" }),
      run.fake.sendCommand("source", { id: "1", find: "council archive" }),
      run.fake.sendCommand("source", { id: "1", paragraph: "1-2" }),
      run.fake.sendCommand("ask", { question: "what did the archive file hold" }),
      run.fake.sendAutocomplete("ask", { question: "disc" }, "question"),
      run.fake.sendAutocomplete("source", { id: "leak" }, "id"),
    ];
    await Promise.all(ids.map((id) => run.fake.waitForCallback(id, 10_000)));
    await sleep(200); // edits after a defer
    const sent = JSON.stringify(run.fake.requests.map((r) => r.body ?? null));
    expect(leaks(sent)).toEqual([]);
    // The planted text did reach the replies, redacted (so the check above could fail).
    expect(ids.slice(0, 3).map((id) => replyText(run.fake, id)).join("\n")).toContain(REDACTED);
  });
});
