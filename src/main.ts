/**
 * `npm start`: with DISCORD_TOKEN set, the Discord bot; without it, the local console that answers
 * the same commands.
 */
import "dotenv/config";
import { parseArgs } from "./cli/args";
import { openEngine } from "./cli/start";
import { runConsole } from "./cli/console";

const args = parseArgs(process.argv.slice(2));
if (process.env.DISCORD_TOKEN) {
  console.error("DISCORD_TOKEN is set, but the Discord client is not part of this version yet; starting the console.");
}
const engine = await openEngine(args.corpus);
await runConsole(engine, args.json);
