/**
 * A chart of one event's figures: one row per figure on a shared axis, an exact figure as a dot, a bound
 * or band as a bar (an arrow when it has no end), the counts every agreeing figure allows shaded.
 * Our own SVG, turned into PNG by @resvg/resvg-js (no browser, no native build). Text is drawn as
 * stroke paths (strokefont.ts), so the chart reads the same on a machine without any font.
 */
import { Resvg } from "@resvg/resvg-js";
import type { CompareFigure, CompareGroup } from "./compare";
import { isPoint } from "./extract/intervals";
import { textPath } from "./strokefont";
import { plural } from "../text/plural";

export const CHART_WIDTH = 900;
const MARGIN_LEFT = 250;
const MARGIN_RIGHT = 110;
const HEADER = 64;
const ROW = 34;
const AXIS = 56;
const LABEL_SIZE = 9;
const TITLE_SIZE = 13;
const BAR_HEIGHT = 12;
const DOT_RADIUS = 6;
/** How far past the largest finite bound an open-ended bar runs before its arrow. */
const OPEN_END_SHARE = 0.18;
const TICKS = 6;
const LABEL_CHARS = 26;

export const COLORS = {
  background: "#ffffff",
  text: "#1f2328",
  grid: "#d0d7de",
  agree: "#2f6fdf",
  disagree: "#d1495b",
  consensus: "#d6f0dc",
} as const;

export interface ChartGeometry {
  width: number;
  height: number;
  /** Pixel x of a value on the axis. */
  x(value: number): number;
  /** Pixel y of row `i`'s centre. */
  rowY(i: number): number;
  domain: [number, number];
}

/** Where things go: the same numbers draw the chart and let tests find a bar. */
export function chartGeometry(group: CompareGroup): ChartGeometry {
  const finite: number[] = [];
  for (const f of group.figures) {
    finite.push(f.value, f.interval.low);
    if (f.interval.high !== null) finite.push(f.interval.high);
    if (f.high !== undefined) finite.push(f.high);
  }
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const open = group.figures.some((f) => f.interval.high === null);
  const span = Math.max(hi - lo, Math.abs(hi) * 0.1, 1);
  if (open) hi += span * OPEN_END_SHARE * 2;
  lo = Math.max(0, lo - span * 0.15);
  hi += span * 0.1;
  const [niceLo, niceHi] = niceDomain(lo, hi);
  const plotLeft = MARGIN_LEFT;
  const plotRight = CHART_WIDTH - MARGIN_RIGHT;
  const height = HEADER + group.figures.length * ROW + AXIS;
  return {
    width: CHART_WIDTH,
    height,
    x: (v) => plotLeft + ((Math.min(Math.max(v, niceLo), niceHi) - niceLo) / (niceHi - niceLo)) * (plotRight - plotLeft),
    rowY: (i) => HEADER + i * ROW + ROW / 2,
    domain: [niceLo, niceHi],
  };
}

/** The SVG of a group's chart. `title` defaults to the group label. */
export function renderChartSvg(group: CompareGroup, title = group.label): string {
  const g = chartGeometry(group);
  const disputed = new Set(group.agreement.contradictions.flat());
  const parts: string[] = [`<rect width="${g.width}" height="${g.height}" fill="${COLORS.background}"/>`];
  parts.push(text(title, 16, 26, TITLE_SIZE, "start", COLORS.text, 1.6));
  parts.push(text(subtitle(group), 16, 46, LABEL_SIZE - 1, "start", COLORS.text, 1));
  const top = HEADER - 6;
  const bottom = g.height - AXIS + 6;
  const c = group.agreement.consensus;
  if (c && group.figures.length > 1) {
    const x1 = g.x(c.low);
    const x2 = c.high === null ? g.x(g.domain[1]) : g.x(c.high);
    parts.push(`<rect x="${x1 - 2}" y="${top}" width="${Math.max(4, x2 - x1 + 4)}" height="${bottom - top}" fill="${COLORS.consensus}"/>`);
  }
  for (const t of ticks(g.domain[0], g.domain[1])) {
    const x = g.x(t);
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    parts.push(text(t.toLocaleString("en"), x, bottom + 18, LABEL_SIZE, "middle", COLORS.text, 1));
  }
  parts.push(`<line x1="${MARGIN_LEFT}" y1="${bottom}" x2="${CHART_WIDTH - MARGIN_RIGHT}" y2="${bottom}" stroke="${COLORS.text}" stroke-width="1.2"/>`);
  group.figures.forEach((f, i) => parts.push(...row(g, f, i, disputed.has(f.ref) ? COLORS.disagree : COLORS.agree)));
  parts.push(text("dot: exact figure   bar: bound or band   red: contradicted by another figure" + (c ? "   shaded: what most figures allow" : ""), 16, g.height - 10, LABEL_SIZE - 2, "start", COLORS.text, 0.9));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}">${parts.join("")}</svg>`;
}

/** The chart as PNG bytes. */
export function renderChartPng(group: CompareGroup, title?: string): Buffer {
  const svg = renderChartSvg(group, title);
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}

function row(g: ChartGeometry, f: CompareFigure, i: number, color: string): string[] {
  const y = g.rowY(i);
  const out: string[] = [text(rowLabel(f), 16, y + LABEL_SIZE / 2, LABEL_SIZE, "start", COLORS.text, 1)];
  const iv = f.interval;
  let right: number;
  if (isPoint(iv)) {
    right = g.x(f.value) + DOT_RADIUS;
    out.push(`<circle cx="${g.x(f.value)}" cy="${y}" r="${DOT_RADIUS}" fill="${color}"/>`);
  } else {
    const x1 = g.x(iv.low);
    const x2 = iv.high === null ? g.x(g.domain[1]) - 10 : g.x(iv.high);
    out.push(`<rect x="${x1}" y="${y - BAR_HEIGHT / 2}" width="${Math.max(3, x2 - x1)}" height="${BAR_HEIGHT}" rx="3" fill="${color}" fill-opacity="0.75"/>`);
    if (iv.high === null) out.push(`<path d="M${x2} ${y - BAR_HEIGHT} L${x2 + 10} ${y} L${x2} ${y + BAR_HEIGHT} Z" fill="${color}"/>`);
    // The number as written, marked on the bar.
    out.push(`<line x1="${g.x(f.value)}" y1="${y - BAR_HEIGHT}" x2="${g.x(f.value)}" y2="${y + BAR_HEIGHT}" stroke="${COLORS.text}" stroke-width="2"/>`);
    right = iv.high === null ? x2 + 10 : x2;
  }
  out.push(text(f.phrase, Math.min(right + 8, CHART_WIDTH - 8), y + LABEL_SIZE / 2, LABEL_SIZE, right + 8 > CHART_WIDTH - MARGIN_RIGHT + 60 ? "end" : "start", color, 1.2));
  return out;
}

/** "001 · Outlet" (or the title when the outlet is unknown), cut to fit the margin. */
function rowLabel(f: CompareFigure): string {
  const who = f.outlet ?? f.title ?? "";
  const label = who ? `${f.ref} · ${who}` : f.ref;
  return label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1)}…`;
}

function subtitle(group: CompareGroup): string {
  const s = group.agreement.spread;
  const range = s ? (s.min === s.max ? `${s.min}` : `${s.min} to ${s.max}`) : "";
  return `${plural(group.figures.length, "figure")} from ${plural(group.articleIds.length, "article")}${range ? `, ${range}` : ""}`;
}

function text(content: string, x: number, y: number, size: number, anchor: "start" | "middle" | "end", color: string, weight: number): string {
  const p = textPath(content, x, y, size, anchor);
  return `<path d="${p.d}" fill="none" stroke="${color}" stroke-width="${weight}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** A domain on round numbers (1, 2 or 5 times a power of ten). */
function niceDomain(lo: number, hi: number): [number, number] {
  const step = niceStep((hi - lo) / TICKS);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

function ticks(lo: number, hi: number): number[] {
  const step = niceStep((hi - lo) / TICKS);
  const out: number[] = [];
  for (let t = lo; t <= hi + step / 1e6; t += step) out.push(Math.round(t * 1e6) / 1e6);
  return out;
}
