import type pg from 'pg';
import type { CooldownKeeper, CooldownResult } from '../../commands/cooldowns.js';
import { inTransaction } from './pool.js';

/** Expired cooldown rows are deleted on about one take in this many: a periodic sweep, cheaply. */
const PRUNE_ONE_IN = 200;

/**
 * /discuss cooldowns in PostgreSQL (migration 005), so a member or a channel waits whichever
 * process answers. All keys are taken together or none: the rows are locked in key order (no
 * deadlock between two takers), checked, then set, in one transaction. Waits are measured in the
 * database's time; the instant returned is the caller's `now` plus the wait left, so a bot whose
 * clock is shifted (the end-to-end tests) shows the right "try again in".
 */
export class PostgresCooldowns implements CooldownKeeper {
  constructor(
    private readonly pool: pg.Pool,
    private readonly random: () => number = Math.random,
  ) {}

  async take(keys: readonly { key: string; ms: number }[], now: Date): Promise<CooldownResult> {
    if (keys.length === 0) return { ok: true };
    const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const names = sorted.map((k) => k.key);
    return inTransaction(this.pool, 'taking a cooldown', async (client) => {
      await client.query(
        `INSERT INTO cooldowns (key, until) SELECT k, to_timestamp(0) FROM unnest($1::text[]) AS k
         ORDER BY k ON CONFLICT (key) DO NOTHING`,
        [names],
      );
      const { rows } = await client.query<{ wait_ms: number | null }>(
        // clock_timestamp(), not now(): this transaction may have waited for another's lock,
        // and the wait left is measured from the moment the lock was ours.
        `SELECT max(extract(epoch FROM (until - clock_timestamp())) * 1000)::float8 AS wait_ms
         FROM (SELECT until FROM cooldowns WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE) AS locked
         WHERE until > clock_timestamp()`,
        [names],
      );
      const waitMs = rows[0]?.wait_ms ?? null;
      if (waitMs === null) {
        await client.query(
          `UPDATE cooldowns SET until = now() + t.ms * interval '1 millisecond'
           FROM unnest($1::text[], $2::float8[]) AS t(key, ms) WHERE cooldowns.key = t.key`,
          [names, sorted.map((k) => k.ms)],
        );
        if (this.random() * PRUNE_ONE_IN < 1) {
          await client.query(`DELETE FROM cooldowns WHERE until < now() - interval '1 day'`);
        }
      }
      return waitMs === null
        ? { ok: true }
        : { ok: false, retryAt: new Date(now.getTime() + Math.ceil(waitMs)) };
    });
  }
}
