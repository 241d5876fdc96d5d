/** Per-user, per-command cooldown: one command every `seconds`, answered "try again in N s" otherwise. */
export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a use of `command` by `userId` and returns 0, or returns the whole seconds left (≥ 1) when
   * the user is still cooling down (the use is then not recorded).
   */
  take(userId: string, command: string): number {
    if (this.seconds <= 0) return 0;
    const key = `${userId}:${command}`;
    const now = this.now();
    const until = this.until.get(key) ?? 0;
    if (until > now) return Math.max(1, Math.ceil((until - now) / 1000));
    this.until.set(key, now + this.seconds * 1000);
    if (this.until.size > PRUNE_AT) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}

/** Entries kept before expired ones are swept, so memory stays bounded under many users. */
const PRUNE_AT = 10_000;
