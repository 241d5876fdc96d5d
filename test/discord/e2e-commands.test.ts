// End to end: the real bot (discord.js Client) against the loopback fake Discord, every command with
// good and bad options, checking exactly what Discord would receive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlashCommandBuilder } from "discord.js";
import { payloadViolations } from "../../src/discord/truncate";
import { commands } from "../../commands";
import type { CommandModule } from "../../src/discord/command";
import type { CallbackRecord, Json } from "../support/fake-discord";
import { EPHEMERAL, onlyCallback, seed, startHarness, visibleText, type Harness } from "./harness";
import { sleep, until } from "../support/wait";
import { FIGURES_PER_PAGE } from "../../src/discord/render-compare";

/** A command that always fails unexpectedly, to exercise the one error path. */
const boom: CommandModule = {
  data: new SlashCommandBuilder()
    .setName("boom")
    .setDescription("fails")
    .addStringOption((o) => o.setName("why").setDescription("why")),
  execute() {
    throw new Error("kaboom");
  },
  autocomplete() {
    throw new Error("kaboom in autocomplete");
  },
};

function expectValid(callback: CallbackRecord): void {
  expect(payloadViolations({ type: callback.type, data: callback.data })).toEqual([]);
  if (callback.type === 4 || callback.type === 7) expect(callback.allowedMentions).toEqual({ parse: [] });
}

function expectEphemeralNote(callback: CallbackRecord, pattern: RegExp): void {
  expect(callback.type).toBe(4);
  expect(callback.flags).toBe(EPHEMERAL);
  expect(callback.data.content).toMatch(pattern);
  expectValid(callback);
}

describe("Discord bot end to end (real client, fake Discord)", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ commands: [...commands, boom] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("logs in with the Guilds intent only", () => {
    expect(h.bot.client.options.intents.bitfield).toBe(1);
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [] });
  });

  it("/help answers privately with one field per command", async () => {
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("help"));
    expect(reply.type).toBe(4);
    expect(reply.flags).toBe(EPHEMERAL);
    const fields = reply.data.embeds[0].fields as Json[];
    expect(fields.map((f) => f.name).join(" ")).toMatch(/\/ask.*\/compare.*\/source/);
    expectValid(reply);
  });

  it("/ask quotes passages verbatim with attribution and the query words in bold", async () => {
    const engine = await seed();
    const question = "who claimed responsibility for the attack";
    const answer = engine.ask(question);
    if ("error" in answer || answer.results.length === 0) throw new Error("the seed corpus should answer this");
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question }));
    expect(reply.type).toBe(4);
    expect(reply.flags ?? 0).toBe(0);
    expectValid(reply);
    const description = reply.data.embeds[0].description as string;
    expect(description.startsWith("> ")).toBe(true);
    expect(description).toContain("**");
    const first = answer.results[0]!;
    expect(description).toContain(`**${first.articleId}**`);
    expect(description).toContain(`¶ ${first.paragraph}`);
    // The shown quote, markup removed, is the start of the verbatim article text.
    const shown = description.split("\n")[0]!.slice(2).replace(/\*\*/g, "").replace(/\\(.)/g, "$1").replace(/…$/, "");
    expect(first.quote.replace(/\s+/g, " ")).toContain(shown.trim());
  });

  it("/ask that finds nothing answers privately with what to try", async () => {
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question: "qwxzv plorkt fnargle" }));
    expectEphemeralNote(reply, /⚠️/);
  });

  it("/ask never pings: a quoted @everyone is neutralised and mentions are off", async () => {
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question: "@everyone what happened at the concert hall" }));
    expectValid(reply);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(visibleText(reply.data)).not.toMatch(/@everyone/);
  });

  it("/source without an id lists the articles", async () => {
    const engine = await seed();
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("source"));
    expect(reply.type).toBe(4);
    expectValid(reply);
    expect(reply.data.embeds[0].description).toContain(`\`${engine.articles[0]!.id}\``);
  });

  it("/source id shows the header, the summary and the first page with page buttons", async () => {
    const engine = await seed();
    const article = engine.articles.find((a) => {
      const s = engine.source({ id: a.id });
      return "pageCount" in s && s.pageCount > 1;
    })!;
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: article.id }));
    expect(reply.type).toBe(4);
    expectValid(reply);
    const [header, text] = reply.data.embeds as Json[];
    expect(header!.title).toContain(article.id);
    expect(header!.description).toMatch(/Summary/);
    expect(text!.title).toMatch(/page 1 of \d+/);
    expect(reply.data.components[0].components.map((b: Json) => b.label)).toEqual(["◀ Previous", expect.stringMatching(/^Page 1 of \d+$/), "Next ▶"]);
  });

  it("/source paragraph: and find: show the asked part", async () => {
    const engine = await seed();
    const article = engine.articles[0]!;
    const range = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: article.id, paragraph: "1-2" }));
    expectValid(range);
    expect(range.data.embeds[1].title).toMatch(/Paragraphs 1–2/);
    const word = article.paragraphs[0]!.text.split(/\s+/).find((w) => /^[A-Za-z]{6,}$/.test(w))!;
    const found = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: article.id, find: word }));
    expectValid(found);
    expect(found.data.embeds[1].title).toMatch(/Sentences matching/);
    expect(found.data.embeds[1].description).toContain("**");
  });

  it("/source with bad options answers privately and says what is valid", async () => {
    const engine = await seed();
    const id = engine.articles[0]!.id;
    expectEphemeralNote(await onlyCallback(h.fake, h.fake.sendCommand("source", { id: "99999" })), /⚠️/);
    expectEphemeralNote(await onlyCallback(h.fake, h.fake.sendCommand("source", { id, paragraph: "abc" })), /paragraph/);
    expectEphemeralNote(await onlyCallback(h.fake, h.fake.sendCommand("source", { id, page: 999 })), /page/);
    expectEphemeralNote(await onlyCallback(h.fake, h.fake.sendCommand("source", { id, paragraph: "9999" })), /paragraph/);
  });

  /** A deferred command's final message bodies: edits of the original, and follow-ups. */
  const afterDefer = async (id: string) => {
    const token = h.fake.interaction(id)!.token;
    await until(() => h.fake.webhookEdits(token).length + h.fake.followUps(token).length > 0, "the final message");
    await sleep(20);
    const all = [...h.fake.webhookEdits(token), ...h.fake.followUps(token)];
    for (const w of all) {
      expect(payloadViolations(w.body)).toEqual([]);
      expect(w.body.allowed_mentions).toEqual({ parse: [] });
    }
    return { edits: h.fake.webhookEdits(token), followUps: h.fake.followUps(token) };
  };

  it("/compare topic: defers, then shows the main event: the answer on top, one field per figure", async () => {
    const engine = await seed();
    const topic = engine.compareChoices("")[0]!.value;
    const answer = engine.compare(topic);
    if (!("groups" in answer)) throw new Error("the seed corpus should have figures to compare");
    const id = h.fake.sendCommand("compare", { topic });
    const first = await onlyCallback(h.fake, id);
    expect(first.type).toBe(5);
    expect(first.flags ?? 0).toBe(0);
    const { edits } = await afterDefer(id);
    const embed = edits[0]!.body.embeds[0] as Json;
    expect(embed.title).toContain(answer.groups[0]!.label);
    const main = answer.groups[0]!;
    expect((embed.fields as Json[]).length).toBe(Math.min(FIGURES_PER_PAGE, main.figures.length));
    expect((embed.fields as Json[])[0]!.name).toContain(main.figures[0]!.ref);
    // The answer on top: the latest figure first.
    if (main.figures.length > 1) expect(embed.description).toMatch(/^• (Latest|Last given)/m);
    // The chart of the main event is attached as a PNG and shown in the embed.
    expect(edits[0]!.files.map((f) => f.name)).toEqual(["chart.png"]);
    expect(edits[0]!.files[0]!.png?.length).toBeGreaterThan(1000);
    expect(embed.image?.url).toBe("attachment://chart.png");
    if (answer.groups.length > 1 || main.figures.length > 6) {
      expect(edits[0]!.body.components[0].components[1].label).toMatch(/^Page 1 of \d+$/);
    }
  });

  it("/compare without a topic lists the topics the articles disagree on", async () => {
    const id = h.fake.sendCommand("compare");
    expect((await onlyCallback(h.fake, id)).type).toBe(5);
    const { edits } = await afterDefer(id);
    expect(edits[0]!.body.embeds[0].title).toBe("Topics to compare");
  });

  it("/compare with an unknown topic removes the placeholder and answers privately with the topics there are", async () => {
    const id = h.fake.sendCommand("compare", { topic: "zzzz" });
    expect((await onlyCallback(h.fake, id)).type).toBe(5);
    const { followUps } = await afterDefer(id);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.body.flags).toBe(EPHEMERAL);
    expect(followUps[0]!.body.content).toMatch(/No figures on/);
    const deleted = h.fake.requests.filter((r) => r.method === "DELETE" && r.path.includes(h.fake.interaction(id)!.token));
    expect(deleted).toHaveLength(1);
  });

  it("an unknown command gets a private note", async () => {
    expectEphemeralNote(await onlyCallback(h.fake, h.fake.sendCommand("nosuch")), /npm run deploy/);
  });

  it("an unexpected error is logged with the command and options and answered with a private apology", async () => {
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("boom", { why: "testing" }));
    expectEphemeralNote(reply, /Sorry/);
    const line = h.logs.find((l) => l.includes("interaction failed"))!;
    expect(line).toContain('"command":"boom"');
    expect(line).toContain('"why":"testing"');
    expect(line).toContain("kaboom");
  });

  it("a failing autocomplete still answers, with no choices", async () => {
    const reply = await onlyCallback(h.fake, h.fake.sendAutocomplete("boom", { why: "x" }, "why"));
    expect(reply.type).toBe(8);
    expect(reply.data.choices).toEqual([]);
  });
});

describe("autocomplete", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownSeconds: 60 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const choicesOf = async (name: string, options: Record<string, string>, focused: string) => {
    const reply = await onlyCallback(h.fake, h.fake.sendAutocomplete(name, options, focused));
    expect(reply.type).toBe(8);
    expect(payloadViolations(reply.data)).toEqual([]);
    expect(reply.latencyMs).toBeLessThan(1000);
    return reply.data.choices as { name: string; value: string }[];
  };

  it("offers article ids with their titles, at most 25, names 1–100 characters", async () => {
    const engine = await seed();
    const all = await choicesOf("source", { id: "" }, "id");
    expect(all.length).toBe(Math.min(25, engine.articles.length));
    const one = await choicesOf("source", { id: engine.articles[1]!.id }, "id");
    expect(one[0]!.value).toBe(engine.articles[1]!.id);
    expect(one[0]!.name).toContain(engine.articles[1]!.id);
  });

  it("suggests /ask questions: the typed text, completions of the last word from the corpus", async () => {
    const engine = await seed();
    const word = engine.articles[0]!.paragraphs[0]!.text.split(/\s+/).find((w) => /^[a-z]{7,}$/.test(w))!;
    const typed = `what about ${word.slice(0, 4)}`;
    const choices = await choicesOf("ask", { question: typed }, "question");
    expect(choices[0]).toEqual({ name: typed, value: typed });
    expect(choices.some((c) => c.value === `what about ${word}`)).toBe(true);
    const empty = await choicesOf("ask", { question: "" }, "question");
    expect(empty.every((c) => c.name.length >= 1)).toBe(true);
  });

  it("offers /compare topics, and autocomplete is exempt from the cooldown", async () => {
    const engine = await seed();
    for (let i = 0; i < 3; i++) {
      const choices = await choicesOf("compare", { topic: "" }, "topic");
      expect(choices.length).toBeGreaterThan(0);
      expect(choices[0]!.value).toBe(engine.compareChoices("")[0]!.value);
    }
  });
});

describe("cooldown", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownSeconds: 3, cooldownBurst: 1 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a second command within the cooldown is refused privately with the seconds left; others are unaffected", async () => {
    const first = await onlyCallback(h.fake, h.fake.sendCommand("help"));
    expect(first.data.embeds).toBeDefined();
    const second = await onlyCallback(h.fake, h.fake.sendCommand("help"));
    expectEphemeralNote(second, /try \/help again in [1-3] s/);
    const other = await onlyCallback(h.fake, h.fake.sendCommand("help", {}, { userId: "400000000000000123" }));
    expect(other.data.embeds).toBeDefined();
  });
});
