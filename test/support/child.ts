/**
 * The project's TypeScript entry points (the CLI, the bot, a script of the test's own) run as child
 * processes through tsx, from the project root, as `npm run cli` and `npm start` run them.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "node:child_process";
import { join, resolve } from "node:path";
import { sleep } from "./wait";

export const ROOT = resolve(import.meta.dirname, "../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
/** A run that takes longer has hung: it is killed. */
const RUN_TIMEOUT_MS = 60_000;
const STARTUP_MS = 30_000;
const POLL_MS = 20;

export interface RunOptions {
  input?: string;
  /** The child's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Runs `tsx ...args` to its end; stdout and stderr as text. */
export function runTsx(args: string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(TSX, args, { cwd: ROOT, encoding: "utf8", timeout: RUN_TIMEOUT_MS, ...options });
}

/** `npm run -s cli -- ...args`. */
export function runCli(args: string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  return runTsx(["src/cli/cli.ts", ...args], options);
}

export interface TsxChild {
  proc: ChildProcess;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves once the output matches; fails with the output when the child exits or `timeoutMs` passes first. */
  waitFor(pattern: RegExp, what: string, timeoutMs?: number): Promise<void>;
  exit: Promise<number | null>;
}

/** Starts `tsx ...args` with exactly `env` as its environment, and keeps it running. */
export function startTsx(args: string[], env: NodeJS.ProcessEnv): TsxChild {
  const proc = spawn(TSX, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
  return {
    proc,
    output: () => out,
    exit,
    async waitFor(pattern, what, timeoutMs = STARTUP_MS) {
      const end = Date.now() + timeoutMs;
      while (!pattern.test(out)) {
        if (Date.now() > end || proc.exitCode !== null) throw new Error(`child: no ${what}; output so far:\n${out.slice(-2000)}`);
        await sleep(POLL_MS);
      }
    },
  };
}
