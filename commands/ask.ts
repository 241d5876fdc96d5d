/** `/ask question:` — passages that answer the question, quoted verbatim with their source. */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { privateOption, type BotContext } from "../src/discord/command";
import { renderAsk } from "../src/discord/render";
import { paged, userError, type Reply } from "../src/discord/reply";
import { askSuggestions } from "../src/discord/suggest";

/** Long enough for any real question, short enough to keep the search fast and the title readable. */
export const QUESTION_MAX = 500;

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Passages from the articles that answer your question, quoted with their source")
  .addStringOption((o) =>
    o.setName("question").setDescription("What you want to know, in your own words").setRequired(true).setMaxLength(QUESTION_MAX).setAutocomplete(true),
  )
  .addBooleanOption(privateOption);

export function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
  return page([interaction.options.getString("question", true)], 1, ctx);
}

export function page(args: string[], index: number, ctx: BotContext): Reply {
  const question = args[0] ?? "";
  const answer = ctx.holder.current.ask(question);
  if ("error" in answer) return userError(answer.error, answer.suggestions);
  if (answer.results.length === 0) {
    return userError(answer.notFound ?? `No passage answers “${question}”. Try other words, or one of these:`, answer.suggestions);
  }
  return paged(renderAsk(answer), index, { command: "ask", args: [question] });
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return askSuggestions(ctx.holder.current, interaction.options.getFocused());
}
