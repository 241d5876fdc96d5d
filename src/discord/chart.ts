/**
 * The /compare chart as an attachment, drawn by the compare module's renderer (SVG → PNG). A chart that
 * fails to draw costs the chart, never the answer.
 */
import type { CompareGroup } from "../engine/answers";
import { renderChartPng } from "../compare/chart";
import type { Logger } from "./log";
import type { Attachment } from "./reply";
import { CHART_FILE } from "./render-compare";

/** Alt text limit of an attachment description. */
const DESCRIPTION_MAX = 1024;

/** Charts of the `wanted` groups of one answer, by group index. */
export async function drawCharts(groups: readonly CompareGroup[], topic: string, wanted: number[], log: Logger): Promise<Map<number, Attachment>> {
  const charts = new Map<number, Attachment>();
  for (const g of wanted) {
    const group = groups[g];
    if (!group) continue;
    try {
      const png = renderChartPng(group, `${topic}: ${group.label}`);
      charts.set(g, { name: CHART_FILE, data: Buffer.from(png), description: `Chart of the figures on ${topic}: ${group.label}`.slice(0, DESCRIPTION_MAX) });
    } catch (error) {
      log.warn("chart failed", { topic, group: group.label, error });
    }
    // Drawing is synchronous and takes tens of ms: let waiting interactions through between charts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return charts;
}
