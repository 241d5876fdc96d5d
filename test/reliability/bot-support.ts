/**
 * The real bot (startBot: an unmodified discord.js Client) on the loopback fake Discord, serving a
 * corpus of the test's choosing, with its log lines captured; and the checks every reply must pass.
 */
import fc from "fast-check";
import { Engine } from "../../src/engine/engine";
import type { EngineBuilder } from "../../src/engine/holder";
import type { CommandModule } from "../../src/discord/command";
import { payloadViolations } from "../../src/discord/truncate";
import { containsLiveMention } from "../../src/discord/escape";
import { APOLOGY } from "../../src/discord/router";
import { ACK_CALLBACK_TYPES, type FakeDiscord, type Json } from "../support/fake-discord";
import { OWNER_ID, startHarness, visibleText, type Harness } from "../discord/harness";
import { HOSTILE_ID, hostileText, numberText } from "./hostile";

export type BotRun = Harness;

export interface BotRunOptions {
  build: EngineBuilder;
  token?: string;
  cooldownSeconds?: number;
  fake?: FakeDiscord;
  commands?: readonly CommandModule[];
}

/** The end-to-end harness, started from the test's own corpus (its admin: the harness's OWNER_ID). */
export function startBotRun(options: BotRunOptions): Promise<BotRun> {
  return startHarness({ ...options, startFromBuild: true });
}

export const openDir = (dir: string): EngineBuilder => () => Engine.open(dir);

/** Every message body the bot sent for one interaction: callback data, edits of the reply, follow-ups. */
export function bodiesOf(fake: FakeDiscord, id: string): { where: string; body: Json }[] {
  const token = fake.interaction(id)?.token ?? ""; // an unknown interaction has none
  return [
    ...fake.callbacks(id).map((c) => ({ where: `callback type ${c.type}`, body: c.data ?? {} })),
    ...fake.webhookEdits(token).map((w) => ({ where: "edit", body: w.body })),
    ...fake.followUps(token).map((w) => ({ where: "follow-up", body: w.body })),
  ];
}

/** All a user saw of the bot's answer to one interaction, body after body. */
export function replyText(fake: FakeDiscord, id: string): string {
  return bodiesOf(fake, id).map((b) => visibleText(b.body)).join("\n");
}

/** Why the bot's handling of one interaction is not acceptable; empty when it is. */
export function replyProblems(fake: FakeDiscord, id: string): string[] {
  if (!fake.interaction(id)) return [`${id}: unknown to the fake`];
  const problems: string[] = [];
  const acks = fake.callbacks(id).filter((c) => ACK_CALLBACK_TYPES.has(c.type));
  if (acks.length !== 1) problems.push(`${acks.length} acknowledgements`);
  for (const { where, body } of bodiesOf(fake, id)) {
    for (const v of payloadViolations(body)) problems.push(`${where}: ${v}`);
    const text = visibleText(body);
    const carriesText = body.content !== undefined || (body.embeds?.length ?? 0) > 0;
    if (carriesText && JSON.stringify(body.allowed_mentions?.parse) !== "[]") problems.push(`${where}: allowed_mentions.parse is ${JSON.stringify(body.allowed_mentions?.parse)}`);
    if (containsLiveMention(text)) problems.push(`${where}: live mention in ${JSON.stringify(text.slice(0, 300))}`);
    if (text.includes(APOLOGY)) problems.push(`${where}: the error apology (a command threw)`);
  }
  return problems;
}

/** HTTP requests of the bot that Discord refused (bad form body, double acknowledgement, unknown interaction). */
export function refusedRequests(fake: FakeDiscord): string[] {
  return fake.requests.filter((r) => r.status >= 400 && !fake.unknownRequests.includes(r)).map((r) => `${r.method} ${r.path} → ${r.status}`);
}

// ---------- generated interactions ----------

export type Action =
  | { kind: "command"; name: string; options: Record<string, string | number>; userId: string }
  | { kind: "autocomplete"; name: string; options: Record<string, string>; focused: string; userId: string }
  | { kind: "button"; customId: string; userId: string };

const userId = fc.constantFrom("500000000000000001", "500000000000000002", "500000000000000003", OWNER_ID.replace(/4$/, "5"));
/** Discord's integer options are 53-bit safe; the fuzz also tries values Discord would have refused. */
const integer = fc.oneof(fc.constantFrom(-1, 0, 1, 2, 3, 99_999, 2 ** 31, Number.MAX_SAFE_INTEGER, -(2 ** 31)), fc.integer());
const id = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(HOSTILE_ID, "0", "1", "3", "003", "00000000000000000009") }, { weight: 1, arbitrary: numberText }, { weight: 1, arbitrary: hostileText });

/** Drops optional options the user left out (Discord sends no empty optional string). Required ones are always sent. */
const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string | number>;

export const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ q: hostileText, u: userId }).map(({ q, u }) => ({ kind: "command" as const, name: "ask", options: { question: q }, userId: u })) },
  { weight: 2, arbitrary: fc.record({ t: fc.option(hostileText, { nil: undefined }), u: userId }).map(({ t, u }) => ({ kind: "command" as const, name: "compare", options: defined({ topic: t }), userId: u })) },
  {
    weight: 4,
    arbitrary: fc
      .record({ id: fc.option(id, { nil: undefined }), page: fc.option(integer, { nil: undefined }), paragraph: fc.option(numberText, { nil: undefined }), find: fc.option(hostileText, { nil: undefined }), u: userId }, { requiredKeys: ["u"] })
      .map(({ u, ...o }) => ({ kind: "command" as const, name: "source", options: defined(o), userId: u })),
  },
  { weight: 1, arbitrary: fc.record({ n: fc.constantFrom("help", "reload", "nosuchcommand"), u: userId }).map(({ n, u }) => ({ kind: "command" as const, name: n, options: {}, userId: u })) },
  {
    weight: 3,
    arbitrary: fc.record({ n: fc.constantFrom("ask:question", "source:id", "compare:topic"), v: fc.oneof(hostileText, numberText), u: userId }).map(({ n, v, u }) => {
      const [name, option] = n.split(":") as [string, string];
      return { kind: "autocomplete" as const, name, options: { [option]: v }, focused: option, userId: u };
    }),
  },
  { weight: 1, arbitrary: fc.record({ c: fc.oneof(hostileText.map((s) => s.slice(0, 100) || "x"), fc.constantFrom("page:ask:1:2", "p|0|1", "next", "x".repeat(100))), u: userId }).map(({ c, u }) => ({ kind: "button" as const, customId: c, userId: u })) },
);

/** Sends one generated action to the fake Discord; returns the interaction id. */
export function send(fake: FakeDiscord, a: Action): string {
  if (a.kind === "command") return fake.sendCommand(a.name, a.options, { userId: a.userId });
  if (a.kind === "autocomplete") return fake.sendAutocomplete(a.name, a.options, a.focused, { userId: a.userId });
  return fake.sendButton(a.customId, { userId: a.userId });
}

/** Custom ids of the buttons in a body, to press them later (real page buttons). */
export function buttonIds(body: Json): string[] {
  return ((body.components ?? []) as Json[]).flatMap((row) => ((row.components ?? []) as Json[]).map((c) => c.custom_id as string).filter(Boolean));
}
