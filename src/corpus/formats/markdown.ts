/**
 * A Markdown file (.md, .markdown) → the article's text and what its front matter declares. Only markup
 * that is not words is dropped, the same way everywhere, so the text shown by `/source` is the text
 * quoted: heading hashes ("## Reactions" → "Reactions"), setext underlines and rules, block-quote marks,
 * images; a link keeps its words ("[the report](https://…)" → "the report"), bold its words.
 */
import { isWebAddress } from "../catalog";
import { parseDate, parseTime } from "../dates";
import type { DeclaredMeta, DocumentText } from "./types";

/** Front matter: `---` lines around `key: value` pairs at the very top (Jekyll, Hugo, Obsidian). */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]{0,4000}?)\r?\n---[ \t]*(?:\r?\n|$)/;
const FIELDS: Record<string, keyof DeclaredMeta | "published"> = {
  title: "title",
  author: "author",
  outlet: "outlet",
  publisher: "outlet",
  source: "outlet",
  site: "outlet",
  date: "published",
  published: "published",
  url: "url",
  canonical: "url",
  canonical_url: "url",
  place: "place",
};

export function readMarkdown(markdown: string): DocumentText {
  const front = FRONT_MATTER.exec(markdown);
  const declared = front ? frontMatter(front[1]!) : {};
  const body = front ? markdown.slice(front[0].length) : markdown;
  return { text: body.split("\n").flatMap(plainLine).join("\n"), declared };
}

/** One line without its markup; none for a line that is only markup (underline, rule). */
function plainLine(line: string): string[] {
  if (/^\s{0,3}(?:={2,}|[-*_](?:\s{0,2}[-*_]){2,})\s*$/.test(line)) return [];
  return [
    heading(line)
      .replace(/^\s{0,3}>\s?/, "")
      .replace(/!\[[^[\]\n]{0,200}\]\([^()\s]{0,500}\)/g, "")
      .replace(/\[([^[\]\n]{1,200})\]\([^()\s]{0,500}\)/g, "$1")
      .replace(/(\*\*|__)(?=\S)([^*_\n]{1,500}?)\1/g, "$2"),
  ];
}

/** "## Reactions ##" → "Reactions". Done with string operations: a regex for the closing hashes
 *  would rescan long runs of spaces from every position. */
function heading(line: string): string {
  const open = /^(\s{0,3})#{1,6}[ \t]+/.exec(line);
  if (!open) return line;
  let text = line.slice(open[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  if (end < text.length && /\s/.test(text[end - 1] ?? "")) text = text.slice(0, end).trimEnd();
  return open[1] + text;
}

function frontMatter(block: string): DeclaredMeta {
  const declared: DeclaredMeta = {};
  for (const line of block.split("\n")) {
    const m = /^([A-Za-z_]{1,20})\s{0,3}:\s{0,3}(.{1,2048})$/.exec(line.trim());
    const field = m ? FIELDS[m[1]!.toLowerCase()] : undefined;
    if (!m || !field) continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, "$2").trim();
    if (!value) continue;
    if (field === "published") {
      declared.date = parseDate(value);
      declared.time = declared.date ? (parseTime(value)?.time ?? null) : null;
    } else if (field === "url") {
      if (isWebAddress(value)) declared.url = value;
    } else if (value.length <= 300) declared[field] = value;
  }
  return declared;
}
