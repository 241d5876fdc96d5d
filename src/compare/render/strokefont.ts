/**
 * A small stroke font drawn as SVG paths, so chart labels need no font file: a clean machine (CI, a slim
 * container) often has no system font, and resvg draws no text without one. Capitals, digits and common
 * punctuation on a 4×6 grid; lowercase letters are drawn as small capitals; accents are dropped.
 */

/** Polylines per character, "x,y x,y;x,y x,y" on a grid 4 wide and 6 high (y down, baseline at 6). */
const GLYPHS: Record<string, string> = {
  A: "0,6 0,2 2,0 4,2 4,6;0,4 4,4",
  B: "0,0 0,6 3,6 4,5 4,4 3,3 0,3;0,0 3,0 4,1 4,2 3,3",
  C: "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5",
  D: "0,0 0,6 2,6 4,4 4,2 2,0 0,0",
  E: "4,0 0,0 0,6 4,6;0,3 3,3",
  F: "4,0 0,0 0,6;0,3 3,3",
  G: "4,1 3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,3 2,3",
  H: "0,0 0,6;4,0 4,6;0,3 4,3",
  I: "1,0 3,0;2,0 2,6;1,6 3,6",
  J: "4,0 4,5 3,6 1,6 0,5",
  K: "0,0 0,6;4,0 0,4;1,3 4,6",
  L: "0,0 0,6 4,6",
  M: "0,6 0,0 2,3 4,0 4,6",
  N: "0,6 0,0 4,6 4,0",
  O: "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0",
  P: "0,6 0,0 3,0 4,1 4,2 3,3 0,3",
  Q: "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0;2,4 4,6",
  R: "0,6 0,0 3,0 4,1 4,2 3,3 0,3;2,3 4,6",
  S: "4,1 3,0 1,0 0,1 0,2 1,3 3,3 4,4 4,5 3,6 1,6 0,5",
  T: "0,0 4,0;2,0 2,6",
  U: "0,0 0,5 1,6 3,6 4,5 4,0",
  V: "0,0 2,6 4,0",
  W: "0,0 1,6 2,3 3,6 4,0",
  X: "0,0 4,6;4,0 0,6",
  Y: "0,0 2,3 4,0;2,3 2,6",
  Z: "0,0 4,0 0,6 4,6",
  "0": "1,0 3,0 4,1 4,5 3,6 1,6 0,5 0,1 1,0;0.5,5 3.5,1",
  "1": "1,1 2,0 2,6;1,6 3,6",
  "2": "0,1 1,0 3,0 4,1 4,2 0,6 4,6",
  "3": "0,1 1,0 3,0 4,1 4,2 3,3 4,4 4,5 3,6 1,6 0,5;1,3 3,3",
  "4": "3,6 3,0 0,4 4,4",
  "5": "4,0 0,0 0,3 3,3 4,4 4,5 3,6 1,6 0,5",
  "6": "3,0 1,0 0,1 0,5 1,6 3,6 4,5 4,4 3,3 0,3",
  "7": "0,0 4,0 1,6",
  "8": "1,3 0,2 0,1 1,0 3,0 4,1 4,2 3,3 1,3 0,4 0,5 1,6 3,6 4,5 4,4 3,3",
  "9": "4,3 1,3 0,2 0,1 1,0 3,0 4,1 4,5 3,6 1,6",
  ".": "2,5.6 2,6",
  ",": "2,5.4 2,6 1.4,7",
  ":": "2,1.6 2,2;2,5.6 2,6",
  ";": "2,1.6 2,2;2,5.4 2,6 1.4,7",
  "-": "1,3 3,3",
  "–": "0,3 4,3",
  "—": "0,3 4,3",
  "(": "3,0 2,1 2,5 3,6",
  ")": "1,0 2,1 2,5 1,6",
  "[": "3,0 2,0 2,6 3,6",
  "]": "1,0 2,0 2,6 1,6",
  "/": "4,0 0,6",
  "'": "2,0 2,1.5",
  '"': "1.4,0 1.4,1.5;2.6,0 2.6,1.5",
  "?": "0,1 1,0 3,0 4,1 4,2 2,3 2,4;2,5.6 2,6",
  "!": "2,0 2,4;2,5.6 2,6",
  ">": "0,1 4,3 0,5",
  "<": "4,1 0,3 4,5",
  "=": "0,2 4,2;0,4 4,4",
  "+": "2,1 2,5;0,3 4,3",
  "%": "0,6 4,0;0,0 1,0 1,1 0,1 0,0;3,5 4,5 4,6 3,6 3,5",
  "#": "1,0 1,6;3,0 3,6;0,2 4,2;0,4 4,4",
  "*": "2,1 2,5;0.5,2 3.5,4;3.5,2 0.5,4",
  "_": "0,6 4,6",
  "&": "4,6 1,2 1,1 2,0 3,1 3,2 0,4 0,5 1,6 2,6 4,4",
  "·": "2,2.8 2,3.2",
  "…": "0,5.6 0,6;2,5.6 2,6;4,5.6 4,6",
  "∞": "2,3 1,2 0,3 1,4 2,3 3,2 4,3 3,4 2,3",
  "~": "0,3.5 1,2.5 3,3.5 4,2.5",
  "≈": "0,2.5 1,1.5 3,2.5 4,1.5;0,4.5 1,3.5 3,4.5 4,3.5",
  "≥": "0,0.5 4,2.5 0,4.5;0,6 4,6",
  "≤": "4,0.5 0,2.5 4,4.5;0,6 4,6",
  "±": "2,1 2,4;0,2.5 4,2.5;0,5.5 4,5.5",
  $: "4,1 3,0.5 1,0.5 0,1.5 1,3 3,3 4,4.5 3,5.5 1,5.5 0,5;2,0 2,6",
  "€": "4,1 3,0 1.5,0 0.5,1 0.5,5 1.5,6 3,6 4,5;0,2.5 3,2.5;0,3.5 3,3.5",
  "£": "4,1 3,0 2,0 1,1 1,6;0,6 4,6;0,3 3,3",
};
const UNKNOWN = "0,0 4,0 4,6 0,6 0,0";
/** Characters drawn in a narrow cell. */
const NARROW = new Set([..."., :;'!()[]|·"]);

const CAP_HEIGHT = 6;
const ADVANCE = 5.4;
const NARROW_ADVANCE = 3.4;
const SPACE_ADVANCE = 3.6;
/** Lowercase letters as capitals this much smaller. */
const SMALL_CAPS = 0.76;

export interface TextPath {
  /** SVG path data. */
  d: string;
  width: number;
}

/** The path of `text` with its baseline at `y`; `size` is the capital height in pixels. */
export function textPath(text: string, x: number, y: number, size: number, anchor: "start" | "middle" | "end" = "start"): TextPath {
  const unit = size / CAP_HEIGHT;
  const chars = [...text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[“”]/g, '"').replace(/[‘’]/g, "'")];
  const width = chars.reduce((w, c) => w + advance(c) * scaleOf(c), 0) * unit;
  let pen = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  const parts: string[] = [];
  for (const c of chars) {
    const scale = scaleOf(c);
    const glyph = c === " " ? "" : GLYPHS[c.toUpperCase()] ?? UNKNOWN;
    const shift = NARROW.has(c) ? -1 : 0;
    for (const line of glyph.split(";").filter(Boolean)) {
      const pts = line.split(" ").map((p) => p.split(",").map(Number) as [number, number]);
      parts.push(
        pts
          .map(([gx, gy], k) => `${k === 0 ? "M" : "L"}${r(pen + (gx + shift) * unit * scale)} ${r(y - (CAP_HEIGHT - gy) * unit * scale)}`)
          .join(""),
      );
    }
    pen += advance(c) * unit * scale;
  }
  return { d: parts.join(""), width };
}

function advance(c: string): number {
  return c === " " ? SPACE_ADVANCE : NARROW.has(c) ? NARROW_ADVANCE : ADVANCE;
}

function scaleOf(c: string): number {
  return c !== c.toUpperCase() ? SMALL_CAPS : 1;
}

function r(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}
