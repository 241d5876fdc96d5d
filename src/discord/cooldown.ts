/**
 * Per-user, per-command cooldown as a token bucket: a user may send a short burst of one command
 * (`burst` uses at once), then one more every `seconds`; beyond that the use is refused with the
 * whole seconds until the next one is allowed. Autocomplete and page turns never take a token.
 */
export class Cooldowns {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly seconds: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes a token for `command` by `userId` and returns 0, or returns the whole seconds (≥ 1) until a
   * token is back when the bucket is empty (nothing is taken then).
   */
  take(userId: string, command: string): number {
    if (this.seconds <= 0) return 0;
    const key = `${userId}:${command}`;
    const now = this.now();
    const refillMs = this.seconds * 1000;
    const capacity = Math.max(1, this.burst);
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) / refillMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil(Math.round((1 - tokens) * refillMs) / 1000));
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > PRUNE_AT) this.prune(now, capacity, refillMs);
    return 0;
  }

  /** Forgets full buckets: a user who comes back finds a full bucket anyway. */
  private prune(now: number, capacity: number, refillMs: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) / refillMs >= capacity) this.buckets.delete(key);
  }
}

/** Entries kept before full buckets are swept, so memory stays bounded under many users. */
const PRUNE_AT = 10_000;
