/** The console renderer: readable plain text of the same answer objects the JSON and Discord show. */
import type { Answer } from "../engine/dispatch";
import type { AskAnswer, Attribution, CompareAnswer, CompareFigure, CompareTopicsAnswer, ErrorAnswer, HelpAnswer, Highlight, SourceAnswer, SourceListAnswer } from "../engine/answers";
import { plural } from "../text/plural";
import { figurePhrase } from "../compare/answer/compare";

export function renderText(answer: Answer): string {
  if ("error" in answer) return renderError(answer);
  switch (answer.command) {
    case "ask":
      return renderAsk(answer);
    case "help":
      return renderHelp(answer);
    case "source":
      return "articles" in answer ? renderSourceList(answer) : renderSource(answer);
    case "compare":
      return "topics" in answer ? renderCompareTopics(answer) : renderCompare(answer);
  }
}

function renderCompare(answer: CompareAnswer): string {
  const out: string[] = [];
  if (answer.note) out.push(answer.note);
  else out.push(`${answer.topic}: ${plural(answer.figureCount, "figure")} from ${plural(answer.articleCount, "article")}, in ${plural(answer.totalGroups, "event")}, the story's own first.`);
  answer.groups.forEach((g, i) => {
    const shown = g.omittedFigures ? `, showing ${g.figures.length}` : "";
    out.push("", `${i + 1}. ${g.label} (${plural(g.figureCount, "figure")} from ${plural(g.articleCount, "article")}${shown})`);
    // The answer first: latest, range, updates, parts, disagreements; then each figure with its quote.
    if (g.figures.length > 1) out.push(...g.agreement.summary.map((s) => `   > ${s}`));
    for (const f of g.figures) {
      out.push(`   - ${figureLine(f)}`);
      out.push(`     "${emphasize(f.quote, f.highlights)}"`);
      out.push(`     ${attribution(f)}`);
    }
  });
  if (answer.omittedGroups) out.push("", `(${plural(answer.omittedGroups, "less reported event")} not shown.)`);
  return out.join("\n");
}

/** "at least 45 people · reported 14 June 2031 · source: police · part of the total". */
function figureLine(f: CompareFigure): string {
  const parts = [figurePhrase(f)];
  if (f.reportedAt) parts.push(`reported ${f.reportedAt.slice(0, 10)}${f.timing === "earlier" ? " (an earlier figure)" : f.timing === "update" ? " (an update)" : ""}`);
  if (f.source) parts.push(`source: ${f.source}`);
  if (f.kind !== "total") parts.push(f.kind === "part" ? "part of the total" : "rough amount");
  return parts.join(" · ");
}

function renderCompareTopics(answer: CompareTopicsAnswer): string {
  const lines = answer.topics.map((t) => {
    const range = t.spread.min === t.spread.max ? `${t.spread.min}` : `${t.spread.min}–${t.spread.max}`;
    const conflicts = t.contradictions ? `, ${plural(t.contradictions, "disagreement")} on the same day` : "";
    return `  - ${t.topic}: ${plural(t.figures, "figure")} in ${plural(t.articles, "article")}; ${t.mainEvent}: ${range}${conflicts}`;
  });
  return [answer.note, ...lines].join("\n");
}

function renderError(answer: ErrorAnswer): string {
  const more = answer.suggestions?.length ? `\n${answer.suggestions.map((s) => `  - ${s}`).join("\n")}` : "";
  return `! ${answer.error}${more}`;
}

function renderAsk(answer: AskAnswer): string {
  if (answer.results.length === 0) {
    return [answer.notFound ?? `No passage answers "${answer.query}".`, ...answer.suggestions.map((s) => `  - ${s}`)].join("\n");
  }
  return answer.results
    .map((r, i) => `${i + 1}. "${emphasize(r.quote, r.highlights)}"\n   — ${attribution(r)}`)
    .join("\n\n");
}

function renderHelp(answer: HelpAnswer): string {
  return answer.commands.map((c) => `${c.usage}\n    ${c.description}`).join("\n");
}

/** "003 · Title (Outlet, 2024-03-26), paragraph 12 · https://…"; unknown parts left out. */
export function attribution(a: Attribution): string {
  const where = [a.outlet, a.date].filter(Boolean).join(", ");
  const link = a.url ? ` · ${a.url}` : "";
  return `${a.articleId} · ${a.title ?? "untitled"}${where ? ` (${where})` : ""}, ${a.paragraph === 0 ? "headline" : `paragraph ${a.paragraph}`}${link}`;
}

/** Marks highlighted words with *asterisks* for a terminal. */
export function emphasize(text: string, highlights: readonly Highlight[]): string {
  let out = "";
  let at = 0;
  for (const h of highlights) {
    out += `${text.slice(at, h.start)}*${text.slice(h.start, h.end)}*`;
    at = h.end;
  }
  return out + text.slice(at);
}

function renderSourceList(answer: SourceListAnswer): string {
  const lines = answer.articles.map((a) => {
    const where = [a.outlet, a.date].filter(Boolean).join(", ");
    return `${a.id} · ${a.title ?? "untitled"}${where ? ` (${where})` : ""} · ${a.words.toLocaleString("en")} words`;
  });
  return [`${plural(answer.articles.length, "article")}:`, ...lines, "Type /source <id> to read one."].join("\n");
}

function renderSource(answer: SourceAnswer): string {
  const a = answer.article;
  const when = a.date && [a.date, a.time].filter(Boolean).join(" ");
  const byline = [a.author && `By ${a.author}`, a.outlet, when, a.place].filter(Boolean).join(" · ");
  const facts = `${answer.words.toLocaleString("en")} words · ≈ ${answer.readingMinutes} min read · ${plural(answer.paragraphCount, "paragraph")}`;
  const out = [`${a.id} · ${a.title ?? "untitled"}`, ...(byline ? [byline] : []), ...(a.url ? [a.url] : []), facts];
  if (answer.view === "summary" || (answer.view === "text" && answer.page === 1)) {
    out.push("", "Summary:", ...answer.summary.map((s) => `  - ${s}`));
  }
  if (answer.view === "summary") return out.join("\n");
  out.push("", `${sourceHeading(answer)}, page ${answer.page} of ${answer.pageCount}:`);
  out.push(answer.passages.map((p) => `[${p.paragraph}] ${emphasize(p.quote, p.highlights)}`).join("\n\n"));
  if (answer.page < answer.pageCount) out.push("", `Next: ${sourceCommand(answer)} page:${answer.page + 1}`);
  return out.join("\n");
}

function sourceHeading(answer: SourceAnswer): string {
  if (answer.find) return `Sentences matching "${answer.find.query}" (${answer.find.matches})`;
  if (answer.paragraphs) {
    const { from, to } = answer.paragraphs;
    return from === to ? `Paragraph ${from}` : `Paragraphs ${from}-${to}`;
  }
  return "Text";
}

/** The command that shows the same view, for "Next: …" hints. */
function sourceCommand(answer: SourceAnswer): string {
  const base = `/source ${answer.article.id}`;
  if (answer.find) return `${base} find:${answer.find.query}`;
  if (answer.paragraphs) return `${base} paragraph:${answer.paragraphs.from}-${answer.paragraphs.to}`;
  return base;
}
