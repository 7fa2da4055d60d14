import type pg from 'pg';
import type { IdentifySlots } from './identify-throttler.js';

/**
 * The identify buckets in PostgreSQL (migration 006, table identify_buckets), shared by every
 * process of the bot. One statement takes a bucket: the upsert locks the row, so of two processes
 * asking at once the second re-checks the WHERE against the first's grant and gets nothing. Time
 * is the database's `clock_timestamp()` (not `now()`, which is the transaction's start and would
 * be stale after waiting on the lock), so clock skew between machines changes nothing.
 */
const TAKE = `
  INSERT INTO identify_buckets AS b (rate_limit_key, granted_at, granted_to)
  VALUES ($1, clock_timestamp(), $3)
  ON CONFLICT (rate_limit_key) DO UPDATE
    SET granted_at = clock_timestamp(), granted_to = EXCLUDED.granted_to
    WHERE b.granted_at <= clock_timestamp() - $2 * interval '1 millisecond'
  RETURNING granted_at`;

/** How long until the bucket's window ends, in ms (at least 0). */
const WAIT = `
  SELECT GREATEST(0, CEIL(EXTRACT(EPOCH FROM
           (granted_at + $2 * interval '1 millisecond' - clock_timestamp())) * 1000))::int AS wait_ms
    FROM identify_buckets WHERE rate_limit_key = $1`;

export function createPostgresSlots(pool: Pick<pg.Pool, 'query'>): IdentifySlots {
  return {
    async take(rateLimitKey, windowMs, holder) {
      const taken = await pool.query<{ granted_at: Date }>(TAKE, [rateLimitKey, windowMs, holder]);
      const row = taken.rows[0];
      if (row) return { granted: true, grantedAt: row.granted_at };
      const wait = await pool.query<{ wait_ms: number }>(WAIT, [rateLimitKey, windowMs]);
      // The row exists (the upsert found it); 0 if it was freed between the two statements.
      return { granted: false, waitMs: wait.rows[0]?.wait_ms ?? 0 };
    },
  };
}
