/**
 * The Discord bot as a function: log in with the Guilds intent only, route every interaction, stop
 * cleanly. `npm start` calls it; tests run it in-process against the loopback fake.
 */
import { Client, Events, GatewayIntentBits, type RESTOptions } from "discord.js";
import type { BotConfig } from "../config";
import type { EngineHolder } from "../engine/holder";
import type { CommandModule } from "./command";
import { createLogger, type Logger } from "./log";
import { Router } from "./router";
import { commands as allCommands } from "../../commands";
import type { Engine } from "../engine/engine";
import type { BotMetrics } from "../health/metrics";
import { plural } from "../text/plural";

/**
 * Builds what the engine builds lazily (the /source index; the /ask vocabulary is built with the index),
 * so the first user after a start or a reload is not the one who waits: autocomplete must answer within
 * 3 s and cannot be deferred. Returns the milliseconds spent.
 */
export function warmUp(engine: Engine): number {
  const started = performance.now();
  void engine.sources;
  return Math.round(performance.now() - started);
}

export interface BotOptions {
  config: BotConfig;
  engineHolder: EngineHolder;
  log?: Logger;
  commands?: readonly CommandModule[];
  /** Page buttons are disabled after this long without a click. */
  pageIdleMs?: number;
  /** Counts commands for the /metrics endpoint. */
  metrics?: BotMetrics;
  /** Extra REST options (tests raise `globalRequestsPerSecond`). */
  rest?: Partial<RESTOptions>;
}

export interface Bot {
  client: Client<true>;
  router: Router;
  /** Disarms timers and closes the gateway connection. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, engineHolder } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const router = new Router({ holder: engineHolder, config, log }, options.commands ?? allCommands, {
    cooldownSeconds: config.COOLDOWN_SECONDS,
    cooldownBurst: config.COOLDOWN_BURST,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.pageIdleMs !== undefined ? { pageIdleMs: options.pageIdleMs } : {}),
  });
  const warmMs = warmUp(engineHolder.current);
  // On a reload the new engine is warmed as it is swapped in, before the next interaction is handled.
  const stopWarming = engineHolder.onSwap((engine) => log.debug("warmed the new engine", { ms: warmUp(engine) }));
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), ...options.rest },
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => log.error("client error", { error }));
  client.on(Events.Warn, (message) => log.warn(message));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.DISCORD_TOKEN);
  } catch (error) {
    stopWarming();
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  log.info(`logged in as ${readyClient.user.tag}, serving ${plural(engineHolder.current.articles.length, "article")} (warm-up ${warmMs} ms)`);

  let stopped = false;
  return {
    client: readyClient,
    router,
    async stop() {
      if (stopped) return;
      stopped = true;
      router.stop();
      stopWarming();
      await client.destroy();
      log.info("disconnected");
    },
  };
}
