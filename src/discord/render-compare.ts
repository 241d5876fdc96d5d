/**
 * `/compare` for Discord, readable at a glance: page 1 is the story's own event with the answer on top
 * (the latest figure, the range, the parts of the total, the disagreements in a few lines, the other
 * events named), then one field per figure (when reported, who said it, the sentence quoted), and the
 * chart. Further pages: the long tail of that event, then the other events. Sizes are budgeted so each
 * page is within Discord's limits before `fitMessage` even looks at it.
 */
import type { CompareAnswer, CompareFigure, CompareGroup, CompareTopicsAnswer } from "../engine/answers";
import { escapeMarkdown } from "./escape";
import { fitMessage, makeEmbed, packBlocks } from "./embed";
import { quoteBlock } from "./render";
import { truncate } from "./truncate";
import type { Attachment, Page } from "./reply";
import { plural } from "../text/plural";
import { dayLabel } from "../compare/events/reported";
import { figurePhrase } from "../compare/answer/compare";

/**
 * Figures (fields) on one page: a typical story's event fits one page. 10 × (name 100 + value 290) +
 * description 1700 + title 256 + footer ≤ 5950 stays under Discord's 6000 total.
 */
export const FIGURES_PER_PAGE = 10;
const FIELD_NAME_MAX = 100;
const FIELD_VALUE_MAX = 290;
const SUMMARY_MAX = 1700;
/** One line of the answer on top; the overview and the other events keep room of their own. */
const SUMMARY_LINE_MAX = 200;
const OVERVIEW_MAX = 300;
/** Other events named on the first page of the first event. */
const OTHER_EVENTS_NAMED = 3;
const TOPICS_PER_PAGE = 15;
export const CHART_FILE = "chart.png";

/** The chart of one event's figures, when a chart renderer is available. */
export type ChartFor = (group: CompareGroup, groupIndex: number) => Attachment | undefined;

/** Where each page's figures come from: a group, and which slice of its figures. */
interface PageSlot {
  group: number;
  part: number;
  parts: number;
}

/** The pages of an answer, without rendering them: each group takes ⌈figures / FIGURES_PER_PAGE⌉ pages. */
function compareLayout(answer: CompareAnswer): PageSlot[] {
  return answer.groups.flatMap((group, g) => {
    const parts = Math.max(1, Math.ceil(group.figures.length / FIGURES_PER_PAGE));
    return Array.from({ length: parts }, (_, part) => ({ group: g, part, parts }));
  });
}

/**
 * Page `index` (1-based, clamped) of a /compare answer and the page count. Only that page is rendered:
 * a topic on a large corpus can have hundreds of pages.
 */
export function renderComparePage(answer: CompareAnswer, index: number, chartFor: ChartFor = () => undefined): { page: Page; index: number; count: number } {
  const layout = compareLayout(answer);
  if (layout.length === 0) {
    const page = { embeds: [makeEmbed({ title: answer.topic, description: escapeMarkdown(answer.note ?? "No figures.") })] };
    return { page: withPageFooter(page, 1, 1), index: 1, count: 1 };
  }
  const at = Math.min(Math.max(1, index), layout.length);
  const slot = layout[at - 1] as PageSlot;
  const group = answer.groups[slot.group] as CompareGroup;
  const figures = group.figures.slice(slot.part * FIGURES_PER_PAGE, (slot.part + 1) * FIGURES_PER_PAGE);
  const chart = slot.part === 0 ? chartFor(group, slot.group) : undefined;
  const page = groupPage(answer, group, slot.group, figures, slot.part, slot.parts, chart);
  return { page: withPageFooter(page, at, layout.length), index: at, count: layout.length };
}

/** Every page of a /compare answer (for tests and small answers; the bot renders one page at a time). */
export function renderCompare(answer: CompareAnswer, chartFor: ChartFor = () => undefined): Page[] {
  const { count } = renderComparePage(answer, 1, chartFor);
  return Array.from({ length: count }, (_, i) => renderComparePage(answer, i + 1, chartFor).page);
}

function groupPage(
  answer: CompareAnswer,
  group: CompareGroup,
  g: number,
  figures: CompareFigure[],
  part: number,
  parts: number,
  chart: Attachment | undefined,
): Page {
  const rank = g === 0 ? "the story's own event" : `event ${g + 1} of ${answer.totalGroups}`;
  const shown = group.omittedFigures ? ` (showing ${group.figures.length}: the extremes and each distinct figure)` : "";
  const overview = `*${plural(group.figureCount, "figure")} from ${plural(group.articleCount, "article")}, ${rank}${shown}.*`;
  const summary = group.figures.length > 1 && part === 0 ? group.agreement.summary.map((s) => `• ${truncate(escapeMarkdown(s), SUMMARY_LINE_MAX)}`) : [];
  const note = answer.note ? truncate(`⚠️ ${escapeMarkdown(answer.note)}`, OVERVIEW_MAX) : null;
  const also = g === 0 && part === 0 ? otherEvents(answer) : null;
  const shortOverview = truncate(overview, OVERVIEW_MAX);
  const fixed = [note, shortOverview, also].filter((x): x is string => !!x);
  // The answer's lines in order while they fit; the overview and the other events always do.
  const room = SUMMARY_MAX - fixed.reduce((n, x) => n + x.length + 2, 0);
  const lines: string[] = [];
  let used = 0;
  for (const line of summary) {
    if (used + line.length + 1 > room) break;
    lines.push(line);
    used += line.length + 1;
  }
  const description = [note, lines.join("\n") || null, shortOverview, also].filter(Boolean).join("\n\n");
  const embed = makeEmbed({
    title: `${escapeMarkdown(answer.topic)}: ${escapeMarkdown(group.label)}${parts > 1 ? ` (part ${part + 1} of ${parts})` : ""}`,
    description,
    // The sentence verbatim, the figure in bold, then where it comes from.
    fields: figures.map((f) => ({ name: figureName(f), value: quoteBlock(f, FIELD_VALUE_MAX) })),
    ...(chart ? { image: `attachment://${chart.name}` } : {}),
  });
  return { embeds: [embed], ...(chart ? { files: [chart] } : {}) };
}

/** "Also: 1998 flood (4 figures), 1982 storm (3 figures); on the next pages." */
function otherEvents(answer: CompareAnswer): string | null {
  const others = answer.groups.slice(1, 1 + OTHER_EVENTS_NAMED).map((g) => `${truncate(escapeMarkdown(g.label), 60)} (${plural(g.figureCount, "figure")})`);
  if (others.length === 0) return null;
  const more = answer.totalGroups - 1 - others.length;
  return `Also: ${others.join("; ")}${more > 0 ? `; ${plural(more, "other event")}` : ""}, on the next pages.`;
}

/** "003 · over 130 people · 14 June 2031 · police" — the figure as written, what it counts, when and who. */
function figureName(f: CompareFigure): string {
  const parts = [`${f.ref} · ${figurePhrase(f)}`];
  if (f.kind === "part") parts.push("part of the total");
  if (f.kind === "vague") parts.push("rough amount");
  if (f.reportedAt) parts.push(`${dayLabel(f.reportedAt)}${f.timing === "earlier" ? " (earlier figure)" : ""}`);
  if (f.source) parts.push(f.source);
  return truncate(escapeMarkdown(parts.join(" · ")), FIELD_NAME_MAX);
}

function withPageFooter(page: Page, index: number, count: number): Page {
  const footer = count > 1 ? `page ${index} of ${count} · bold: the figure and what it counts` : "bold: the figure and what it counts";
  const all = page.embeds ?? [];
  const embeds = all.map((e, i) => (i === all.length - 1 ? { ...e, footer: { text: footer } } : e));
  return { ...page, embeds: fitMessage(embeds) };
}

/** `/compare` without a topic: the topics the articles disagree on (or give figures for). */
export function renderCompareTopics(answer: CompareTopicsAnswer): Page[] {
  const lines = answer.topics.map((t) => {
    const range = t.spread.min === t.spread.max ? `${t.spread.min}` : `${t.spread.min}–${t.spread.max}`;
    const conflicts = t.contradictions ? `, ${plural(t.contradictions, "disagreement")} on the same day` : "";
    return `**${escapeMarkdown(t.topic)}** — ${plural(t.figures, "figure")} in ${plural(t.articles, "article")}; ${escapeMarkdown(t.mainEvent)}: ${range}${conflicts}`;
  });
  const pages = packBlocks(lines.length ? lines : ["(no topics)"], 3500, TOPICS_PER_PAGE, "\n");
  return pages.map((page, p) => ({
    embeds: fitMessage([
      makeEmbed({
        title: "Topics to compare",
        description: `${escapeMarkdown(answer.note)}\n\n${page.join("\n")}`,
        footer: `${pages.length > 1 ? `page ${p + 1} of ${pages.length} · ` : ""}/compare topic:<topic>`,
      }),
    ]),
  }));
}

