/**
 * Process-wide safety nets for the bot:
 * - secrets (the bot token) are scrubbed from everything written to stdout/stderr, whoever writes it
 *   (our logger, discord.js, a stray `console.log(client)`, a crash report);
 * - an unhandled promise rejection is logged and the process keeps serving (one failed reply must not
 *   take the bot down for everyone); an uncaught exception is logged, scrubbed, and ends the process
 *   with code 1, since Node's state after one is undefined and a supervisor should restart it.
 */
import { inspect } from "node:util";

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

function redactForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out.replace(TOKEN_SHAPE, REDACTED);
}

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
  /** What an uncaught exception does after it is logged; defaults to exiting with code 1. */
  onFatal?: (error: unknown) => void;
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
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
