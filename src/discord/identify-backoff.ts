import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type pg from 'pg';
import type { ShardPlan } from './shards.js';

/**
 * A crash loop must not burn the day's session starts (1,000 for most bots; running out resets
 * the token: discord.js #2882, #5360). Each start of a set of shards is counted, persisted where
 * the next start finds it (the store's database, or a file beside the JSON store), and after the
 * first few quick restarts the login waits, doubling each time.
 */

/** A start this long after the previous login means the previous run was no crash loop. */
export const STABLE_AFTER_MS = 10 * 60_000;
/** Quick restarts that cost no wait: a rolling deploy, a manual restart, a crash or two. */
export const FREE_STARTS = 3;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 10 * 60_000;

export interface StartRecord {
  /** Starts in a row, each within STABLE_AFTER_MS of the previous login. */
  starts: number;
  /** When the previous login was planned (its start plus its wait). */
  lastStartAt: Date;
}

/** This start's count, given the previous record (null: the first start ever). Pure. */
export function countStart(
  previous: StartRecord | null,
  now: Date,
  stableAfterMs = STABLE_AFTER_MS,
): number {
  if (!previous) return 1;
  const sinceLast = now.getTime() - previous.lastStartAt.getTime();
  return sinceLast < stableAfterMs ? previous.starts + 1 : 1;
}

/** The wait before logging in on the `starts`-th start in a row: 0, 0, 0, 5 s, 10 s, 20 s … 10 min. */
export function loginDelayMs(starts: number): number {
  if (starts <= FREE_STARTS) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (starts - FREE_STARTS - 1), MAX_DELAY_MS);
}

/** The key a set of shards is counted under: '4:0,1' for shards 0 and 1 of 4, or 'auto'. */
export function processKey(plan: ShardPlan): string {
  return plan.kind === 'auto' ? 'auto' : `${plan.count}:${plan.ids.join(',')}`;
}

export interface LoginStart {
  starts: number;
  delayMs: number;
}

/** Records this start and answers how long to wait before logging in. */
export interface StartLog {
  recordStart(key: string): Promise<LoginStart>;
}

/**
 * In PostgreSQL (migration 006, login_starts), in database time: one upsert counts the start,
 * a second moves its time to the planned login, so the wait itself is not read as a stable run.
 */
export function createPostgresStartLog(
  pool: Pick<pg.Pool, 'query'>,
  stableAfterMs = STABLE_AFTER_MS,
): StartLog {
  return {
    async recordStart(key) {
      const { rows } = await pool.query<{ starts: number }>(
        `INSERT INTO login_starts AS s (process_key, starts, last_start_at)
         VALUES ($1, 1, clock_timestamp())
         ON CONFLICT (process_key) DO UPDATE SET
           starts = CASE WHEN s.last_start_at > clock_timestamp() - $2 * interval '1 millisecond'
                         THEN s.starts + 1 ELSE 1 END,
           last_start_at = clock_timestamp()
         RETURNING starts`,
        [key, stableAfterMs],
      );
      const starts = rows[0]?.starts ?? 1;
      const delayMs = loginDelayMs(starts);
      if (delayMs > 0) {
        await pool.query(
          `UPDATE login_starts SET last_start_at = last_start_at + $2 * interval '1 millisecond'
            WHERE process_key = $1`,
          [key, delayMs],
        );
      }
      return { starts, delayMs };
    },
  };
}

/** The path of the start log beside a JSON store: one process, one file. */
export function startLogPathFor(storePath: string): string {
  return `${storePath}.starts.json`;
}

/**
 * In a small JSON file (one process owns the JSON store anyway). An unreadable file counts as no
 * history: a lost count only means one start with no wait, never a start refused.
 */
export function createFileStartLog(
  path: string,
  now: () => Date = () => new Date(),
  stableAfterMs = STABLE_AFTER_MS,
): StartLog {
  return {
    async recordStart(key) {
      const all = await readStartFile(path);
      const at = now();
      const starts = countStart(all[key] ?? null, at, stableAfterMs);
      const delayMs = loginDelayMs(starts);
      all[key] = { starts, lastStartAt: new Date(at.getTime() + delayMs) };
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(
        temp,
        JSON.stringify(
          Object.fromEntries(
            Object.entries(all).map(([k, v]) => [
              k,
              { starts: v.starts, lastStartAt: v.lastStartAt.toISOString() },
            ]),
          ),
        ),
      );
      await rename(temp, path);
      return { starts, delayMs };
    },
  };
}

async function readStartFile(path: string): Promise<Record<string, StartRecord>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = JSON.parse(text) as Record<string, { starts?: unknown; lastStartAt?: unknown }>;
    const records: Record<string, StartRecord> = {};
    for (const [key, value] of Object.entries(parsed)) {
      const at = typeof value.lastStartAt === 'string' ? new Date(value.lastStartAt) : null;
      if (typeof value.starts === 'number' && at && !Number.isNaN(at.getTime()))
        records[key] = { starts: value.starts, lastStartAt: at };
    }
    return records;
  } catch {
    return {};
  }
}
