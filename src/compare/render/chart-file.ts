/** `--chart PATH` for the CLI and the console: the chart of a `/compare` answer's most reported event, as PNG. */
import { writeFileSync } from "node:fs";
import { renderChartPng } from "./chart";
import type { CompareGroup } from "../answer/compare";

/** The shape of a `/compare` answer this needs (any other answer has no chart). */
interface Chartable {
  command: string;
  topic?: string;
  groups?: CompareGroup[];
}

/**
 * Writes the chart of `answer`'s first group to `path` (the n-th chart of a run goes to `name-n.png`).
 * Returns a line for stderr saying what was written or why not; null when the answer is no `/compare`.
 */
export function writeCompareChart(answer: object, path: string, n = 1): string | null {
  const a = answer as Chartable;
  if (a.command !== "compare") return null;
  if (!a.groups) return "no chart written: /compare without a topic lists the topics; name one to chart it.";
  const group = a.groups[0];
  if (!group) return `no chart written: this /compare answer has no figures to draw.`;
  const file = n <= 1 ? path : path.replace(/(\.png)?$/i, (ext) => `-${n}${ext || ".png"}`);
  try {
    writeFileSync(file, renderChartPng(group, a.topic ? `${a.topic}: ${group.label}` : group.label));
    return `chart written to ${file}`;
  } catch (error) {
    return `could not write the chart to ${file}: ${(error as Error).message}`;
  }
}
