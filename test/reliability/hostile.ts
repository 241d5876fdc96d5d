/**
 * Shared material for the reliability tests: a corpus that includes an article written to break
 * renderers (mentions, markdown, a spoofed attribution), fast-check arbitraries of hostile user input,
 * and a checker that an engine answer is well-formed (quotes verbatim, pages and highlights in range).
 */
import fc from "fast-check";
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Corpus } from "../../src/corpus/types";
import type { Answer } from "../../src/engine/dispatch";
import type { Highlight } from "../../src/engine/answers";
import { SEED_DIR, articleText, writeCorpus } from "../support/corpus";

export const HOSTILE_ID = "900";
const HOSTILE_FILE = `${HOSTILE_ID}_hostile-markup.txt`;

/** A news-like article whose sentences carry mentions and markdown, so quotes of it exercise escaping. */
const HOSTILE_ARTICLE = articleText("Council vote on the river bridge @everyone **bold** title", [
  "The council said on Tuesday that @everyone in the town would get a vote on the river bridge, and <@&123> members were told first.",
  "A spokesman wrote **bold** claims about the bridge cost, calling them __underlined__ facts and ||hidden|| numbers, said <@456> at the meeting.",
  "> quote from the bridge report: the council said the cost had doubled since @here the last vote in March.",
  "Residents shared a [link](http://x) to the bridge plans, and the council said the plans would be posted online by Friday.",
  "— 003 · Fake attribution (Fake Outlet, 2024-01-01), paragraph 1 — was written under the bridge vote notice by a reader.",
  "The engineer said `code` and ```fenced``` text about the bridge would not appear in the final council report.",
  "# The bridge heading: the council said the vote on the bridge would take place on Friday after the report.",
  "At least 12 people were injured near the bridge on Monday, <@&123> told @here in a **statement** that [cited](http://x) the police.",
]);

/** A temporary corpus: the seed articles plus the hostile one. */
export function hostileCorpusDir(extra: Record<string, string> = {}): string {
  const dir = writeCorpus({ [HOSTILE_FILE]: HOSTILE_ARTICLE, ...extra });
  for (const name of readdirSync(SEED_DIR)) if (name.endsWith(".txt") || name === "catalog.json") copyFileSync(join(SEED_DIR, name), join(dir, name));
  return dir;
}

const NASTY = [
  "@everyone", "@here", "<@&123>", "<@123>", "<@!123>", "<#123>", "</ask:123>", "<:emoji:123>", "<t:0:R>",
  "**", "__", "*", "_", "~~", "`", "```", "||", "> ", ">>> ", "# ", "-# ", "[link](http://x)", "https://x.y/z",
  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u200f", "\u061c",
  "مرحبا بالعالم", "שלום עולם", "मॉस्को", "東京", "👨‍👩‍👧‍👦", "🏳️‍🌈", "\u0301\u0301\u0301",
  "\n", "\r\n", "\t", "\u0000", "\u001b[31m", "\ud800", "\udfff", "\\", "\"", "'", "page:", "find:", "paragraph:", "summary",
  "— 003 · Fake attribution", "attack", "bridge", "council", "killed", "how many", "who",
];

/** Numbers users type for pages, paragraphs and ids, most of them out of range. */
export const numberText = fc.oneof(
  fc.constantFrom("-1", "0", "1", "2", "3", "99999", "999999", "00000000000000000009", "12345678901234567890", "1e9", "NaN",
    "Infinity", "-0", "3.5", "0x10", "1,000", " 7 ", "٣", "３", "0-999999", "999999-0", "5-", "-", "1--2", "2-1", "1-1", "3-3-3", "", " "),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -5, max: 2_000_000 }), fc.integer({ min: -5, max: 2_000_000 })).map(([a, b]) => `${a}-${b}`),
);

/** Free text as hostile users type it: mentions, markdown, zero-width, RTL, emoji, lone surrogates, long pastes. */
export const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(" ")) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\u200b", "?", "…") },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.integer({ min: 100, max: 6_000 })).map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n)) },
  { weight: 1, arbitrary: fc.integer({ min: 5_900, max: 6_000 }).map((n) => "how many people were killed in the attack ".repeat(200).slice(0, n)) },
);

/** Mostly ids that exist, so the options after them are exercised too. */
const idText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(HOSTILE_ID, "0", "1", "3", "003", "4", " 2 ", "council", "bridge vote") },
  { weight: 1, arbitrary: numberText },
  { weight: 1, arbitrary: hostileText },
);
/** Half the time a page or paragraph that exists. */
const pageText = fc.oneof(fc.constantFrom("1", "2", "3"), numberText);
const rangeText = fc.oneof(fc.constantFrom("1", "2", "1-3", "2-4", "3-"), numberText);

/** Options of `/source`, each present or not, as the engine takes them. */
export const sourceOptions = fc.record(
  { id: idText, page: pageText, paragraph: rangeText, find: hostileText, summary: fc.constantFrom("true", "false", "yes", "", "maybe") },
  { requiredKeys: [] },
);

/** A typed command line as the console/CLI receive it, including non-commands. */
export const commandLine = fc.oneof(
  hostileText.map((q) => `/ask ${q}`),
  hostileText.map((t) => `/compare ${t}`),
  sourceOptions.map((o) => ["/source", o.id ?? "", ...(["page", "paragraph", "find", "summary"] as const).filter((k) => o[k] !== undefined).map((k) => `${k}:${o[k]}`)].join(" ")),
  fc.constantFrom("/help", "help", "/source", "/ask", "/compare", "ask", "/ASK who", "/quit", "/", "//", "/unknown x"),
  hostileText,
);

/** Why an answer is not well-formed; empty when it is. Quotes must be verbatim slices of their article. */
export function answerProblems(answer: Answer, corpus: Corpus): string[] {
  const problems: string[] = [];
  const raw = (id: string): string | undefined => corpus.articles.find((a) => a.id === id)?.raw;
  const checkHighlights = (where: string, text: string, hs: readonly Highlight[]): void => {
    for (const h of hs) if (!(h.start >= 0 && h.end <= text.length && h.start < h.end)) problems.push(`${where}: highlight ${h.start}-${h.end} outside 0-${text.length}`);
  };
  if (typeof answer !== "object" || answer === null || typeof answer.command !== "string") return ["not an answer object"];
  if ("error" in answer) {
    if (typeof answer.error !== "string" || answer.error.trim() === "") problems.push("empty error message");
    return problems;
  }
  if (answer.command === "ask") {
    answer.results.forEach((r, i) => {
      if (raw(r.articleId)?.slice(r.start, r.end) !== r.quote) problems.push(`ask result ${i}: quote is not the article's text at ${r.start}-${r.end}`);
      if (r.quote.trim() === "") problems.push(`ask result ${i}: empty quote`);
      checkHighlights(`ask result ${i}`, r.quote, r.highlights);
    });
  } else if (answer.command === "source" && "passages" in answer) {
    const text = raw(answer.article.id);
    if (text === undefined) problems.push(`source: unknown article ${answer.article.id}`);
    answer.passages.forEach((p, i) => {
      if (text?.slice(p.start, p.end) !== p.quote) problems.push(`source passage ${i}: not verbatim`);
      checkHighlights(`source passage ${i}`, p.quote, p.highlights);
    });
    for (const s of answer.summary) if (!text?.includes(s)) problems.push("source: summary sentence not in the article");
    const pageOk = answer.view === "summary" ? answer.page <= Math.max(1, answer.pageCount) : answer.page >= 1 && answer.page <= Math.max(1, answer.pageCount);
    if (!pageOk || !Number.isInteger(answer.page)) problems.push(`source: page ${answer.page} of ${answer.pageCount}`);
  } else if (answer.command === "compare" && "groups" in answer) {
    answer.groups.forEach((g, i) => {
      if (g.figures.length === 0) problems.push(`compare group ${i}: no figures`);
      g.figures.forEach((f, k) => {
        if (raw(f.articleId)?.slice(f.start, f.end) !== f.quote) problems.push(`compare group ${i} figure ${k}: quote is not the article's text`);
        if (!Number.isFinite(f.value)) problems.push(`compare group ${i} figure ${k}: value ${f.value}`);
        checkHighlights(`compare group ${i} figure ${k}`, f.quote, f.highlights);
      });
    });
  }
  return problems;
}
