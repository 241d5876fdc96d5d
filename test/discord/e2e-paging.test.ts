// End to end: page buttons under a paged answer — the owner turns pages, others get a private note,
// buttons are disabled after a time-out, and clicks after a restart are still answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payloadViolations } from "../../src/discord/truncate";
import { encodePageId, StateStore } from "../../src/discord/paging";
import { startFakeDiscord, type FakeDiscord, type Json } from "../support/fake-discord";
import { buttons, EPHEMERAL, OTHER_USER_ID, onlyCallback, OWNER_ID, seed, startHarness, type Harness } from "./harness";
import { until } from "../support/wait";

const IDLE_MS = 400;

async function pagedArticleId(): Promise<string> {
  const engine = await seed();
  const article = engine.articles.find((a) => {
    const s = engine.source({ id: a.id });
    return "pageCount" in s && s.pageCount >= 3;
  });
  if (!article) throw new Error("the seed corpus should have an article of 3 pages or more");
  return article.id;
}

/** The message the fake created for an interaction's reply. */
function replyMessage(fake: FakeDiscord, interactionId: string): Json {
  const message = [...fake.messages.values()].find((m) => m.interaction_metadata?.id === interactionId);
  if (!message) throw new Error(`no reply message for ${interactionId}`);
  return message;
}

describe("page buttons", () => {
  let fake: FakeDiscord;
  let h: Harness;
  let articleId: string;

  beforeAll(async () => {
    fake = await startFakeDiscord({ log: () => {} });
    h = await startHarness({ fake, pageIdleMs: IDLE_MS });
    articleId = await pagedArticleId();
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  it("the owner turns pages; another user is told privately that the buttons are not theirs", async () => {
    const commandId = fake.sendCommand("source", { id: articleId });
    const reply = await onlyCallback(fake, commandId);
    const message = replyMessage(fake, commandId);
    const [prev, label, next] = buttons(reply.data);
    expect(prev!.disabled).toBe(true);
    expect(label!.disabled).toBe(true);
    expect(next!.disabled).toBe(false);
    for (const b of [prev, label, next]) expect(b!.custom_id.length).toBeLessThanOrEqual(100);

    const other = await onlyCallback(fake, fake.sendButton(next!.custom_id, { messageId: message.id, userId: OTHER_USER_ID }));
    expect(other.type).toBe(4);
    expect(other.flags).toBe(EPHEMERAL);
    expect(other.data.content).toMatch(/Only the person who asked can turn these pages/);
    expect(other.data.content).not.toMatch(/<@|\d{17}/);
    expect(other.allowedMentions).toEqual({ parse: [] });

    const turned = await onlyCallback(fake, fake.sendButton(next!.custom_id, { messageId: message.id, userId: OWNER_ID }));
    expect(turned.type).toBe(7);
    expect(payloadViolations({ type: 7, data: turned.data })).toEqual([]);
    expect(turned.allowedMentions).toEqual({ parse: [] });
    expect(buttons(turned.data)[1]!.label).toMatch(/^Page 2 of \d+$/);
    expect(turned.data.embeds.at(-1).title).toMatch(/page 2 of/);
    expect(fake.message(message.id)?.embeds.at(-1).title).toMatch(/page 2 of/);

    const back = buttons(turned.data)[0]!;
    const again = await onlyCallback(fake, fake.sendButton(back.custom_id, { messageId: message.id }));
    expect(buttons(again.data)[1]!.label).toMatch(/^Page 1 of \d+$/);
  });

  it("a /compare page turn is deferred (the chart may take time) and then edits the message", async () => {
    const engine = await seed();
    const topic = engine.compareChoices("")[0]!.value;
    const commandId = fake.sendCommand("compare", { topic });
    await onlyCallback(fake, commandId);
    const [edit] = await fake.waitForWebhookEdit(fake.interaction(commandId)!.token);
    // The most contested topic of the seed corpus spans several events, so several pages.
    const next = buttons(edit!.body)[2];
    expect(next, `page buttons of /compare ${topic}`).toBeDefined();
    const message = replyMessage(fake, commandId);
    const click = fake.sendButton(next!.custom_id, { messageId: message.id });
    const ack = await onlyCallback(fake, click);
    expect(ack.type).toBe(6);
    const [turned] = await fake.waitForWebhookEdit(fake.interaction(click)!.token);
    expect(payloadViolations(turned!.body)).toEqual([]);
    expect(buttons(turned!.body)[1]!.label).toMatch(/^Page 2 of/);
    expect(turned!.body.allowed_mentions).toEqual({ parse: [] });
    // A page that starts an event carries that event's chart; one that continues an event carries none.
    const startsEvent = !/\(part [2-9]/.test(turned!.body.embeds[0].title as string);
    expect(turned!.files.map((f) => f.name)).toEqual(startsEvent ? ["chart.png"] : []);
  });

  it("disables the buttons after the idle time-out, through the last interaction that may edit the message", async () => {
    const commandId = fake.sendCommand("source", { id: articleId });
    const reply = await onlyCallback(fake, commandId);
    const message = replyMessage(fake, commandId);
    const click = fake.sendButton(buttons(reply.data)[2]!.custom_id, { messageId: message.id });
    await onlyCallback(fake, click);
    const clickToken = fake.interaction(click)!.token;
    const [edit] = await fake.waitForWebhookEdit(clickToken, 1, IDLE_MS * 10);
    expect(buttons(edit!.body).every((b) => b.disabled === true)).toBe(true);
    expect(edit!.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.message(message.id)?.components[0].components.every((b: Json) => b.disabled)).toBe(true);
    // The command's own countdown was replaced by the click's: one edit, not two.
    expect(fake.webhookEdits(fake.interaction(commandId)!.token)).toHaveLength(0);
    // A click that still arrives after the time-out (a stale client) is answered, never left to fail.
    const late = await onlyCallback(fake, fake.sendButton(buttons(reply.data)[2]!.custom_id, { messageId: message.id }));
    expect(late.type).toBe(7);
    expect(buttons(late.data)[1]!.label).toMatch(/^Page 2 of/);
  });

  it("after a restart, a click is answered by re-running the command; a click whose arguments were only in memory gets an 'expired' note", async () => {
    const commandId = fake.sendCommand("source", { id: articleId });
    const reply = await onlyCallback(fake, commandId);
    const message = replyMessage(fake, commandId);

    await h.close(); // the bot goes away, the Discord message and its buttons stay
    h = await startHarness({ fake, pageIdleMs: IDLE_MS });

    const turned = await onlyCallback(fake, fake.sendButton(buttons(reply.data)[2]!.custom_id, { messageId: message.id }));
    expect(turned.type).toBe(7);
    expect(buttons(turned.data)[1]!.label).toMatch(/^Page 2 of/);

    // A custom_id with hashed arguments, issued by the previous process (its memory is gone).
    const longFind = "word ".repeat(30).trim();
    const oldStore = new StateStore();
    const hashedId = encodePageId("next", 2, OWNER_ID, { command: "source", args: [articleId, "", longFind] }, oldStore);
    expect(hashedId).toContain("#");
    const expiredClick = fake.sendButton(hashedId, { messageId: message.id });
    const expired = await onlyCallback(fake, expiredClick);
    expect(expired.type).toBe(7);
    expect(buttons(expired.data).every((b) => b.disabled === true)).toBe(true);
    const token = fake.interaction(expiredClick)!.token;
    await until(() => fake.followUps(token).length === 1, "the expiry note");
    const note = fake.followUps(token)[0]!;
    expect(note.body.flags).toBe(EPHEMERAL);
    expect(note.body.content).toMatch(/expired/);
  });
});
