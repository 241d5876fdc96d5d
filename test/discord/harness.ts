/**
 * The real bot (startBot: a real discord.js Client) logged in to the loopback fake Discord, serving the
 * seed corpus. Shared by the end-to-end tests.
 */
import { loadConfig, type BotConfig } from "../../src/config";
import { Engine } from "../../src/engine/engine";
import { EngineHolder, type EngineBuilder } from "../../src/engine/holder";
import { startBot, type Bot } from "../../src/discord/bot";
import type { CommandModule } from "../../src/discord/command";
import { createLogger } from "../../src/discord/log";
import type { BotMetrics } from "../../src/health/metrics";
import { ACK_CALLBACK_TYPES, DEFAULT_USER_ID, FAKE_TOKEN, startFakeDiscord, type CallbackRecord, type FakeDiscord, type Json } from "../support/fake-discord";
import { SEED_DIR } from "../support/corpus";
import { sleep } from "../support/wait";

/** The user the fake sends interactions as, unless told otherwise. */
export const OWNER_ID = DEFAULT_USER_ID;
export const OTHER_USER_ID = "400000000000000099";
export const EPHEMERAL = 64;

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  holder: EngineHolder;
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  cooldownSeconds?: number;
  cooldownBurst?: number;
  pageIdleMs?: number;
  adminIds?: string[];
  commands?: readonly CommandModule[];
  build?: EngineBuilder;
  /** Reuse a running fake (to "restart" the bot against the same Discord). */
  fake?: FakeDiscord;
  /** Start from `build()` rather than the shared seed engine. */
  startFromBuild?: boolean;
  token?: string;
  /** More settings, as in .env (e.g. ADD_ROLE_IDS). */
  env?: Record<string, string>;
  /** Counts commands, as for the /metrics endpoint. */
  metrics?: BotMetrics;
}

let seedEngine: Promise<Engine> | undefined;
/** The seed corpus, indexed once per test file. */
export function seed(): Promise<Engine> {
  return (seedEngine ??= Engine.open(SEED_DIR));
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = options.fake ?? (await startFakeDiscord({ log: () => {} }));
  const config = loadConfig({
    DISCORD_TOKEN: options.token ?? FAKE_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
    ...(options.cooldownBurst ? { COOLDOWN_BURST: String(options.cooldownBurst) } : {}),
    ADMIN_IDS: (options.adminIds ?? [OWNER_ID]).join(","),
    LOG_LEVEL: "debug",
    ...options.env,
  }) as BotConfig;
  const build = options.build ?? (() => Engine.open(SEED_DIR));
  const holder = options.startFromBuild ? await EngineHolder.open(build) : new EngineHolder(await seed(), build);
  const logs: string[] = [];
  const bot = await startBot({
    config,
    engineHolder: holder,
    log: createLogger("debug", (_level, line) => logs.push(line)),
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.pageIdleMs !== undefined ? { pageIdleMs: options.pageIdleMs } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    rest: { globalRequestsPerSecond: 100_000 },
  });
  // Tests start from a settled bot: the warm-up's turns would interleave with the interactions they time.
  await bot.warmed;
  return {
    fake,
    bot,
    holder,
    logs,
    async close() {
      await bot.stop(); // always before the fake closes, or the client starts reconnecting
      if (!options.fake) await fake.close();
    },
  };
}

/** The single acknowledgement of an interaction (fails the test on none or several). */
export async function onlyCallback(fake: FakeDiscord, id: string): Promise<CallbackRecord> {
  const callbacks = await fake.waitForCallback(id);
  await sleep(20); // a second acknowledgement would arrive right behind
  const acks = fake.callbacks(id).filter((c) => ACK_CALLBACK_TYPES.has(c.type));
  if (acks.length !== 1) throw new Error(`expected exactly one acknowledgement of ${id}, got ${acks.length}`);
  return callbacks[0] as CallbackRecord;
}

/** The buttons of a message body's first action row. */
export function buttons(body: Json): Json[] {
  return (body.components?.[0]?.components ?? []) as Json[];
}

/** Every text a user would see in a message body (content, embed parts), joined. */
export function visibleText(body: Json): string {
  const embeds = (body.embeds ?? []) as Json[];
  return [
    body.content ?? "",
    ...embeds.flatMap((e) => [e.title, e.description, e.footer?.text, e.author?.name, ...((e.fields ?? []) as Json[]).flatMap((f) => [f.name, f.value])]),
  ]
    .filter(Boolean)
    .join("\n");
}
