/**
 * Splits a scraped page into blocks (candidate paragraphs) with offsets into the raw text. Scrapes come
 * either one paragraph per line, or hard-wrapped with blank lines between paragraphs; both are handled.
 */

export interface Block {
  start: number;
  end: number;
  text: string;
}

/** Lines this short, in a file where blank lines separate chunks, are taken to be hard-wrapped. */
const WRAP_WIDTH = 100;

export function splitBlocks(raw: string): Block[] {
  const lines = splitLines(raw);
  return isHardWrapped(raw, lines) ? mergeWrapped(raw, lines) : lines;
}

function splitLines(raw: string): Block[] {
  const blocks: Block[] = [];
  for (const m of raw.matchAll(/[^\r\n]+/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text) blocks.push({ start: m.index + lead, end: m.index + lead + text.length, text });
  }
  return blocks;
}

function isHardWrapped(raw: string, lines: Block[]): boolean {
  if (lines.length < 6 || !/\n[ \t]*\n/.test(raw)) return false;
  const shortLines = lines.filter((l) => l.text.length <= WRAP_WIDTH).length;
  const continued = lines.filter((l, i) => i > 0 && /^\p{Ll}/u.test(l.text)).length;
  return shortLines / lines.length > 0.9 && continued / lines.length > 0.2;
}

/** Joins the lines of each blank-line-separated chunk into one block. */
function mergeWrapped(raw: string, lines: Block[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    const gap = current ? raw.slice(current.end, line.start) : "";
    if (current && !/\n[ \t]*\n/.test(gap)) {
      current = { start: current.start, end: line.end, text: raw.slice(current.start, line.end) };
      blocks[blocks.length - 1] = current;
    } else {
      current = { ...line };
      blocks.push(current);
    }
  }
  return blocks;
}
