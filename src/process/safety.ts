/**
 * Process-wide safety nets for the bot:
 * - secrets (the bot token) are scrubbed from everything written to stdout/stderr, whoever writes it
 *   (our logger, discord.js, a stray `console.log(client)`, a crash report);
 * - an unhandled promise rejection is logged and the process keeps serving (one failed reply must not
 *   take the bot down for everyone); an uncaught exception is logged, scrubbed, and ends the process
 *   with code 1, since Node's state after one is undefined and a supervisor should restart it;
 * - running out of heap cannot be caught (V8 aborts the process, exit code 134), so the heap is watched
 *   and a warning logged when it nears its limit: the log says why the process is about to die.
 */
import { inspect } from "node:util";
import { getHeapStatistics } from "node:v8";

export const REDACTED = "[redacted]";
/** Shorter "secrets" would scrub ordinary words; real tokens are ~70 characters. */
const MIN_SECRET_LENGTH = 8;
/** Anything shaped like a Discord bot token (base64 id . timestamp . HMAC), even one we were not told of. */
const TOKEN_SHAPE = /[A-Za-z\d_-]{23,28}\.[A-Za-z\d_-]{6,7}\.[A-Za-z\d_-]{27,}/g;

/** The forms a secret may take in output: as is, URL-encoded, and base64 (as in some auth headers). */
export function secretForms(secret: string): string[] {
  if (secret.length < MIN_SECRET_LENGTH) return [];
  return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64")])].sort((a, b) => b.length - a.length);
}

/** `text` with every form of every secret, and anything token-shaped, replaced by [redacted]. */
export function redact(text: string, secrets: readonly string[]): string {
  return redactForms(text, secrets.flatMap(secretForms));
}

/**
 * `value` with every string in it (nested in plain objects and arrays) redacted; anything else (Buffers,
 * numbers) as it is. For what the bot sends to Discord: a token quoted by an article never goes out.
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const forms = secrets.flatMap(secretForms);
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactForms(v, forms);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

function redactForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out.replace(TOKEN_SHAPE, REDACTED);
}

/**
 * `text` on one line whatever it holds: line breaks and other control characters written as escapes
 * (`\n`, `\u001b`), so a file name or a message with a newline cannot forge a log line of its own.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r" };

type Write = typeof process.stdout.write;

/**
 * Scrubs `secrets` from all later writes to stdout and stderr. Returns a function that undoes it.
 * Covers console.*, loggers writing to the streams and Node's own warnings; not writes straight to
 * file descriptor 1/2 (fs.writeSync(2, …)), which nothing in this project does.
 */
export function scrubOutput(secrets: readonly string[]): () => void {
  // The forms are worked out once, not on every write.
  const forms = secrets.flatMap(secretForms);
  const undo = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write;
    const write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
      const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : null;
      const clean = text === null ? chunk : redactForms(text, forms);
      return (original as (...args: unknown[]) => boolean).call(this, clean, ...rest);
    } as Write;
    stream.write = write;
    return () => {
      if (stream.write === write) stream.write = original;
    };
  });
  return () => undo.forEach((u) => u());
}

export interface GuardOptions {
  /** Where problems are reported (the message, a logger adds time and level); defaults to a stderr line (scrubbed when scrubOutput is on). */
  log?: (message: string) => void;
  /** Secrets to scrub from the reports even if output scrubbing is off. */
  secrets?: readonly string[];
  /** How often the heap is checked against its limit (tests check often). */
  heapCheckMs?: number;
  /** What an uncaught exception does after it is logged; defaults to exiting with code 1. */
  onFatal?: (error: unknown) => void;
}

/** A warning when the heap passes this share of its limit, again only after it fell below the lower one. */
const HEAP_WARN_SHARE = 0.85;
const HEAP_REARM_SHARE = 0.75;
const HEAP_CHECK_MS = 2_000;

function watchHeap(log: (line: string) => void, everyMs: number): () => void {
  let warned = false;
  const timer = setInterval(() => {
    const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
    if (!warned && used > HEAP_WARN_SHARE * limit) {
      warned = true;
      log(`${new Date().toISOString()} WARN memory nearly exhausted: ${Math.round(used / 2 ** 20)} of ${Math.round(limit / 2 ** 20)} MB of heap in use; the process will abort (exit code 134) if it runs out`);
    } else if (used < HEAP_REARM_SHARE * limit) warned = false;
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Logs unhandled rejections (and keeps running) and uncaught exceptions (and exits). Returns an uninstaller. */
export function installProcessGuards(options: GuardOptions = {}): () => void {
  const secrets = options.secrets ?? [];
  const log = options.log ?? ((message: string) => process.stderr.write(`${new Date().toISOString()} ERROR ${message}\n`));
  const describe = (value: unknown): string => redact(value instanceof Error ? (value.stack ?? value.message) : inspect(value, { depth: 4 }), secrets);
  const onRejection = (reason: unknown): void => {
    log(`unhandled promise rejection (logged; the bot keeps running): ${describe(reason)}`);
  };
  const onException = (error: unknown): void => {
    log(`uncaught exception, stopping: ${describe(error)}`);
    (options.onFatal ?? (() => process.exit(1)))(error);
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  const stopHeapWatch = watchHeap(log, options.heapCheckMs ?? HEAP_CHECK_MS);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
    stopHeapWatch();
  };
}
