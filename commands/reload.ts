/**
 * `/reload` (administrators) — re-reads the corpus folder and swaps the new engine in; until it is
 * ready, and if it fails, the previous one keeps answering.
 */
import { PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/discord/command";
import { message, userError, type Reply } from "../src/discord/reply";
import { makeEmbed } from "../src/discord/embed";
import { escapeMarkdown } from "../src/discord/escape";
import { plural } from "../src/text/plural";

/** Warnings listed in the reply; the rest are counted. */
const WARNINGS_SHOWN = 10;

export const data = new SlashCommandBuilder()
  .setName("reload")
  .setDescription("Re-read the articles folder (administrators)")
  // "0": hidden from everyone but administrators, unless a server grants it.
  .setDefaultMemberPermissions("0");

export const defer = "ephemeral";

/** Discord hides the command from non-admins; this check also covers servers that granted it widely. */
export function isAdmin(interaction: ChatInputCommandInteraction, ctx: BotContext): boolean {
  return ctx.config.ADMIN_IDS.includes(interaction.user.id) || Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.Administrator));
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
  if (!isAdmin(interaction, ctx)) return userError("Only server administrators can reload the articles.");
  const before = ctx.holder.current.articles.length;
  const result = await ctx.holder.reload();
  if (!result.ok) {
    ctx.log.warn("reload failed", { error: result.error });
    return userError(`Reload failed after ${result.ms} ms, still serving the previous ${plural(before, "article")}: ${result.error}`);
  }
  ctx.log.info("reloaded", { articles: result.articles, ms: result.ms, generation: result.generation });
  const shown = result.warnings.slice(0, WARNINGS_SHOWN).map((w) => `• ${escapeMarkdown(w)}`);
  const more = result.warnings.length > WARNINGS_SHOWN ? [`…and ${result.warnings.length - WARNINGS_SHOWN} more`] : [];
  return message(
    {
      embeds: [
        makeEmbed({
          title: "Articles reloaded",
          description: [`Now serving ${plural(result.articles, "article")} (was ${before}), built in ${result.ms} ms.`, ...(shown.length ? ["**Skipped files**", ...shown, ...more] : [])].join("\n"),
        }),
      ],
    },
    true,
  );
}
