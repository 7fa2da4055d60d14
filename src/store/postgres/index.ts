import type { StorePorts } from '../ports.js';
import { postgresFollows, postgresPolls, postgresReports } from './community.js';
import { PostgresLedger, type PostgresLedgerOptions } from './ledger.js';
import { PostgresCooldowns } from './cooldowns.js';
import { applyMigrations } from './migrate.js';
import { PostgresPartitions } from './partitions.js';
import { createPool, type PoolOptions, type PostgresLog } from './pool.js';
import { PostgresSettings } from './settings.js';
import { PostgresSuggestions } from './suggestions.js';

export { StoreUnavailableError } from './errors.js';
export type { PostgresLog } from './pool.js';

export interface OpenPostgresOptions extends PoolOptions, PostgresLedgerOptions {
  /** How long `healthy()` waits for `select 1` before answering false. */
  healthTimeoutMs?: number;
}

/** The store as PostgreSQL keeps it: what `DATABASE_URL=postgres://…` selects. */
export interface PostgresStore extends StorePorts {
  readonly backend: 'postgres';
  /** Partition leases for scheduled work across processes (migration 005). */
  readonly partitions: PostgresPartitions;
  /** /discuss cooldowns that hold across processes (migration 005). */
  readonly cooldowns: PostgresCooldowns;
}

/**
 * Opens the PostgreSQL store: a pool, then the migrations not yet applied (once, under a lock,
 * however many processes start at once). Throws StoreUnavailableError when the database cannot
 * be reached at start; after that, each call that finds it away throws one, and the pool
 * reconnects by itself when it is back.
 */
export async function openPostgresStore(
  url: string,
  log: PostgresLog,
  options: OpenPostgresOptions = {},
): Promise<PostgresStore> {
  const pool = createPool(url, log, options);
  try {
    await applyMigrations(pool, log);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const healthTimeoutMs = options.healthTimeoutMs ?? 2_000;
  let closed = false;
  return {
    backend: 'postgres',
    settings: new PostgresSettings(pool, log, options),
    ledger: new PostgresLedger(pool, options),
    reports: postgresReports(pool),
    follows: postgresFollows(pool),
    polls: postgresPolls(pool),
    suggestions: new PostgresSuggestions(pool),
    partitions: new PostgresPartitions(pool),
    cooldowns: new PostgresCooldowns(pool),
    async healthy() {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), healthTimeoutMs);
      });
      const ping = pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([ping, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // Every write was its own committed statement: ending the pool loses nothing.
      await pool.end();
    },
  };
}
