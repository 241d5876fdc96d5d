/** `/compare topic:` — the figures the articles give on a topic, side by side, with a chart. */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/discord/command";
import { userError, type Reply } from "../src/discord/reply";

export const TOPIC_MAX = 100;

export const data = new SlashCommandBuilder()
  .setName("compare")
  .setDescription("The figures the articles report on a topic (deaths, arrests…), side by side")
  .addStringOption((o) =>
    o.setName("topic").setDescription("What to compare, like deaths or injured; empty lists the topics").setMaxLength(TOPIC_MAX).setAutocomplete(true),
  );

/** Charts take a moment to draw. */
export const defer = "public";

export function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
  return page([interaction.options.getString("topic") ?? ""], 1, ctx);
}

export function page(_args: string[], _index: number, _ctx: BotContext): Reply {
  return userError("/compare is not available in this version yet.");
}

export function autocomplete(_interaction: AutocompleteInteraction, _ctx: BotContext) {
  return [];
}
