/**
 * `npm run deploy`: registers the slash commands with Discord — in one server when DISCORD_GUILD_ID is
 * set (instant; for a study server), globally otherwise (can take a while to reach every client).
 */
import "dotenv/config";
import { pathToFileURL } from "node:url";
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from "discord.js";
import { ConfigError, loadConfig, requireDeployConfig, type DeployConfig } from "../config";
import { commands } from "../../commands";

export interface DeployResult {
  scope: "guild" | "global";
  names: string[];
}

/** The JSON bodies of every command, as Discord takes them. */
export function commandBodies() {
  return commands.map((c) => c.data.toJSON());
}

export async function deployCommands(config: DeployConfig): Promise<DeployResult> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  const result = (await rest.put(route, { body: commandBodies() })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.DISCORD_GUILD_ID ? "guild" : "global", names: result.map((c) => c.name) };
}

async function main(): Promise<void> {
  try {
    const config = requireDeployConfig(loadConfig());
    const { scope, names } = await deployCommands(config);
    const where = scope === "guild" ? `server ${config.DISCORD_GUILD_ID} (available now)` : "every server (global: may take up to an hour to appear)";
    console.log(`Registered ${names.length} command(s) in ${where}: ${names.map((n) => `/${n}`).join(" ")}`);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `Deploy failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
