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
import { warmUpInTurns, warmUpSwapped } from "../engine/warm";
import type { BotMetrics } from "../health/metrics";
import { plural } from "../text/plural";

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
  /** Settles when the start's warm-up is done (with its milliseconds; rejected if it failed). */
  warmed: Promise<number>;
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
  // Autocomplete must answer within 3 s and cannot be deferred: the first user after a start or a reload
  // must not be the one who waits for what the engine builds or compiles on first use. At start the
  // engine is warmed a step per turn of the event loop while the bot logs in, so that interactions
  // arriving meanwhile are handled between steps; a reload's engine is built on as it is swapped in.
  const warming = warmUpInTurns(engineHolder.current);
  warming.catch(() => {}); // reported once logged in; a failed login must not leave it unhandled
  const warmFailed = (error: unknown) => log.warn("warm-up failed; the first questions will be slower", { error });
  const stopWarming = engineHolder.onSwap((engine) => log.debug("warmed the new engine", { ms: warmUpSwapped(engine) }));
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
  log.info(`logged in as ${readyClient.user.tag}, serving ${plural(engineHolder.current.articles.length, "article")}`);
  void warming.then((ms) => log.info(`warmed up in ${ms} ms`), warmFailed);

  let stopped = false;
  return {
    client: readyClient,
    router,
    warmed: warming,
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
