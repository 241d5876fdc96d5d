/** The console renderer: readable plain text of the same answer objects the JSON and Discord show. */
import type { Answer } from "../engine/dispatch";
import type { AskAnswer, Attribution, ErrorAnswer, HelpAnswer, Highlight } from "../engine/answers";

export function renderText(answer: Answer): string {
  if ("error" in answer) return renderError(answer);
  switch (answer.command) {
    case "ask":
      return renderAsk(answer);
    case "help":
      return renderHelp(answer);
  }
}

function renderError(answer: ErrorAnswer): string {
  const more = answer.suggestions?.length ? `\n${answer.suggestions.map((s) => `  - ${s}`).join("\n")}` : "";
  return `! ${answer.error}${more}`;
}

function renderAsk(answer: AskAnswer): string {
  if (answer.results.length === 0) {
    return [`No passage answers "${answer.query}".`, ...answer.suggestions.map((s) => `  - ${s}`)].join("\n");
  }
  return answer.results
    .map((r, i) => `${i + 1}. "${emphasize(r.quote, r.highlights)}"\n   — ${attribution(r)}`)
    .join("\n\n");
}

function renderHelp(answer: HelpAnswer): string {
  return answer.commands.map((c) => `${c.usage}\n    ${c.description}`).join("\n");
}

/** "003 · Title (Outlet, 2024-03-26), paragraph 12"; unknown parts left out. */
export function attribution(a: Attribution): string {
  const where = [a.outlet, a.date].filter(Boolean).join(", ");
  return `${a.articleId} · ${a.title ?? "untitled"}${where ? ` (${where})` : ""}, paragraph ${a.paragraph}`;
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
