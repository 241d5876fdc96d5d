/**
 * Embeds that fit Discord's limits by construction: every text part goes through `truncate` to its own
 * limit, fields are capped at 25, and a message's embeds are shrunk together to the 6000-character total.
 * Renderers describe what to show; this module makes it fit.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import * as L from "./limits";
import { truncate } from "./truncate";

/** The bot's accent colour (a calm blue). */
export const EMBED_COLOR = 0x3b6ea5;

export interface EmbedParts {
  title?: string;
  url?: string | null;
  author?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: string;
  image?: string;
}

const EMPTY_FIELD = "\u200b"; // a field needs a non-empty name and value

/** One embed with each part truncated to its limit; blank parts are left out. */
export function makeEmbed(parts: EmbedParts): APIEmbed {
  const embed: APIEmbed = { color: EMBED_COLOR };
  if (parts.title?.trim()) embed.title = truncate(parts.title, L.EMBED_TITLE_MAX);
  const url = safeUrl(parts.url);
  if (url && embed.title) embed.url = url;
  if (parts.author?.trim()) embed.author = { name: truncate(parts.author, L.EMBED_AUTHOR_NAME_MAX) };
  if (parts.description?.trim()) embed.description = truncate(parts.description, L.EMBED_DESCRIPTION_MAX);
  const fields = (parts.fields ?? []).slice(0, L.EMBED_FIELDS_MAX).map(makeField);
  if (fields.length) embed.fields = fields;
  if (parts.footer?.trim()) embed.footer = { text: truncate(parts.footer, L.EMBED_FOOTER_MAX) };
  if (parts.image) embed.image = { url: parts.image };
  return embed;
}

function makeField(field: { name: string; value: string; inline?: boolean }): APIEmbedField {
  return {
    name: truncate(field.name, L.EMBED_FIELD_NAME_MAX) || EMPTY_FIELD,
    value: truncate(field.value, L.EMBED_FIELD_VALUE_MAX) || EMPTY_FIELD,
    ...(field.inline ? { inline: true } : {}),
  };
}

/**
 * Only absolute http(s) URLs up to `max` characters: anything else makes Discord reject the whole
 * message (50035), and a link to `javascript:` or a file is no link to offer a reader.
 */
export function safeUrl(url: string | null | undefined, max = L.EMBED_URL_MAX): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    const ok = (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.href.length <= max;
    return ok ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Characters Discord counts towards the 6000 total of one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Shortest a description is cut to when a message is over the total; below that, fields go first. */
const MIN_DESCRIPTION = 200;

/**
 * The embeds of one message, at most 10 and at most 6000 characters together: the longest description
 * is shortened first, then trailing fields are dropped. Builders upstream keep messages well under the
 * total, so this only acts on unusual input (very long titles, heavily escaped text).
 */
export function fitMessage(embeds: APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, L.EMBEDS_PER_MESSAGE_MAX).map((e) => ({ ...e, fields: e.fields ? [...e.fields] : undefined }));
  const total = () => out.reduce((sum, e) => sum + embedLength(e), 0);
  for (let excess = total() - L.EMBED_TOTAL_MAX; excess > 0; excess = total() - L.EMBED_TOTAL_MAX) {
    const longest = out.reduce<APIEmbed | undefined>(
      (best, e) => ((e.description?.length ?? 0) > (best?.description?.length ?? 0) ? e : best),
      undefined,
    );
    const length = longest?.description?.length ?? 0;
    if (longest && length > MIN_DESCRIPTION) {
      longest.description = truncate(longest.description ?? "", Math.max(MIN_DESCRIPTION, length - excess));
      continue;
    }
    const withFields = [...out].reverse().find((e) => e.fields?.length);
    if (withFields?.fields) {
      withFields.fields.pop();
      continue;
    }
    // Only titles, footers and authors left over the total: cannot happen with the per-part limits
    // and ≤ 10 embeds unless every part is at its maximum; drop the last embed.
    out.pop();
  }
  return out.map((e) => {
    if (!e.fields?.length) delete e.fields;
    return e;
  });
}

/**
 * Groups blocks (already within `maxBlock` each) into pages whose joined length stays within `budget`
 * and which hold at most `perPage` blocks. Blocks keep their order; a page is never empty.
 */
export function packBlocks(blocks: string[], budget: number, perPage: number, separator = "\n\n"): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const cost = block.length + (page.length ? separator.length : 0);
    if (page.length && (used + cost > budget || page.length >= perPage)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(block);
    used += block.length + (page.length > 1 ? separator.length : 0);
  }
  if (page.length) pages.push(page);
  return pages;
}
