/**
 * A small leveled logger for the bot: one line per event on stderr, level filtered by LOG_LEVEL; with
 * LOG_FORMAT=json each line is one JSON object (`time`, `level`, `msg`, then the details) for a log
 * collector. Either way it goes through the process's scrubbed stderr, so the token never shows.
 */
import { LOG_LEVELS, type LogFormat, type LogLevel } from "../config";
import { oneLine } from "../process/safety";

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export type LogSink = (level: LogLevel, line: string) => void;

const toStderr: LogSink = (_level, line) => console.error(line);

export function createLogger(level: LogLevel = "info", sink: LogSink = toStderr, format: LogFormat = "text"): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (lvl: LogLevel) => (message: string, details?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(lvl) < threshold) return;
    const time = new Date().toISOString();
    if (format === "json") {
      // The three fields first, and never overwritten by a detail of the same name.
      sink(lvl, safeJson(Object.assign({ time, level: lvl, msg: message, ...details }, { time, level: lvl, msg: message })));
      return;
    }
    const extra = details ? ` ${safeJson(details)}` : "";
    // One event, one line: a message quoting a file name with a newline cannot forge another entry.
    sink(lvl, `${time} ${lvl.toUpperCase()} ${oneLine(message)}${extra}`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Errors become their stack; cycles and bigints never throw; line breaks stay escaped (one line each). */
function safeJson(details: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(details, (_key, value: unknown) => {
    if (value instanceof Error) return value.stack ?? value.message;
    if (typeof value === "bigint") return value.toString();
    if (value && typeof value === "object") {
      if (seen.has(value)) return "[cycle]";
      seen.add(value);
    }
    return value;
  });
}
