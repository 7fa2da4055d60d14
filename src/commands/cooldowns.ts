/** The go-ahead (and the wait starts now), or the instant the wait ends. */
export type CooldownResult = { ok: true } | { ok: false; retryAt: Date };

/**
 * Where cooldowns are kept: in this process's memory (one process), or in PostgreSQL so they
 * hold across processes (src/store/postgres/cooldowns.ts). Either takes all keys or none.
 */
export interface CooldownKeeper {
  take(
    keys: readonly { key: string; ms: number }[],
    now: Date,
  ): CooldownResult | Promise<CooldownResult>;
}

/**
 * Remembers when someone last used a command that posts publicly, so one member or one channel
 * cannot flood a server. In memory: a restart forgets, which errs on the side of answering.
 */
export class Cooldowns implements CooldownKeeper {
  private readonly until = new Map<string, number>();

  /** Either the go-ahead (and the wait starts now), or the instant the wait ends. */
  take(keys: readonly { key: string; ms: number }[], now: Date): CooldownResult {
    const at = now.getTime();
    const waits = keys.map(({ key }) => this.until.get(key) ?? 0).filter((end) => end > at);
    if (waits.length > 0) return { ok: false, retryAt: new Date(Math.max(...waits)) };
    for (const { key, ms } of keys) this.until.set(key, at + ms);
    if (this.until.size > 10_000) this.prune(at);
    return { ok: true };
  }

  private prune(at: number): void {
    for (const [key, end] of this.until) if (end <= at) this.until.delete(key);
  }
}
