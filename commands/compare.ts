/** `/compare topic:` — the figures the articles give on a topic, grouped by event, with a chart. */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { privateOption, type BotContext } from "../src/discord/command";
import { renderComparePage, renderCompareTopics } from "../src/discord/render-compare";
import { chartAttachment } from "../src/discord/chart";
import { pageReply, paged, userError, type Reply } from "../src/discord/reply";

export const TOPIC_MAX = 100;

export const data = new SlashCommandBuilder()
  .setName("compare")
  .setDescription("The figures the articles report on a topic (deaths, arrests…), side by side")
  .addStringOption((o) =>
    o.setName("topic").setDescription("What to compare, like deaths or injured; empty lists the topics").setMaxLength(TOPIC_MAX).setAutocomplete(true),
  )
  .addBooleanOption(privateOption);

/** Drawing a chart can take longer than a second. */
export const defer = "public";

export function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
  return page([interaction.options.getString("topic") ?? ""], 1, ctx);
}

export function page(args: string[], index: number, ctx: BotContext): Reply {
  const topic = args[0] ?? "";
  const answer = ctx.holder.current.compare(topic);
  const state = { command: "compare", args: [topic] };
  if ("error" in answer) return userError(answer.error, answer.suggestions);
  if ("topics" in answer) return paged(renderCompareTopics(answer), index, state);
  // Only the page shown is rendered, and only its chart drawn (the renderer asks for it on an event's first page).
  const shown = renderComparePage(answer, index, (group) => chartAttachment(group, answer.topic, ctx.log));
  return pageReply(shown.page, shown.index, shown.count, state);
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return ctx.holder.current.compareChoices(interaction.options.getFocused());
}
