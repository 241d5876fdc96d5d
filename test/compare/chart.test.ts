import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { CHART_WIDTH, chartGeometry, COLORS, renderChartPng, renderChartSvg } from "../../src/compare/chart";
import type { CompareFigure, CompareGroup } from "../../src/compare/compare";
import { intervalOf } from "../../src/compare/extract/intervals";
import type { Qualifier } from "../../src/compare/extract/quantities";

function figure(ref: string, value: number, qualifier?: Qualifier): CompareFigure {
  const phrase = qualifier ? `${qualifier} ${value}` : String(value);
  const f: CompareFigure = {
    ref, articleId: ref, title: `Title ${ref}`, outlet: "Outlet", date: null, paragraph: 1, value, phrase, noun: "people",
    quote: `${phrase} people died.`, start: 0, end: 10, highlights: [], interval: intervalOf({ value, qualifier }), when: null,
  };
  if (qualifier) f.qualifier = qualifier;
  return f;
}

const group: CompareGroup = {
  label: "Velmora collapse, June 2031",
  articleIds: ["001", "002", "003"],
  figures: [figure("001", 130, "over"), figure("002", 139), figure("003", 140, "over")],
  agreement: { spread: { min: 130, max: 140 }, consistent: ["001", "002"], consensus: null, contradictions: [["002", "003"]], fits: [], summary: [] },
  figureCount: 3,
  articleCount: 3,
};

/** Width and height from the PNG header (IHDR). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function pixelAt(svg: string, x: number, y: number): [number, number, number] {
  const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  const pixels = img.pixels;
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
}

const hex = (c: string): [number, number, number] => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)) as [number, number, number];

describe("renderChartPng", () => {
  it("is a PNG of the chart's size: fixed width, one row per figure", () => {
    const png = renderChartPng(group);
    const g = chartGeometry(group);
    expect(pngSize(png)).toEqual({ width: CHART_WIDTH, height: g.height });
    expect(chartGeometry({ ...group, figures: group.figures.slice(0, 2) }).height).toBeLessThan(g.height);
  });

  it("draws the exact figure as a dot at its value and the open bound as a bar running right", () => {
    const svg = renderChartSvg(group);
    const g = chartGeometry(group);
    // Row 2 (139, contradicted by "over 140"): a red dot at x(139).
    expect(pixelAt(svg, g.x(139), g.rowY(1))).toEqual(hex(COLORS.disagree));
    // Row 1 ("over 130", in conflict with nothing): a bar well to the right of 130, and nothing left of it.
    const bar = pixelAt(svg, g.x(136), g.rowY(0));
    expect(bar).not.toEqual(hex(COLORS.background));
    expect(bar[2]).toBeGreaterThan(bar[0]); // blue
    expect(pixelAt(svg, g.x(g.domain[0]) + 3, g.rowY(0))).toEqual(hex(COLORS.background));
  });

  it("writes its labels as paths, so no font is needed", () => {
    const svg = renderChartSvg(group);
    expect(svg).not.toContain("<text");
    const g = chartGeometry(group);
    // The row label area left of the plot holds ink.
    const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    const pixels = img.pixels; // a getter that copies: read once
    let ink = 0;
    for (let x = 16; x < 120; x++) {
      for (let y = Math.round(g.rowY(0) - 8); y < g.rowY(0) + 8; y++) if (pixels[(y * img.width + x) * 4]! < 128) ink++;
    }
    expect(ink).toBeGreaterThan(20);
  });
});
