/**
 * The one interaction router: commands, autocomplete and page buttons all come through `handle`, and
 * every way out goes through `send` / `sendNote` (allowedMentions off, `replied || deferred` checked)
 * or the one error path (logged with the command and its options, a short ephemeral apology).
 */
import {
  AttachmentBuilder,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type InteractionEditReplyOptions,
} from "discord.js";
import { PRIVATE_OPTION, type BotContext, type CommandModule } from "./command";
import { Cooldowns } from "./cooldown";
import { DEFAULT_COOLDOWN_BURST } from "../config";
import { sanitizeChoices } from "./choices";
import { errorText } from "./render";
import { decodePageId, disableAll, IdleTimers, pageButtons, StateStore } from "./paging";
import type { Page, Reply } from "./reply";
import type { BotMetrics, CommandOutcome } from "../health/metrics";
import { redactDeep } from "../process/safety";

/** Nothing in a reply pings anyone: not a quoted "@everyone", not a user id. */
export const NO_MENTIONS = { parse: [] as [] };
/** Page buttons are disabled after this long without a click (the token allows edits for 15 min). */
export const DEFAULT_PAGE_IDLE_MS = 5 * 60 * 1000;
export const APOLOGY = "Sorry, something went wrong on my side while answering that. It has been logged; please try again in a moment.";

export interface RouterOptions {
  cooldownSeconds: number;
  /** Uses of one command a user may make at once before the cooldown applies. */
  cooldownBurst?: number;
  pageIdleMs?: number;
  now?: () => number;
  /** Hears how each slash command ended and how long it took (the /metrics endpoint). */
  metrics?: Pick<BotMetrics, "command">;
}

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

export class Router {
  private readonly commands: Map<string, CommandModule>;
  private readonly cooldowns: Cooldowns;
  readonly states = new StateStore();
  readonly idle: IdleTimers;
  /** Interactions whose first response was an ephemeral defer: their final answer is an edit. */
  private readonly deferredEphemeral = new WeakSet<Interaction>();
  /** Publicly deferred interactions whose "thinking…" placeholder was deleted (to answer privately): never twice. */
  private readonly placeholderDeleted = new WeakSet<Interaction>();
  /** Never sent, whatever an article quotes (defence in depth: the corpus loader already refuses `.env`). */
  private readonly secrets: string[];

  constructor(
    private readonly ctx: BotContext,
    commands: readonly CommandModule[],
    private readonly options: RouterOptions,
  ) {
    this.commands = new Map(commands.map((c) => [c.data.name, c]));
    this.cooldowns = new Cooldowns(options.cooldownSeconds, options.cooldownBurst ?? DEFAULT_COOLDOWN_BURST, options.now);
    this.idle = new IdleTimers(options.pageIdleMs ?? DEFAULT_PAGE_IDLE_MS);
    this.secrets = ctx.config.DISCORD_TOKEN ? [ctx.config.DISCORD_TOKEN] : [];
  }

  /** Every text the bot sends goes through here: the token (and anything shaped like one) is redacted. */
  private scrub<T>(value: T): T {
    return redactDeep(value, this.secrets);
  }

  /** Handles one interaction; never throws (everything unexpected ends in the error path). */
  async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    let outcome: CommandOutcome = "ok";
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction);
      else if (interaction.isChatInputCommand()) outcome = await this.command(interaction);
      else if (interaction.isButton()) await this.button(interaction);
    } catch (error) {
      outcome = "failed";
      await this.failed(interaction, error);
    }
    if (interaction.isChatInputCommand()) {
      // Known names only, so a stale client's old command cannot grow the label set.
      const name = this.commands.has(interaction.commandName) ? interaction.commandName : "unknown";
      this.options.metrics?.command(name, outcome, (performance.now() - started) / 1000);
    }
  }

  stop(): void {
    this.idle.stopAll();
  }

  // ---------- the three kinds of interaction ----------

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = this.commands.get(interaction.commandName);
    const choices = command?.autocomplete ? await command.autocomplete(interaction, this.ctx) : [];
    await interaction.respond(this.scrub(sanitizeChoices(choices)));
  }

  private async command(interaction: ChatInputCommandInteraction): Promise<CommandOutcome> {
    const command = this.commands.get(interaction.commandName);
    if (!command) {
      await this.sendNote(interaction, `I don't know /${interaction.commandName} (any more). An administrator can refresh the command list with \`npm run deploy\`.`);
      return "user_error";
    }
    const wait = this.cooldowns.take(interaction.user.id, interaction.commandName);
    if (wait > 0) {
      await this.sendNote(interaction, `You're going a little fast: try /${interaction.commandName} again in ${wait} s.`);
      return "cooldown";
    }
    // `private:` keeps the answer to the asker, as an ephemeral reply (or an ephemeral defer).
    const hidden = interaction.options.getBoolean(PRIVATE_OPTION) === true;
    if (command.defer) {
      const ephemeral = hidden || command.defer === "ephemeral";
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      if (ephemeral) this.deferredEphemeral.add(interaction);
      await afterPendingIo();
    }
    const reply = await command.execute(interaction, this.ctx);
    await this.send(interaction, reply, interaction.user.id, interaction.id, hidden);
    return reply.kind === "error" ? "user_error" : "ok";
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    const target = decodePageId(interaction.customId, this.states);
    if (!target || target.direction === "label") {
      await this.sendNote(interaction, "This button does nothing any more. Run the command again for a fresh answer.");
      return;
    }
    const command = this.commands.get(target.command);
    if (interaction.user.id !== target.ownerId) {
      await this.sendNote(interaction, `Only the person who asked can turn these pages. Run /${target.command} yourself to get your own copy.`);
      return;
    }
    if (!target.args || !command?.page) {
      await interaction.update({ components: disableAll(interaction.message.components), allowedMentions: NO_MENTIONS });
      await this.sendNote(interaction, `These buttons have expired (the bot restarted since). Run /${target.command} again to page through the answer.`);
      return;
    }
    if (command.defer) {
      await interaction.deferUpdate();
      await afterPendingIo();
    }
    const reply = await command.page(target.args, target.page, this.ctx);
    const root = interaction.message.interactionMetadata?.id ?? interaction.message.id;
    await this.send(interaction, reply, target.ownerId, root);
  }

  // ---------- the ways out ----------

  /** Sends a command's reply: the first response, the edit of a defer, or the update of a paged message. */
  private async send(interaction: Repliable, reply: Reply, ownerId: string, root: string, hidden = false): Promise<void> {
    if (reply.kind === "error") {
      await this.sendNote(interaction, errorText(reply.message, reply.suggestions), true);
      return;
    }
    const components =
      reply.kind === "paged" ? [pageButtons(reply.index, reply.count, ownerId, reply.state, this.states)] : [];
    const body = { ...messageBody(this.scrub(reply.page)), components, allowedMentions: NO_MENTIONS };
    if (interaction.isButton()) {
      // A page turn replaces the message it was clicked on (attachments included).
      const update = { ...body, attachments: [] as never[] };
      if (interaction.deferred) await interaction.editReply(update);
      else await interaction.update(update);
    } else if (interaction.deferred || interaction.replied) {
      await interaction.editReply(body);
    } else {
      const ephemeral = hidden || (reply.kind === "message" && reply.ephemeral);
      await interaction.reply({ ...body, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) } as InteractionReplyOptions);
    }
    if (reply.kind === "paged") {
      const disabled = [pageButtons(reply.index, reply.count, ownerId, reply.state, this.states, true)];
      this.idle.arm(root, () => interaction.editReply({ components: disabled, allowedMentions: NO_MENTIONS }));
    } else if (interaction.isButton()) {
      this.idle.clear(root);
    }
  }

  /**
   * A short private note (user error, cooldown, apology). `escaped`: the text is already markdown-safe.
   * After a public defer the placeholder is removed so the note can be private; after a page-turn defer
   * the page stays and the note follows.
   */
  private async sendNote(interaction: Repliable, text: string, escaped = false): Promise<void> {
    const content = this.scrub(escaped ? text : errorText(text));
    const note = { content, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral } as const;
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(note);
    } else if (this.deferredEphemeral.has(interaction) && !interaction.replied) {
      await interaction.editReply({ content, allowedMentions: NO_MENTIONS, embeds: [], components: [] });
    } else {
      await this.followPrivately(interaction, note);
    }
  }

  /**
   * A private follow-up; after a public command defer, its "thinking…" placeholder is deleted first, once:
   * when a follow-up fails (a slow or refused request) the apology that follows must not delete it again
   * (that second DELETE of `@original` is what Discord answers with 404 Unknown Message).
   */
  private async followPrivately(interaction: Repliable, message: InteractionReplyOptions): Promise<void> {
    if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied && !this.placeholderDeleted.has(interaction)) {
      this.placeholderDeleted.add(interaction);
      await interaction.deleteReply().catch(() => {});
    }
    await interaction.followUp(message);
  }

  /** The one error path for anything unexpected. */
  private async failed(interaction: Interaction, error: unknown): Promise<void> {
    this.ctx.log.error("interaction failed", { ...describe(interaction), error });
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isChatInputCommand() || interaction.isButton()) {
        await this.sendNote(interaction, APOLOGY);
      }
    } catch (secondary) {
      this.ctx.log.warn("could not tell the user about the failure", { ...describe(interaction), error: secondary });
    }
  }
}

/**
 * Lets the I/O already waiting run first (other interactions' acknowledgements, going out or coming
 * back) before a deferred command does its work.
 */
function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function messageBody(page: Page): InteractionEditReplyOptions {
  return {
    ...(page.content ? { content: page.content } : {}),
    embeds: page.embeds ?? [],
    files: (page.files ?? []).map((f) => new AttachmentBuilder(f.data, { name: f.name, ...(f.description ? { description: f.description } : {}) })),
  };
}

/** What to log about an interaction: who, which command, which options or button. */
export function describe(interaction: Interaction): Record<string, unknown> {
  const base = { id: interaction.id, user: interaction.user.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const options = Object.fromEntries(interaction.options.data.map((o) => [o.name, o.value]));
    return { ...base, command: interaction.commandName, options };
  }
  if (interaction.isButton()) return { ...base, button: interaction.customId };
  return { ...base, type: interaction.type };
}
