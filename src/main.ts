/**
 * `npm start`: with DISCORD_TOKEN set, the Discord bot; without it, the local console that answers
 * the same commands.
 */
import "dotenv/config";
import { installProcessGuards, scrubOutput } from "./process/safety";
import { parseArgs } from "./cli/args";
import { openEngine, rebuildEngine } from "./cli/start";
import { runConsole } from "./cli/console";
import { ConfigError, loadConfig, requireBotConfig, type BotConfig, type Config } from "./config";
import { EngineHolder } from "./engine/holder";
import { startBot } from "./discord/bot";
import { createLogger } from "./discord/log";
import { folderSignature, watchCorpus, type CorpusWatcher } from "./engine/watch";

// First of all: nothing printed from here on (our logs, discord.js, a crash) can show the token, and a
// stray rejection is logged instead of ending the process.
const token = process.env.DISCORD_TOKEN?.trim() ?? "";
if (token) scrubOutput([token]);
installProcessGuards({ secrets: token ? [token] : [] });

const args = parseArgs(process.argv.slice(2));

if (token) {
  await runBot(readConfig());
} else {
  const config = readConsoleConfig();
  const loadedSignature = folderSignature(args.corpus);
  const initial = await openEngine(args.corpus);
  const holder = new EngineHolder(initial, () => rebuildEngine(args.corpus));
  const watcher = startWatching(holder, config, loadedSignature, (line) => console.error(line));
  await runConsole(() => holder.current, args.json, args.chart);
  await watcher?.close();
}

function readConfig(): BotConfig {
  try {
    const config = requireBotConfig(loadConfig());
    // Only the config object holds the token now: child processes and environment dumps never see it.
    delete process.env.DISCORD_TOKEN;
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function runBot(config: BotConfig): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  // Taken before the engine is built: a file changed while it builds or while logging in is reloaded.
  const loadedSignature = folderSignature(args.corpus);
  const initial = await openEngine(args.corpus);
  // Reloads re-read the same folder; a failed one keeps the engine that is serving.
  const engineHolder = new EngineHolder(initial, () => rebuildEngine(args.corpus));
  let bot;
  try {
    bot = await startBot({ config, engineHolder, log });
  } catch (error) {
    log.error(`could not log in to Discord: ${error instanceof Error ? error.message : String(error)} (check DISCORD_TOKEN)`);
    process.exit(1);
  }
  const watcher = startWatching(engineHolder, config, loadedSignature, (line) => log.info(line));
  const shutdown = (signal: string) => {
    log.info(`${signal}: shutting down`);
    void Promise.all([watcher?.close(), bot.stop()]).finally(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

/** The console needs no token, but the same settings apply (CORPUS_WATCH, CORPUS_POLL_MS, …). */
function readConsoleConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Rebuilds the index when the corpus folder changes, unless CORPUS_WATCH=off. */
function startWatching(holder: EngineHolder, config: Config, loadedSignature: string, log: (line: string) => void): CorpusWatcher | null {
  if (config.CORPUS_WATCH === "off") return null;
  return watchCorpus(args.corpus, holder, { log, pollMs: config.CORPUS_POLL_MS, loadedSignature });
}
