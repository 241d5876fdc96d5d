/**
 * The shape of a command module in `commands/` (the discord.js guide's `data` + `execute` +
 * `autocomplete`), with one difference: `execute` returns a Reply and the router sends it, so no
 * command can acknowledge an interaction twice or forget `allowedMentions`.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBooleanOption,
} from "discord.js";
import type { Config } from "../config";
import type { EngineHolder } from "../engine/holder";
import type { Logger } from "./log";
import type { Reply } from "./reply";
import type { Choice } from "./choices";

export interface BotContext {
  holder: EngineHolder;
  config: Config;
  log: Logger;
}

export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Deferred by the router before `execute`, for answers that may take longer than a second. */
  defer?: "public" | "ephemeral";
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<Reply> | Reply;
  /** Choices for the focused option; the router trims them to Discord's limits. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<Choice[]> | Choice[];
  /** Page `page` of the answer whose PageState args are `args` (page buttons call this). */
  page?(args: string[], page: number, ctx: BotContext): Promise<Reply> | Reply;
}

/** The option that keeps an answer to the asker (an ephemeral reply), as the discord.js guide bot's `hide:`. */
export const PRIVATE_OPTION = "private";

export const privateOption = (o: SlashCommandBooleanOption): SlashCommandBooleanOption =>
  o.setName(PRIVATE_OPTION).setDescription("Show the answer to you only");
