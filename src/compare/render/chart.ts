/**
 * A chart of one event's figures, legible at Discord's embed width (drawn large, shown about half size):
 * one row per figure in report order on a shared axis, an exact figure as a dot, a bound or band as a bar
 * (an arrow when it has no end), each value written in digits ("≥45", "~50", "100–999"). Colour is the
 * day it was reported (a legend names the days); a figure that another outlet contradicted the same day
 * is ringed in red; the counts every agreeing figure allows are shaded.
 * Our own SVG, turned into PNG by @resvg/resvg-js (no browser, no native build). Text is drawn as
 * stroke paths (strokefont.ts), so the chart reads the same on a machine without any font.
 */
import { Resvg } from "@resvg/resvg-js";
import type { CompareFigure, CompareGroup } from "../answer/compare";
import { isPoint } from "../extract/intervals";
import { dayLabel } from "../events/reported";
import { textPath } from "./strokefont";
import { plural } from "../../text/plural";

export const CHART_WIDTH = 800;
const MARGIN_LEFT = 300;
const MARGIN_RIGHT = 120;
const HEADER = 84;
const ROW = 44;
const AXIS = 50;
const LEGEND_ROW = 30;
const LABEL_SIZE = 18;
const TITLE_SIZE = 22;
const BAR_HEIGHT = 16;
const DOT_RADIUS = 9;
const RING = 4;
/** How far past the largest finite bound an open-ended bar runs before its arrow. */
const OPEN_END_SHARE = 0.18;
const TICKS = 5;
const LABEL_CHARS = 22;
const TITLE_CHARS = 52;
/** Report days named in the legend; later days share the last colour. */
const MAX_DAYS = 6;

export const COLORS = {
  background: "#ffffff",
  text: "#1f2328",
  grid: "#d0d7de",
  undated: "#8c959f",
  disagree: "#d1495b",
  consensus: "#d6f0dc",
} as const;
/** One colour per report day, earliest first: a sequence a reader can follow (blue, teal, green, olive, orange, purple). */
export const DAY_COLORS = ["#2f6fdf", "#1b9e9e", "#3a9d4a", "#8a8a1f", "#d9822b", "#8e44ad"] as const;

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
export function chartGeometry(group: CompareGroup, days: readonly string[] = reportDays(group)): ChartGeometry {
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
  const legendRows = Math.ceil((days.length + 1) / 3);
  const height = HEADER + group.figures.length * ROW + AXIS + legendRows * LEGEND_ROW + 10;
  return {
    width: CHART_WIDTH,
    height,
    x: (v) => plotLeft + ((Math.min(Math.max(v, niceLo), niceHi) - niceLo) / (niceHi - niceLo)) * (plotRight - plotLeft),
    rowY: (i) => HEADER + i * ROW + ROW / 2,
    domain: [niceLo, niceHi],
  };
}

/** The distinct days the figures were reported, earliest first (at most `MAX_DAYS`). */
function reportDays(group: CompareGroup): string[] {
  return [...new Set(group.figures.map((f) => f.reportedAt?.slice(0, 10)).filter((d): d is string => !!d))].sort().slice(0, MAX_DAYS);
}

/** The colour of a figure: its report day's (`days`: the group's report days), grey when undated. */
function figureColor(days: readonly string[], f: CompareFigure): string {
  if (!f.reportedAt) return COLORS.undated;
  const k = days.indexOf(f.reportedAt.slice(0, 10));
  return DAY_COLORS[k < 0 ? DAY_COLORS.length - 1 : Math.min(k, DAY_COLORS.length - 1)]!;
}

/** The SVG of a group's chart. `title` defaults to the group label. */
export function renderChartSvg(group: CompareGroup, title = group.label): string {
  const days = reportDays(group);
  const g = chartGeometry(group, days);
  const disputed = new Set(group.agreement.contradictions.flat());
  const parts: string[] = [`<rect width="${g.width}" height="${g.height}" fill="${COLORS.background}"/>`];
  parts.push(text(cut(title, TITLE_CHARS), 16, 34, TITLE_SIZE, "start", COLORS.text, 2.2));
  parts.push(text(subtitle(group), 16, 64, LABEL_SIZE - 2, "start", COLORS.text, 1.4));
  const top = HEADER - 8;
  const bottom = HEADER + group.figures.length * ROW + 8;
  const c = group.agreement.consensus;
  if (c && group.figures.length > 1) {
    const x1 = g.x(c.low);
    const x2 = c.high === null ? g.x(g.domain[1]) : g.x(c.high);
    parts.push(`<rect x="${x1 - 3}" y="${top}" width="${Math.max(6, x2 - x1 + 6)}" height="${bottom - top}" fill="${COLORS.consensus}"/>`);
  }
  for (const t of ticks(g.domain[0], g.domain[1])) {
    const x = g.x(t);
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${COLORS.grid}" stroke-width="1.5"/>`);
    parts.push(text(t.toLocaleString("en"), x, bottom + 26, LABEL_SIZE - 2, "middle", COLORS.text, 1.4));
  }
  parts.push(`<line x1="${MARGIN_LEFT}" y1="${bottom}" x2="${CHART_WIDTH - MARGIN_RIGHT}" y2="${bottom}" stroke="${COLORS.text}" stroke-width="2"/>`);
  group.figures.forEach((f, i) => parts.push(...row(g, f, i, figureColor(days, f), disputed.has(f.ref))));
  parts.push(...legend(group, days, bottom + AXIS, disputed.size > 0));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}">${parts.join("")}</svg>`;
}

/** The chart as PNG bytes. */
export function renderChartPng(group: CompareGroup, title?: string): Buffer {
  const svg = renderChartSvg(group, title);
  return new Resvg(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } }).render().asPng();
}

function row(g: ChartGeometry, f: CompareFigure, i: number, color: string, disputed: boolean): string[] {
  const y = g.rowY(i);
  const out: string[] = [text(rowLabel(f), 16, y + LABEL_SIZE / 2, LABEL_SIZE, "start", COLORS.text, 1.5)];
  const iv = f.interval;
  let right: number;
  if (isPoint(iv)) {
    const x = g.x(f.value);
    right = x + DOT_RADIUS + (disputed ? RING : 0);
    if (disputed) out.push(`<circle cx="${x}" cy="${y}" r="${DOT_RADIUS + RING}" fill="${COLORS.disagree}"/>`);
    out.push(`<circle cx="${x}" cy="${y}" r="${DOT_RADIUS}" fill="${color}"/>`);
  } else {
    const x1 = g.x(iv.low);
    const x2 = iv.high === null ? g.x(g.domain[1]) - 12 : g.x(iv.high);
    const stroke = disputed ? ` stroke="${COLORS.disagree}" stroke-width="${RING}"` : "";
    out.push(`<rect x="${x1}" y="${y - BAR_HEIGHT / 2}" width="${Math.max(4, x2 - x1)}" height="${BAR_HEIGHT}" rx="4" fill="${color}" fill-opacity="0.8"${stroke}/>`);
    if (iv.high === null) out.push(`<path d="M${x2} ${y - BAR_HEIGHT} L${x2 + 12} ${y} L${x2} ${y + BAR_HEIGHT} Z" fill="${color}"/>`);
    // The number as written, marked on the bar.
    out.push(`<line x1="${g.x(f.value)}" y1="${y - BAR_HEIGHT}" x2="${g.x(f.value)}" y2="${y + BAR_HEIGHT}" stroke="${COLORS.text}" stroke-width="3"/>`);
    right = iv.high === null ? x2 + 12 : x2;
  }
  const label = valueLabel(f);
  const fits = right + 10 + label.length * LABEL_SIZE * 0.75 <= CHART_WIDTH - 6;
  out.push(text(label, fits ? right + 10 : CHART_WIDTH - 8, y + LABEL_SIZE / 2, LABEL_SIZE, fits ? "start" : "end", COLORS.text, 1.8));
  return out;
}

/** The value in digits: "163", "≥45" (at least), ">130" (over), "~41" (about), "<50" (nearly, under), "100–999" (a band or rough amount). */
export function valueLabel(f: CompareFigure): string {
  const n = (v: number): string => v.toLocaleString("en");
  const iv = f.interval;
  if (isPoint(iv) && !f.vague) return n(f.value);
  const sign = f.vague ? undefined : f.qualifier ? QUALIFIER_SIGNS[f.qualifier] : undefined;
  if (sign) return `${sign}${n(f.value)}`;
  return iv.high === null ? `≥${n(Math.ceil(iv.low))}` : `${n(Math.ceil(iv.low))}–${n(Math.floor(iv.high))}`;
}

const QUALIFIER_SIGNS: Partial<Record<NonNullable<CompareFigure["qualifier"]>, string>> = {
  over: ">",
  "at least": "≥",
  about: "~",
  nearly: "<",
  under: "<",
  "at most": "≤",
};

/** "002 · 14 Jun · police", cut to fit the margin. */
function rowLabel(f: CompareFigure): string {
  const day = f.reportedAt ? dayLabel(f.reportedAt).replace(/^(\d+ \p{L}{3})\p{L}* \d{4}$/u, "$1") : null;
  const who = f.source ?? f.outlet;
  return cut([f.ref, day, who].filter(Boolean).join(" · "), LABEL_CHARS);
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function legend(group: CompareGroup, days: readonly string[], y: number, disputed: boolean): string[] {
  const items: { color: string; label: string }[] = days.map((d, k) => ({ color: DAY_COLORS[Math.min(k, DAY_COLORS.length - 1)]!, label: `reported ${dayLabel(d).replace(/ \d{4}$/, "")}` }));
  if (group.figures.some((f) => !f.reportedAt)) items.push({ color: COLORS.undated, label: "undated" });
  if (disputed) items.push({ color: COLORS.disagree, label: "red ring: disputed same day" });
  const out: string[] = [];
  items.forEach((it, k) => {
    const x = 16 + (k % 3) * 260;
    const yy = y + Math.floor(k / 3) * LEGEND_ROW;
    out.push(`<rect x="${x}" y="${yy - 14}" width="16" height="16" rx="3" fill="${it.color}"/>`);
    out.push(text(cut(it.label, 20), x + 24, yy, LABEL_SIZE - 4, "start", COLORS.text, 1.3));
  });
  return out;
}

function subtitle(group: CompareGroup): string {
  const s = group.agreement.spread;
  const range = s ? (s.min === s.max ? `${s.min.toLocaleString("en")}` : `${s.min.toLocaleString("en")} to ${s.max.toLocaleString("en")}`) : "";
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
