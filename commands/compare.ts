/** `/compare topic:` — the figures the articles give on a topic, grouped by event, with a chart. */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/discord/command";
import { renderCompare, renderCompareTopics, FIGURES_PER_PAGE } from "../src/discord/render-compare";
import { drawCharts } from "../src/discord/chart";
import { paged, userError, type Reply } from "../src/discord/reply";

export const TOPIC_MAX = 100;

export const data = new SlashCommandBuilder()
  .setName("compare")
  .setDescription("The figures the articles report on a topic (deaths, arrests…), side by side")
  .addStringOption((o) =>
    o.setName("topic").setDescription("What to compare, like deaths or injured; empty lists the topics").setMaxLength(TOPIC_MAX).setAutocomplete(true),
  );

/** Drawing a chart can take longer than a second. */
export const defer = "public";

export function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
  return page([interaction.options.getString("topic") ?? ""], 1, ctx);
}

export async function page(args: string[], index: number, ctx: BotContext): Promise<Reply> {
  const topic = args[0] ?? "";
  const answer = ctx.holder.current.compare(topic);
  const state = { command: "compare", args: [topic] };
  if ("error" in answer) return userError(answer.error, answer.suggestions);
  if ("topics" in answer) return paged(renderCompareTopics(answer), index, state);
  // Only the chart of the page shown is drawn: find which group that page starts.
  const firstPages = groupFirstPages(answer.groups.map((g) => g.figures.length));
  const shownGroup = firstPages.indexOf(index);
  const charts = await drawCharts(answer.groups, answer.topic, shownGroup >= 0 ? [shownGroup] : [], ctx.log);
  return paged(renderCompare(answer, (_group, g) => charts.get(g)), index, state);
}

/** For each group, the 1-based page it starts on (groups longer than a page take several). */
function groupFirstPages(sizes: number[]): number[] {
  let next = 1;
  return sizes.map((n) => {
    const at = next;
    next += Math.max(1, Math.ceil(n / FIGURES_PER_PAGE));
    return at;
  });
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return ctx.holder.current.compareChoices(interaction.options.getFocused());
}
