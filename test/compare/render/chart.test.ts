import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { CHART_WIDTH, chartGeometry, COLORS, DAY_COLORS, renderChartPng, renderChartSvg, valueLabel } from "../../../src/compare/render/chart";
import type { CompareFigure, CompareGroup } from "../../../src/compare/answer/compare";
import { intervalOf } from "../../../src/compare/extract/intervals";
import type { Qualifier } from "../../../src/compare/extract/quantities";

function figure(ref: string, value: number, qualifier?: Qualifier, reportedAt: string | null = "2031-06-13"): CompareFigure {
  const phrase = qualifier ? `${qualifier} ${value}` : String(value);
  const f: CompareFigure = {
    ref, articleId: ref, title: `Title ${ref}`, outlet: "Outlet", date: null, paragraph: 1, value, phrase, noun: "people",
    quote: `${phrase} people died.`, start: 0, end: 10, highlights: [], interval: intervalOf({ value, qualifier }), when: null,
    reportedAt, source: "police", kind: "total",
  };
  if (qualifier) f.qualifier = qualifier;
  return f;
}

const group: CompareGroup = {
  label: "Velmora collapse, June 2031",
  event: { type: "collapse", place: "Velmora", date: "12 June 2031", kind: "main" },
  latest: null,
  articleIds: ["001", "002", "003", "004"],
  figures: [figure("001", 130, "over"), figure("002", 139), figure("003", 140, "over", "2031-06-14"), figure("004", 137, undefined, null)],
  agreement: { spread: { min: 130, max: 140 }, consistent: ["001", "002"], consensus: null, contradictions: [["002", "003"]], fits: [], latest: "003", parts: [], summary: [] },
  figureCount: 4,
  articleCount: 4,
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

  it("draws the exact figure as a dot at its value, ringed in red when disputed, and the open bound as a bar running right", () => {
    const svg = renderChartSvg(group);
    const g = chartGeometry(group);
    // Row 2 (139, disputed the same day): a dot of the first day's colour at x(139), a red ring around it.
    expect(pixelAt(svg, g.x(139), g.rowY(1))).toEqual(hex(DAY_COLORS[0]));
    expect(pixelAt(svg, g.x(139) + 11, g.rowY(1))).toEqual(hex(COLORS.disagree));
    // Row 1 ("over 130", reported on the first day): a bar well to the right of 130, and nothing left of it.
    const bar = pixelAt(svg, g.x(136), g.rowY(0));
    expect(bar).not.toEqual(hex(COLORS.background));
    expect(bar[2]).toBeGreaterThan(bar[0]); // blue
    expect(pixelAt(svg, g.x(g.domain[0]) + 3, g.rowY(0))).toEqual(hex(COLORS.background));
  });

  it("colours each figure by the day it was reported, grey when undated", () => {
    const svg = renderChartSvg(group);
    const g = chartGeometry(group);
    expect(pixelAt(svg, g.x(137), g.rowY(3))).toEqual(hex(COLORS.undated));
    // Row 3 ("over 140", the second day): its bar in the second day's colour (partly transparent over white).
    const [r, gr, b] = pixelAt(svg, g.x(g.domain[1]) - 30, g.rowY(2));
    const [r2, g2, b2] = hex(DAY_COLORS[1]);
    expect(Math.abs(r - (r2 * 0.8 + 255 * 0.2))).toBeLessThan(4);
    expect(Math.abs(gr - (g2 * 0.8 + 255 * 0.2))).toBeLessThan(4);
    expect(Math.abs(b - (b2 * 0.8 + 255 * 0.2))).toBeLessThan(4);
  });

  it("writes values in digits: exact, bounds with their sign, rough amounts as a band", () => {
    expect(group.figures.map(valueLabel)).toEqual([">130", "139", ">140", "137"]);
    expect(valueLabel({ ...figure("005", 100), vague: true, kind: "vague", interval: { low: 100, high: 999, lowOpen: false, highOpen: false } })).toBe("100–999");
    expect(valueLabel(figure("006", 45, "at least"))).toBe("≥45");
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
