/** `/source id: page: paragraph: find:` — one article: metadata, summary, its text page by page. */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import { privateOption, type BotContext } from "../src/discord/command";
import { renderSource, renderSourceList } from "../src/discord/render";
import { pageReply, paged, userError, type Reply } from "../src/discord/reply";

/** Longest `find:` text; a few words is what it is for. */
export const FIND_MAX = 200;
const PARAGRAPH_MAX = 20;
const ID_MAX = 100;

export const data = new SlashCommandBuilder()
  .setName("source")
  .setDescription("One article: who published it, a summary, and its text page by page")
  .addStringOption((o) =>
    o.setName("id").setDescription("The article (its number, or words of its title); empty lists them all").setMaxLength(ID_MAX).setAutocomplete(true),
  )
  .addIntegerOption((o) => o.setName("page").setDescription("Which page of the text to show").setMinValue(1))
  .addStringOption((o) => o.setName("paragraph").setDescription("A paragraph or a range, like 7 or 7-9").setMaxLength(PARAGRAPH_MAX))
  .addStringOption((o) => o.setName("find").setDescription("Show only the sentences with these words").setMaxLength(FIND_MAX))
  .addBooleanOption(privateOption);

/** PageState args, in this order; "" for an option not given. */
type Args = [id: string, paragraph: string, find: string];

export function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Reply {
  const o = interaction.options;
  const args: Args = [o.getString("id") ?? "", o.getString("paragraph") ?? "", o.getString("find") ?? ""];
  return page(args, o.getInteger("page") ?? 1, ctx);
}

export function page(args: string[], index: number, ctx: BotContext): Reply {
  const [id = "", paragraph = "", find = ""] = args;
  const given = (value: string) => (value.trim() === "" ? undefined : value);
  const answer = ctx.holder.current.source({
    id,
    page: String(index),
    paragraph: given(paragraph),
    find: given(find),
  });
  const state = { command: "source", args: [id, paragraph, find] };
  if ("error" in answer) return userError(answer.error, answer.suggestions);
  if ("articles" in answer) return paged(renderSourceList(answer), index, state);
  return pageReply(renderSource(answer), answer.page, answer.pageCount, state);
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return ctx.holder.current.sourceChoices(interaction.options.getFocused());
}
