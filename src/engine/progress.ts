/**
 * Progress of long work (reading and indexing a large corpus): a bar redrawn in place on a terminal,
 * plain log lines when stderr is a file or a pipe (a service log must not fill with carriage returns).
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Ends the bar (or logs the final line) with what was done. */
  finish(message: string): void;
}

/** A terminal bar is redrawn at most this often; a log line is written each time this share is crossed. */
const REDRAW_MS = 100;
const LOG_STEP = 0.25;
const BAR_WIDTH = 30;
/** Work smaller than this finishes before a bar is worth drawing. */
const MIN_TOTAL = 500;

export function progress(label: string, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  let lastDraw = -Infinity;
  let nextLog = LOG_STEP;
  let drawn = false;
  return {
    update(done, total) {
      if (total < MIN_TOTAL) return;
      const share = Math.min(1, done / total);
      if (stream.isTTY) {
        if (now() - lastDraw < REDRAW_MS && done < total) return;
        lastDraw = now();
        drawn = true;
        stream.write(`\r\x1b[2K${bar(label, share, done, total)}`);
      } else if (share >= nextLog && share < 1) {
        stream.write(`${label}: ${done}/${total} (${Math.round(share * 100)}%)\n`);
        while (nextLog <= share) nextLog += LOG_STEP;
      }
    },
    finish(message) {
      if (drawn) stream.write("\r\x1b[2K");
      stream.write(`${message}\n`);
    },
  };
}

export function bar(label: string, share: number, done: number, total: number): string {
  const filled = Math.round(share * BAR_WIDTH);
  return `${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`;
}
