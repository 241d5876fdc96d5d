/**
 * The Discord renderer: the third renderer of the engine's answers (after console text and JSON).
 * Article text is always escaped (it may contain markdown, mentions, invisible characters), query words
 * are bolded through `highlightEscaped`, and every part is fitted by `makeEmbed` / `fitQuote` / `truncate`.
 */
import type {
  AskAnswer,
  Attribution,
  Highlight,
  SourceAnswer,
  SourceListAnswer,
  SourcePassage,
} from "../engine/answers";
import * as L from "./limits";
import { escapeMarkdown, highlightEscaped, neutralizeMentions } from "./escape";
import { fitQuote, truncate } from "./truncate";
import { fitMessage, makeEmbed, packBlocks, safeUrl } from "./embed";
import type { Page } from "./reply";
import { plural } from "../text/plural";

/** One quote block (quote + attribution) at most this long: five fit in a description. */
export const QUOTE_BLOCK_MAX = 800;
/** Quote blocks shown on one /ask page. */
export const PASSAGES_PER_PAGE = 5;
/** Articles listed on one page of `/source` without an id. */
export const ARTICLES_PER_PAGE = 15;
/** Title shown inside an attribution line; the id identifies the article, the title reminds. */
const ATTRIBUTION_TITLE_MAX = 60;
const OUTLET_MAX = 40;
/** A link inside an attribution line takes room from the quote: longer addresses are not linked there. */
const ATTRIBUTION_URL_MAX = 300;
const BLOCK_SEPARATOR = "\n\n";
/** Room kept in descriptions for the page label and slack. */
const DESCRIPTION_BUDGET = L.EMBED_DESCRIPTION_MAX - 96;

// ---------- /ask ----------

/** All pages of an /ask answer that has results: each passage a quote block with its attribution. */
export function renderAsk(answer: AskAnswer): Page[] {
  const blocks = answer.results.map((r) => quoteBlock(r));
  const pages = packBlocks(blocks, DESCRIPTION_BUDGET, PASSAGES_PER_PAGE, BLOCK_SEPARATOR);
  const terms = answer.searchedTerms.length ? ` · searched: ${answer.searchedTerms.join(", ")}` : "";
  let first = 1;
  return pages.map((page, p) => {
    const last = first + page.length - 1;
    const range = first === last ? `Passage ${first}` : `Passages ${first}–${last}`;
    const footer = `${range} of ${answer.results.length}${pages.length > 1 ? ` · page ${p + 1} of ${pages.length}` : ""}${terms}`;
    first = last + 1;
    return {
      embeds: fitMessage([makeEmbed({ title: `“${escapeMarkdown(answer.query)}”`, description: page.join(BLOCK_SEPARATOR), footer })]),
    };
  });
}

/** A quote as it reads in an answer: its words, with their highlights. */
type Quoted = Pick<SourcePassage, "quote" | "highlights">;

/**
 * "> quote with **query words**…" then "— 003 · Title · Outlet · 2024-03-26 · ¶ 12", in at most `max`
 * characters: only the quote is shortened, the attribution is never cut.
 */
export function quoteBlock(q: Quoted & Attribution, max = QUOTE_BLOCK_MAX): string {
  // The quote is one line (escaping collapses line breaks), so one "> " makes it a block quote.
  return `> ${fitQuote(highlighted(q), attributionLine(q), max - 2, { separator: "\n— " })}`;
}

/** The quote escaped, its highlights in bold (adjacent ones as one); only as much of it as can be shown. */
function highlighted(q: Quoted): string {
  const quote = shownPart(q.quote);
  return highlightEscaped(quote, joinAdjacent(quote, q.highlights));
}

/**
 * No field or description shows more than EMBED_DESCRIPTION_MAX characters, and escaping never makes
 * text shorter but for collapsed line breaks: twice that much of a quote is all that can be shown, so
 * a 1 MB one-sentence article is not escaped whole to show its first lines.
 */
const SHOWN_MAX = 2 * L.EMBED_DESCRIPTION_MAX;

function shownPart(text: string): string {
  if (text.length <= SHOWN_MAX) return text;
  // Never end on the first half of a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(text[SHOWN_MAX - 1]!) ? SHOWN_MAX - 1 : SHOWN_MAX;
  return text.slice(0, cut);
}

/** Highlights separated only by spaces become one ("**concert hall**", not "**concert** **hall**"). */
function joinAdjacent(text: string, highlights: readonly Highlight[]): Highlight[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  const out: Highlight[] = [];
  for (const h of sorted) {
    const last = out.at(-1);
    if (last && h.start >= last.end && /^[ \t]*$/.test(text.slice(last.end, h.start))) last.end = Math.max(last.end, h.end);
    else out.push({ ...h });
  }
  return out;
}

/** The attribution of a quote, escaped: id, title, outlet, date, paragraph. */
function attributionLine(a: Attribution): string {
  const parts = [
    `**${escapeMarkdown(a.articleId)}**`,
    a.title ? linked(`*${escapeMarkdown(truncate(a.title, ATTRIBUTION_TITLE_MAX))}*`, a.url) : null,
    a.outlet ? escapeMarkdown(truncate(a.outlet, OUTLET_MAX)) : null,
    a.date,
    a.paragraph === 0 ? "headline" : `¶ ${a.paragraph}`,
  ];
  return parts.filter(Boolean).join(" · ");
}

/** `[text](url)` when the article has a web address, else the text. */
function linked(text: string, url: string | null | undefined): string {
  const href = safeUrl(url, ATTRIBUTION_URL_MAX);
  // Parentheses would end the markdown link early; percent-encoded they are the same address.
  return href ? `[${text}](${href.replace(/\(/g, "%28").replace(/\)/g, "%29")})` : text;
}

// ---------- /source ----------

/** One page of an article: a header embed (metadata; the summary on the first page) and the text page. */
export function renderSource(answer: SourceAnswer): Page {
  const showSummary = answer.view === "summary" || (answer.view === "text" && answer.page === 1);
  const embeds = [sourceHeader(answer, showSummary)];
  if (answer.view !== "summary") embeds.push(sourceText(answer));
  return { embeds: fitMessage(embeds) };
}

function sourceHeader(answer: SourceAnswer, withSummary: boolean) {
  const a = answer.article;
  const facts = `${answer.words.toLocaleString("en")} words · ≈ ${answer.readingMinutes} min read · ${plural(answer.paragraphCount, "paragraph")}`;
  const fields = [
    { name: "Outlet", value: a.outlet ? escapeMarkdown(a.outlet) : "unknown", inline: true },
    { name: "Date", value: a.date ? [a.date, a.time].filter(Boolean).join(" ") : "unknown", inline: true },
    ...(a.place ? [{ name: "Place", value: escapeMarkdown(a.place), inline: true }] : []),
    ...(a.author ? [{ name: "Author", value: escapeMarkdown(a.author), inline: true }] : []),
  ];
  const summary = withSummary && answer.summary.length
    ? `**Summary**\n${answer.summary.map((s) => `• ${escapeMarkdown(s)}`).join("\n")}`
    : "";
  return makeEmbed({
    title: `${a.id} · ${escapeMarkdown(a.title ?? "untitled")}`,
    url: a.url,
    description: [facts, summary].filter(Boolean).join("\n\n"),
    fields,
    footer: sourceHost(a.url),
  });
}

/** "from example.com" under an article with a web address: where it came from, never our file name. */
function sourceHost(url: string | null): string | undefined {
  const href = safeUrl(url);
  return href ? `from ${new URL(href).hostname}` : undefined;
}

function sourceText(answer: SourceAnswer) {
  const blocks = answer.passages.map(passageBlock);
  return makeEmbed({
    title: `${sourceHeading(answer)} · page ${answer.page} of ${answer.pageCount}`,
    description: blocks.join(BLOCK_SEPARATOR) || "(nothing on this page)",
    footer: answer.page < answer.pageCount ? neutralizeMentions(`Next: ${sourceCommand(answer)} page:${answer.page + 1}`) : undefined,
  });
}

function passageBlock(p: SourcePassage): string {
  const label = `\`${p.paragraph}\``;
  if (p.heading) return `${label} **${escapeMarkdown(shownPart(p.quote))}**`;
  return `${label} ${highlighted(p)}`;
}

function sourceHeading(answer: SourceAnswer): string {
  if (answer.find) return `Sentences matching “${escapeMarkdown(answer.find.query)}” (${answer.find.matches})`;
  if (answer.paragraphs) {
    const { from, to } = answer.paragraphs;
    return from === to ? `Paragraph ${from}` : `Paragraphs ${from}–${to}`;
  }
  return "Text";
}

function sourceCommand(answer: SourceAnswer): string {
  const base = `/source id:${answer.article.id}`;
  if (answer.find) return `${base} find:${answer.find.query}`;
  if (answer.paragraphs) return `${base} paragraph:${answer.paragraphs.from}-${answer.paragraphs.to}`;
  return base;
}

/** `/source` without an id: the articles, a page of lines at a time. */
export function renderSourceList(answer: SourceListAnswer): Page[] {
  const lines = answer.articles.map((a) => {
    const where = [a.outlet ? escapeMarkdown(truncate(a.outlet, OUTLET_MAX)) : null, a.date].filter(Boolean).join(", ");
    const title = escapeMarkdown(truncate(a.title ?? "untitled", 90));
    return `\`${a.id}\` ${title}${where ? ` — ${where}` : ""} · ${a.words.toLocaleString("en")} words`;
  });
  const pages = packBlocks(lines, DESCRIPTION_BUDGET, ARTICLES_PER_PAGE, "\n");
  if (pages.length === 0) pages.push(["(no articles)"]);
  return pages.map((page, p) => ({
    embeds: fitMessage([
      makeEmbed({
        title: plural(answer.articles.length, "article"),
        description: page.join("\n"),
        footer: `${pages.length > 1 ? `page ${p + 1} of ${pages.length} · ` : ""}Read one with /source id:<id>`,
      }),
    ]),
  }));
}

// ---------- /help and errors ----------

/** An error answer as message content: what went wrong, then what to try. */
export function errorText(error: string, suggestions: readonly string[] = []): string {
  const more = suggestions.slice(0, MAX_SUGGESTIONS).map((s) => `• ${escapeMarkdown(s)}`);
  return truncate([`⚠️ ${escapeMarkdown(error)}`, ...more].join("\n"), L.MESSAGE_CONTENT_MAX);
}

const MAX_SUGGESTIONS = 10;
