/**
 * The /compare chart as an attachment. The PNG renderer belongs to the compare module
 * (`src/compare/chart.ts`, `renderChartPng(group, topic?)`); it is looked up at run time so the bot works,
 * without a chart, in a version that does not have it. A renderer that fails costs the chart, never the answer.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CompareGroup } from "../engine/answers";
import type { Logger } from "./log";
import type { Attachment } from "./reply";
import { CHART_FILE } from "./render-compare";

type PngRenderer = (group: CompareGroup, topic?: string) => Uint8Array | Promise<Uint8Array>;

const CHART_MODULE = new URL("../compare/chart.ts", import.meta.url);
let renderer: Promise<PngRenderer | null> | undefined;

export function loadChartRenderer(): Promise<PngRenderer | null> {
  renderer ??= (async () => {
    if (!existsSync(fileURLToPath(CHART_MODULE))) return null;
    const module = (await import(/* @vite-ignore */ CHART_MODULE.href)) as Record<string, unknown>;
    return typeof module.renderChartPng === "function" ? (module.renderChartPng as PngRenderer) : null;
  })().catch(() => null);
  return renderer;
}

/** Charts for the groups of one answer, drawn before rendering (rendering itself is synchronous). */
export async function drawCharts(groups: readonly CompareGroup[], topic: string, wanted: number[], log: Logger): Promise<Map<number, Attachment>> {
  const render = await loadChartRenderer();
  const charts = new Map<number, Attachment>();
  if (!render) return charts;
  for (const g of wanted) {
    const group = groups[g];
    if (!group) continue;
    try {
      const png = await render(group, topic);
      charts.set(g, { name: CHART_FILE, data: Buffer.from(png), description: `Figures on ${topic}: ${group.label}`.slice(0, 1024) });
    } catch (error) {
      log.warn("chart failed", { topic, group: group.label, error });
    }
  }
  return charts;
}
