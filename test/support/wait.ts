/** Waiting in tests: a pause, and a poll until something holds that fails saying what it waited for. */
import { setTimeout as sleep } from "node:timers/promises";

export { sleep };

const POLL_MS = 5;

/** Resolves once `check` holds; rejects naming `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}
