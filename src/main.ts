/**
 * `npm start`: with DISCORD_TOKEN set, the Discord bot; without it, the local console that answers
 * the same commands.
 */
import "dotenv/config";
import { parseArgs } from "./cli/args";
import { openEngine } from "./cli/start";
import { runConsole } from "./cli/console";
import { ConfigError, loadConfig, requireBotConfig, type BotConfig } from "./config";
import { Engine } from "./engine/engine";
import { EngineHolder } from "./engine/holder";
import { startBot } from "./discord/bot";
import { createLogger } from "./discord/log";

const args = parseArgs(process.argv.slice(2));

if (process.env.DISCORD_TOKEN?.trim()) {
  await runBot(readConfig());
} else {
  const engine = await openEngine(args.corpus);
  await runConsole(engine, args.json);
}

function readConfig(): BotConfig {
  try {
    return requireBotConfig(loadConfig());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function runBot(config: BotConfig): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  const initial = await openEngine(args.corpus);
  // Reloads re-read the same folder; a failed one keeps the engine that is serving.
  const engineHolder = new EngineHolder(initial, () => Engine.open(args.corpus));
  let bot;
  try {
    bot = await startBot({ config, engineHolder, log });
  } catch (error) {
    log.error(`could not log in to Discord: ${error instanceof Error ? error.message : String(error)} (check DISCORD_TOKEN)`);
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    log.info(`${signal}: shutting down`);
    void bot.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}
