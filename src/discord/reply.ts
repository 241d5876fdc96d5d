/**
 * What a command hands back to the router: plain descriptions of messages, never sent by the command
 * itself, so there is exactly one place (the router) that acknowledges an interaction.
 */
import type { APIEmbed } from "discord.js";

export interface Attachment {
  name: string;
  data: Buffer;
  description?: string;
}

/** One message's worth of content (one page of a paged answer). */
export interface Page {
  content?: string;
  embeds?: APIEmbed[];
  files?: Attachment[];
}

/** How to produce another page of the same answer: the command and its arguments, in the command's order. */
export interface PageState {
  command: string;
  args: string[];
}

export type Reply =
  /** A single message. Ephemeral ones are seen by the asker only. */
  | { kind: "message"; page: Page; ephemeral?: boolean }
  /** Page `index` (1-based) of `count`; buttons turn pages by re-running `state` for another page. */
  | { kind: "paged"; page: Page; index: number; count: number; state: PageState }
  /** The user asked for something that cannot be answered: always ephemeral, says what to do. */
  | { kind: "error"; message: string; suggestions?: string[] };

export const message = (page: Page, ephemeral = false): Reply => ({ kind: "message", page, ephemeral });

export const userError = (text: string, suggestions?: string[]): Reply => ({
  kind: "error",
  message: text,
  ...(suggestions?.length ? { suggestions } : {}),
});

/** Page `index` of `count`, already rendered: a paged reply when there are several pages, a plain message when there is one. */
export function pageReply(page: Page, index: number, count: number, state: PageState): Reply {
  return count <= 1 ? { kind: "message", page } : { kind: "paged", page, index, count, state };
}

/** Page `index` (clamped) of all the rendered pages, as `pageReply`. */
export function paged(pages: Page[], index: number, state: PageState): Reply {
  const count = Math.max(1, pages.length);
  const at = Math.min(Math.max(1, index), count);
  return pageReply(pages[at - 1] ?? { embeds: [] }, at, count, state);
}
