/**
 * The /compare chart as an attachment, drawn by the compare module's renderer (SVG → PNG). A chart that
 * fails to draw costs the chart, never the answer.
 */
import type { CompareGroup } from "../engine/answers";
import { renderChartPng } from "../compare/render/chart";
import type { Logger } from "./log";
import type { Attachment } from "./reply";
import { CHART_FILE } from "./render-compare";

/** Alt text limit of an attachment description. */
const DESCRIPTION_MAX = 1024;

/** The chart of one event's figures, or undefined (logged) when it cannot be drawn. */
export function chartAttachment(group: CompareGroup, topic: string, log: Logger): Attachment | undefined {
  try {
    const png = renderChartPng(group, `${topic}: ${group.label}`);
    return { name: CHART_FILE, data: Buffer.from(png), description: `Chart of the figures on ${topic}: ${group.label}`.slice(0, DESCRIPTION_MAX) };
  } catch (error) {
    log.warn("chart failed", { topic, group: group.label, error });
    return undefined;
  }
}
