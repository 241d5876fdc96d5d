// End to end through the fake Discord: what a study group sees in replies — private answers, the
// cooldown's burst, one autocomplete choice per stem, unknown options and unknown articles named as such,
// real plurals, and a paging note without a raw user id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/engine/engine";
import { articleText, writeCorpus } from "../support/corpus";
import { buttons, EPHEMERAL, onlyCallback, seed, startHarness, visibleText, type Harness } from "./harness";
import { until } from "../support/wait";

/** Invented articles: "claimed" is the most frequent form of its stem, "claiming" the rarest. */
function stemCorpus(): string {
  const body = (n: number) => [
    `The group claimed the blast on day ${n}. Officials said the group claimed it twice and claimed more.`,
    `A spokesman claims nothing. Witnesses claim they saw a van, and the mayor kept claiming calm.`,
    `Rescue teams searched the harbour district for a third night as rain fell on the city.`,
  ];
  return writeCorpus({
    "001_harbour.txt": articleText("Harbour blast claimed by group", body(1)),
    "002_rescue.txt": articleText("Rescue teams search the harbour", body(2)),
    "003_mayor.txt": articleText("Mayor calls for calm", body(3)),
  });
}

describe("replies a study group sees", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("private: keeps /ask, /source and /compare answers to the asker", async () => {
    const engine = await seed();
    const ask = await onlyCallback(h.fake, h.fake.sendCommand("ask", { question: "who claimed the attack", private: true }));
    expect(ask.type).toBe(4);
    expect(ask.flags).toBe(EPHEMERAL);
    expect(ask.data.embeds.length).toBeGreaterThan(0);
    const source = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: engine.articles[0]!.id, private: true }));
    expect(source.flags).toBe(EPHEMERAL);
    expect(source.data.embeds[0].title).toContain(engine.articles[0]!.id);
    const shown = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: engine.articles[0]!.id, private: false }));
    expect(shown.flags ?? 0).toBe(0);
    const compare = await onlyCallback(h.fake, h.fake.sendCommand("compare", { topic: engine.compareChoices("")[0]!.value, private: true }));
    expect(compare.type).toBe(5);
    expect(compare.flags).toBe(EPHEMERAL);
  });

  it("/source 3 foo:bar names the unknown option and the options /source takes", async () => {
    const reply = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: "3 foo:bar" }));
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.data.content).toContain("Unknown option foo: /source takes page, paragraph, find, summary, private");
  });

  it("an unknown id and unknown words get the same kind of answer: the closest articles with their titles", async () => {
    const engine = await seed();
    const byNumber = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: "999" }));
    const byWords = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: "abc" }));
    const listed = (text: string) => engine.articles.filter((a) => text.includes(`${a.id} · `)).length;
    expect(listed(byNumber.data.content)).toBe(3);
    expect(listed(byWords.data.content)).toBe(3);
    // The closest id to 999 is the last one.
    expect(byNumber.data.content).toContain(`${engine.articles.at(-1)!.id} · `);
  });

  it("writes real plurals", async () => {
    const engine = await seed();
    const list = await onlyCallback(h.fake, h.fake.sendCommand("source"));
    const text = visibleText(list.data);
    expect(text).toContain(`${engine.articles.length} articles`);
    expect(text).not.toMatch(/\(s\)/);
  });
});

describe("cooldown through Discord", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ cooldownSeconds: 30 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers a burst of four, refuses the fifth saying when to retry; autocomplete and page turns never count", async () => {
    const engine = await seed();
    const paged = engine.articles.find((a) => {
      const s = engine.source({ id: a.id });
      return "pageCount" in s && s.pageCount >= 3;
    })!;
    const first = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: paged.id }));
    const message = [...h.fake.messages.values()].find((m) => m.interaction_metadata?.id === first.interactionId);
    for (let i = 0; i < 5; i++) {
      expect((await onlyCallback(h.fake, h.fake.sendAutocomplete("source", { id: "" }, "id"))).type).toBe(8);
    }
    const turned = await onlyCallback(h.fake, h.fake.sendButton(buttons(first.data)[2]!.custom_id, { messageId: message?.id }));
    expect(turned.type).toBe(7);
    for (let i = 0; i < 3; i++) {
      const reply = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: paged.id }));
      expect(reply.flags ?? 0).toBe(0);
    }
    const refused = await onlyCallback(h.fake, h.fake.sendCommand("source", { id: paged.id }));
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.data.content).toMatch(/try \/source again in (2\d|30) s/);
    // Another command is its own family.
    expect((await onlyCallback(h.fake, h.fake.sendCommand("help"))).data.embeds).toBeDefined();
  });
});

describe("/ask autocomplete", () => {
  let h: Harness;
  beforeAll(async () => {
    const dir = stemCorpus();
    h = await startHarness({ build: () => Engine.open(dir), startFromBuild: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("offers one completion per stem, in its most frequent form", async () => {
    const id = h.fake.sendAutocomplete("ask", { question: "who cla" }, "question");
    await until(() => h.fake.callbacks(id).length > 0, "the choices");
    const choices = (h.fake.callbacks(id)[0]!.data.choices as { value: string }[]).map((c) => c.value);
    expect(choices).toContain("who claimed");
    expect(choices.filter((c) => /^who claim/.test(c))).toEqual(["who claimed"]);
  });
});
