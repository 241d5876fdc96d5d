/** A small leveled logger for the bot: one line per event, level filtered by LOG_LEVEL. */
import { LOG_LEVELS, type LogLevel } from "../config";

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export type LogSink = (level: LogLevel, line: string) => void;

const toStderr: LogSink = (_level, line) => console.error(line);

export function createLogger(level: LogLevel = "info", sink: LogSink = toStderr): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (lvl: LogLevel) => (message: string, details?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(lvl) < threshold) return;
    const extra = details ? ` ${safeJson(details)}` : "";
    sink(lvl, `${new Date().toISOString()} ${lvl.toUpperCase()} ${message}${extra}`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Errors become their stack; cycles and bigints never throw. */
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
