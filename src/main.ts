/**
 * `npm start`: with DISCORD_TOKEN set, the Discord bot; without it, the local console that answers
 * the same commands.
 */
import "dotenv/config";
import { installProcessGuards, scrubOutput } from "./process/safety";
import { parseArgs } from "./cli/args";
import { openEngine, rebuildEngine, type StartReporter } from "./cli/start";
import { openConsole } from "./cli/console";
import { ConfigError, loadConfig, requireBotConfig, type BotConfig, type Config } from "./config";
import { EngineHolder } from "./engine/holder";
import { createLogger, type Logger } from "./discord/log";
import { startHealthServer, type HealthServer, type HealthSources } from "./health/server";
import { folderSignature, watchCorpus, type CorpusWatcher } from "./engine/watch";

// First of all: nothing printed from here on (our logs, discord.js, a crash) can show the token, and a
// stray rejection is logged instead of ending the process.
const token = process.env.DISCORD_TOKEN?.trim() ?? "";
if (token) scrubOutput([token]);
const uninstallGuards = installProcessGuards({ secrets: token ? [token] : [] });

const args = parseArgs(process.argv.slice(2));

if (token) {
  await runBot(
    configOrExit(() => {
      const config = requireBotConfig(loadConfig());
      // Only the config object holds the token now: child processes and environment dumps never see it.
      delete process.env.DISCORD_TOKEN;
      return config;
    }),
  );
} else {
  // The console needs no token, but the same settings apply (CORPUS_WATCH, CORPUS_POLL_MS, …).
  const config = configOrExit(loadConfig);
  const { holder, loadedSignature } = await openHolder();
  const local = openConsole(() => holder.current, { json: args.json, chart: args.chart });
  const watcher = startWatching(holder, config, loadedSignature, (line) => local.notice(line));
  await local.run();
  await watcher?.close();
}

/** A bad configuration stops the start with its message (one line per bad value), not a stack trace. */
function configOrExit<T extends Config>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * The engine serving, in the holder that reloads it, and the folder's signature taken before it was built:
 * a file changed while it builds (or while the bot logs in) is reloaded.
 */
async function openHolder(report?: StartReporter): Promise<{ holder: EngineHolder; loadedSignature: string; ms: number }> {
  const started = performance.now();
  const loadedSignature = folderSignature(args.corpus);
  const initial = await openEngine(args.corpus, report);
  // Reloads re-read the same folder; a failed one keeps the engine that is serving.
  return { holder: new EngineHolder(initial, () => rebuildEngine(args.corpus, report)), loadedSignature, ms: performance.now() - started };
}

async function runBot(config: BotConfig): Promise<void> {
  const log = createLogger(config.LOG_LEVEL, undefined, config.LOG_FORMAT);
  // From here on a crash or a stray rejection is logged as everything else (one JSON line with LOG_FORMAT=json).
  uninstallGuards();
  installProcessGuards({ secrets: [config.DISCORD_TOKEN], log: (message) => log.error(message) });
  const { holder: engineHolder, loadedSignature, ms } = await openHolder(log);
  // prom-client is loaded only when the endpoint is asked for.
  const metrics = config.HEALTH_PORT === undefined ? undefined : new (await import("./health/metrics")).BotMetrics();
  metrics?.engineBuilt(ms, engineHolder.current.articles.length);
  if (metrics) engineHolder.onReload((result) => metrics.reloaded(result));
  // discord.js is loaded only here: the console starts without it.
  const { startBot } = await import("./discord/bot");
  let bot;
  try {
    bot = await startBot({ config, engineHolder, log, ...(metrics ? { metrics } : {}) });
  } catch (error) {
    log.error(`could not log in to Discord: ${error instanceof Error ? error.message : String(error)} (check DISCORD_TOKEN)`);
    process.exit(1);
  }
  const client = bot.client;
  const health = metrics && (await serveHealth(config, { holder: engineHolder, metrics, gatewayConnected: () => client.isReady() }, log));
  const watcher = startWatching(engineHolder, config, loadedSignature, (line) => log.info(line));
  const shutdown = (signal: string) => {
    log.info(`${signal}: shutting down`);
    void Promise.all([watcher?.close(), bot.stop(), health?.close()]).finally(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

/** The /healthz and /metrics endpoint, when HEALTH_PORT is set; a port that cannot be had stops the start. */
async function serveHealth(config: BotConfig, sources: HealthSources, log: Logger): Promise<HealthServer> {
  try {
    const server = await startHealthServer(sources, config.HEALTH_PORT!, config.HEALTH_HOST);
    log.info(`health endpoint on http://${config.HEALTH_HOST}:${server.port} (/healthz, /metrics)`);
    return server;
  } catch (error) {
    log.error(`cannot serve the health endpoint on ${config.HEALTH_HOST}:${config.HEALTH_PORT} (${(error as Error).message}); check HEALTH_PORT and HEALTH_HOST`);
    process.exit(1);
  }
}

/** Rebuilds the index when the corpus folder changes, unless CORPUS_WATCH=off. */
function startWatching(holder: EngineHolder, config: Config, loadedSignature: string, log: (line: string) => void): CorpusWatcher | null {
  if (config.CORPUS_WATCH === "off") return null;
  const knownWarnings = holder.current.corpus.warnings.map((w) => `${w.file}: ${w.message}`);
  return watchCorpus(args.corpus, holder, { log, pollMs: config.CORPUS_POLL_MS, loadedSignature, knownWarnings });
}
