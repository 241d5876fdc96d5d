/**
 * `/add attachment: | url:` (administrators and the roles in ADD_ROLE_IDS) — reads an article from an
 * attached .txt/.md/.html file or a web page, saves it into the corpus folder, re-indexes, and shows
 * what was read once the bot answers from it.
 */
import { GuildMemberRoleManager, SlashCommandBuilder, type APIEmbed, type ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../src/discord/command";
import { makeEmbed } from "../src/discord/embed";
import { escapeMarkdown } from "../src/discord/escape";
import { message, userError, type Reply } from "../src/discord/reply";
import { MAX_ARTICLE_BYTES } from "../src/corpus/load";
import { addArticle, type Upload } from "../src/ingest/add";
import { IngestError } from "../src/ingest/errors";
import type { FetchLimits } from "../src/ingest/fetch";
import { isPublicAddress } from "../src/ingest/address";
import type { Article } from "../src/corpus/types";
import { isAdmin } from "./reload";

/** Redirects followed for a link (each one checked like the link itself). */
export const MAX_REDIRECTS = 3;
const URL_MAX = 2000;
/** The size limit as users read it ("2 MB"). */
export const SIZE_LIMIT = `${MAX_ARTICLE_BYTES / 1048576} MB`;

export const data = new SlashCommandBuilder()
  .setName("add")
  .setDescription("Add an article: attach a .txt, .md or .html file, or give a link to its page")
  .addAttachmentOption((o) => o.setName("attachment").setDescription(`The article as a .txt, .md or .html file (at most ${SIZE_LIMIT})`))
  .addStringOption((o) => o.setName("url").setDescription("A link (http or https) to the article's page").setMaxLength(URL_MAX));

/** Downloading and re-indexing take seconds; the outcome is shown only to the person adding. */
export const defer = "ephemeral";

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> {
  if (!mayAdd(interaction, ctx)) {
    return userError("Only administrators and members with a role allowed to add articles (ADD_ROLE_IDS) can use /add. Ask one of them to add it.");
  }
  const upload = uploadOf(interaction);
  if (typeof upload === "string") return userError(upload);
  try {
    const article = await addArticle(ctx.holder, upload, fetchLimits(ctx));
    ctx.log.info("article added", { id: article.id, file: article.file, by: interaction.user.id });
    return message({ embeds: [addedEmbed(article)] }, true);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    ctx.log.info("article refused", { problem: error.problem, by: interaction.user.id });
    return userError(error.message);
  }
}

function uploadOf(interaction: ChatInputCommandInteraction): Upload | string {
  const file = interaction.options.getAttachment("attachment");
  const url = interaction.options.getString("url")?.trim();
  if (file && url) return "Give either an attachment or a url, not both.";
  if (file) return { kind: "file", name: file.name, size: file.size, url: file.url };
  if (url) return { kind: "link", url };
  return "Attach the article's file (.txt, .md or .html) with attachment:, or give its link with url:.";
}

function fetchLimits(ctx: BotContext): FetchLimits {
  return {
    maxBytes: MAX_ARTICLE_BYTES,
    timeoutMs: ctx.config.ADD_TIMEOUT_SECONDS * 1000,
    maxRedirects: MAX_REDIRECTS,
    allowAddress: ctx.config.ADD_ALLOW_PRIVATE_URLS ? () => true : isPublicAddress,
  };
}

/** Administrators always; others when they hold one of the ADD_ROLE_IDS roles. */
function mayAdd(interaction: ChatInputCommandInteraction, ctx: BotContext): boolean {
  if (isAdmin(interaction, ctx)) return true;
  const roles = interaction.member?.roles;
  const held = roles instanceof GuildMemberRoleManager ? [...roles.cache.keys()] : (roles ?? []);
  return ctx.config.ADD_ROLE_IDS.some((id) => held.includes(id));
}

function addedEmbed(article: Article): APIEmbed {
  const m = article.meta;
  return makeEmbed({
    title: `Added article ${article.id}`,
    url: m.url,
    description: `The bot now answers from it: \`/source id:${article.id}\` shows it.`,
    fields: [
      { name: "Title", value: escapeMarkdown(m.title ?? "(none found)") },
      { name: "Outlet", value: escapeMarkdown(m.outlet ?? "(not stated)"), inline: true },
      { name: "Date", value: m.date ? escapeMarkdown([m.date, m.time].filter(Boolean).join(" ")) : "(not stated)", inline: true },
      { name: "Words", value: String(article.wordCount), inline: true },
    ],
  });
}
