import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type pg from 'pg';
import { toStoreError } from './errors.js';
import type { PostgresLog } from './pool.js';

/**
 * The SQL migrations kept in the repo, applied once at start. Every process that opens the
 * store runs this; a transaction-scoped advisory lock makes the second wait for the first, then
 * find nothing left to do, so two processes starting on an empty database apply each file once.
 */

/** Any fixed 64-bit number, the same in every process: the key of the migration lock. */
const MIGRATION_LOCK_KEY = 7_214_530_001;

export interface Migration {
  /** The file name without `.sql`, e.g. `001_init`; applied in this (lexical) order. */
  version: string;
  sql: string;
  checksum: string;
}

/**
 * The folder of the package root that holds package.json. The bot may run from src/ (tsx) or
 * from the compiled dist/src/, and tsc copies no .sql files: so the migrations are found from
 * the root, never beside the compiled file.
 */
export function packageRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const MIGRATIONS_DIR = join(packageRoot(), 'src', 'store', 'postgres', 'migrations');

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return {
        version: name.slice(0, -'.sql'.length),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrationOutcome {
  applied: string[];
  /** Already applied before this run. */
  present: string[];
}

/** Applies the migrations not yet recorded in schema_migrations, all in one transaction. */
export async function applyMigrations(
  pool: pg.Pool,
  log: PostgresLog,
  migrations: readonly Migration[] = readMigrations(),
): Promise<MigrationOutcome> {
  let client: pg.PoolClient;
  let outcome: MigrationOutcome;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStoreError(error, 'connecting to apply migrations');
  }
  try {
    await client.query('BEGIN');
    // Another process may hold the lock while it migrates: wait for it, not the statement limit.
    await client.query("SET LOCAL statement_timeout = '60s'");
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    text PRIMARY KEY,
      checksum   text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((row) => [row.version, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          // Changing an applied migration changes nothing in the database: say so, loudly.
          log.warn(
            { version: migration.version },
            'postgres: an applied migration file has changed since; write a new one instead',
          );
        }
        continue;
      }
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)', [
        migration.version,
        migration.checksum,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    if (applied.length > 0) log.info({ applied }, 'postgres: migrations applied');
    outcome = { applied, present: [...done.keys()] };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A connection that failed mid-transaction is not given back to the pool.
    client.release(error instanceof Error ? error : true);
    throw toStoreError(error, 'applying migrations');
  }
  client.release();
  return outcome;
}
