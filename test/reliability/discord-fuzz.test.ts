/**
 * Generated interactions through the real bot (a discord.js Client on the loopback fake Discord):
 * hostile text in every option, out-of-range numbers, unknown commands, forged and real page buttons.
 * Each gets exactly one acknowledgement, every body sent is valid for Discord (payloadViolations),
 * pings nobody (allowed_mentions parse [] and no live mention in any text), and nothing throws.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { action, bodiesOf, buttonIds, openDir, refusedRequests, replyProblems, replyText, send, startBotRun, type Action, type BotRun } from "./bot-support";
import { HOSTILE_ID, hostileCorpusDir } from "./hostile";
import { sleep } from "../support/wait";

/** Interactions in the whole fuzz run (issue 7 asks for at least 10 000). */
const TOTAL = Number(process.env.DISCORD_FUZZ_N ?? 10_000);
/** Sent together, then awaited: keeps every first response far inside the 3 s window on a slow CI box. */
const WAVE = 250;
const SEED = 7_077;
/** Every this many actions, a press of a real page button seen earlier. */
const REAL_BUTTON_EVERY = 10;

let run: BotRun;
beforeAll(async () => {
  run = await startBotRun({ build: openDir(hostileCorpusDir()) });
});
afterAll(async () => {
  await run?.close();
});

describe("fuzzing the bot through the fake Discord", () => {
  it(`serves ${TOTAL} generated interactions: one acknowledgement each, valid bodies, no pings, no crash`, async () => {
    const actions = fc.sample(action, { numRuns: TOTAL, seed: SEED });
    const pressable: { customId: string; userId: string }[] = [];
    const problems: string[] = [];
    const kinds: Record<string, number> = {};
    const started = performance.now();
    for (let from = 0; from < actions.length; from += WAVE) {
      const wave = actions.slice(from, from + WAVE).map((a, k): Action => {
        const real = pressable[(from + k) % Math.max(1, pressable.length)];
        return (from + k) % REAL_BUTTON_EVERY === 0 && real ? { kind: "button", ...real } : a;
      });
      const ids = wave.map((a) => send(run.fake, a));
      await Promise.all(ids.map((id) => run.fake.waitForCallback(id, 10_000)));
      // Deferred answers arrive as an edit after the acknowledgement.
      await sleep(30);
      ids.forEach((id, k) => {
        const a = wave[k]!;
        const kind = a.kind === "button" ? a.kind : `${a.kind} ${a.name}`;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        for (const p of replyProblems(run.fake, id)) problems.push(`${JSON.stringify(a).slice(0, 300)}: ${p}`);
        for (const { body } of bodiesOf(run.fake, id)) {
          for (const customId of buttonIds(body)) if (pressable.length < 500) pressable.push({ customId, userId: a.userId });
        }
      });
    }
    const ms = performance.now() - started;
    console.log(`discord fuzz: ${TOTAL} interactions in ${ms.toFixed(0)} ms (${JSON.stringify(kinds)}); ${pressable.length} real buttons pressed from; ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(refusedRequests(run.fake).slice(0, 20)).toEqual([]);
    expect(run.logs.filter((l) => /interaction failed|could not tell/.test(l)).slice(0, 5)).toEqual([]);
  }, 120_000);

  it("quotes of an article full of mentions and markdown can never ping, format-break or spoof an attribution", async () => {
    const asks = [
      "who in the town would get a vote on the river bridge",
      "bold claims about the bridge cost",
      "quote from the bridge report cost doubled",
      "link to the bridge plans posted online",
      "fake attribution under the bridge vote notice",
      "code fenced text about the bridge council report",
      "bridge heading vote on Friday",
    ];
    const sources: Record<string, string | number>[] = [{ id: HOSTILE_ID }, { id: HOSTILE_ID, paragraph: "1-7" }, { id: HOSTILE_ID, find: "bridge" }, { id: HOSTILE_ID, find: "@everyone" }, { id: HOSTILE_ID, page: 2 }];
    const ids = [
      ...asks.map((question) => run.fake.sendCommand("ask", { question })),
      ...sources.map((o) => run.fake.sendCommand("source", o)),
    ];
    const compares = ["injured", "people", ""].map((topic) => run.fake.sendCommand("compare", topic ? { topic } : {}));
    await Promise.all([...ids, ...compares].map((id) => run.fake.waitForCallback(id)));
    await sleep(100);
    // The hostile figure is not in the most reported event: turn the /compare pages to reach it.
    const presses = compares.flatMap((id) => bodiesOf(run.fake, id).flatMap((b) => buttonIds(b.body)).map((customId) => run.fake.sendButton(customId)));
    await Promise.all(presses.map((id) => run.fake.waitForCallback(id)));
    await sleep(100);
    ids.push(...compares, ...presses);
    const compareText = [...compares, ...presses].map((id) => replyText(run.fake, id)).join("\n");
    expect(compareText).toContain("near the bridge on Monday");
    const all = ids.map((id) => replyText(run.fake, id)).join("\n");
    for (const id of ids) expect(replyProblems(run.fake, id)).toEqual([]);

    // The hostile sentences were quoted (the checks below are not vacuous)…
    for (const marker of ["near the bridge on Monday", "everyone in the town", "claims about the bridge cost", "quote from the bridge report", "link", "Fake attribution", "fenced", "bridge heading"]) {
      expect(all, marker).toContain(marker);
    }
    // …and every construct in them arrives inert.
    expect(all).not.toMatch(/@(everyone|here)/i);
    expect(all).not.toMatch(/<@&?\d+>/);
    expect(all).not.toMatch(/(^|[^\\])\*\*bold\*\* claims/m);
    expect(all).not.toMatch(/(^|[^\\])_\\?_underlined/m);
    expect(all).not.toMatch(/(^|[^\\])\|\|hidden/m);
    expect(all).not.toMatch(/(^|[^\\])\[link\]\(http/m);
    expect(all).not.toMatch(/(^|[^\\])\[cited\]\(http/m);
    expect(all).not.toMatch(/(^|[^\\])\*\*statement\*\* that/m);
    expect(all).not.toMatch(/(^|[^\\])```fenced/m);
    expect(all).not.toMatch(/(^|[^\\])> quote from/m);
    expect(all).not.toMatch(/^#{1,3} The bridge heading/m);
    // An attribution line is only ever the bot's own: "— **id** · …"; the fake one stays inside its quote.
    for (const line of all.split("\n")) {
      if (line.startsWith("— ")) expect(line).toMatch(/^— \*\*\d+\*\*/);
      if (line.includes("Fake attribution")) expect(line).toMatch(/^(> |`\d+` |• |Sentences matching)/);
    }
  });
});
