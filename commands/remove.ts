/**
 * `/remove id:` (administrators) — moves an article's file out of the corpus folder into `removed/`
 * beside it (never deleting it), re-indexes, and says what was removed.
 */
import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/discord/command";
import { makeEmbed } from "../src/discord/embed";
import { escapeMarkdown } from "../src/discord/escape";
import { message, userError, type Reply } from "../src/discord/reply";
import { removeArticle } from "../src/ingest/add";
import { IngestError } from "../src/ingest/errors";
import { REMOVED_FOLDER } from "../src/ingest/files";
import { isAdmin } from "./reload";

const ID_MAX = 100;

export const data = new SlashCommandBuilder()
  .setName("remove")
  .setDescription("Take an article out of the corpus; its file is kept in removed/ (administrators)")
  .addStringOption((o) => o.setName("id").setDescription("The article's number").setRequired(true).setMaxLength(ID_MAX).setAutocomplete(true))
  // "0": hidden from everyone but administrators, unless a server grants it.
  .setDefaultMemberPermissions("0");

export const defer = "ephemeral";

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
  if (!isAdmin(interaction, ctx)) return userError("Only server administrators can remove articles.");
  try {
    const { article, movedTo } = await removeArticle(ctx.holder, interaction.options.getString("id", true));
    ctx.log.info("article removed", { id: article.id, movedTo, by: interaction.user.id });
    const title = article.meta.title ? `: “${escapeMarkdown(article.meta.title)}”` : "";
    const where = [article.meta.outlet, article.meta.date].filter(Boolean).map((s) => escapeMarkdown(s!)).join(", ");
    return message(
      {
        embeds: [
          makeEmbed({
            title: `Removed article ${article.id}`,
            description: [
              `Article ${article.id}${title}${where ? ` (${where})` : ""} is no longer answered from.`,
              `Its file was moved to the \`${REMOVED_FOLDER}/\` folder beside the articles folder; move it back to restore it.`,
            ].join("\n"),
          }),
        ],
      },
      true,
    );
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return userError(error.message);
  }
}

export function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
  return ctx.holder.current.sourceChoices(interaction.options.getFocused());
}
