/** `/help` — the commands and their options. */
import { SlashCommandBuilder } from "discord.js";
import { HELP } from "../src/engine/dispatch";
import { renderHelp } from "../src/discord/render";
import { message, type Reply } from "../src/discord/reply";

export const data = new SlashCommandBuilder().setName("help").setDescription("What this bot can do, and how to ask it");

export function execute(): Reply {
  return message(renderHelp(HELP), true);
}
