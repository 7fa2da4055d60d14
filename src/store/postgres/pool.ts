import pg from 'pg';
import { toStoreError } from './errors.js';

/** The part of a logger the backend needs (pino's Logger fits). */
export interface PostgresLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PoolOptions {
  /** Connections at most. The bot's work is many small statements; 10 keep a tick parallel. */
  maxConnections?: number;
  /** Server-side limit on one statement, so a stuck query cannot hold a tick forever. */
  statementTimeoutMs?: number;
  /** How long to wait for a connection before calling the database unavailable. */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity, to tell the bot's processes apart. */
  applicationName?: string;
}

/**
 * A pg Pool with limits that make an absent database fail fast instead of hang: a connect
 * timeout, a statement timeout on the server and a read timeout on the client (for a server that
 * vanished without closing the socket). A broken connection is dropped by the pool and a new one
 * made on the next call, so the store recovers by itself when the server comes back.
 */
export function createPool(url: string, log: PostgresLog, options: PoolOptions = {}): pg.Pool {
  const statementTimeout = options.statementTimeoutMs ?? 5_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout * 2,
    idle_in_transaction_session_timeout: statementTimeout * 2,
    application_name: options.applicationName ?? 'ukraine-security-pacts-bot',
    keepAlive: true,
  });
  // An idle connection the server closes (a restart) emits 'error' on the pool; unhandled, it
  // would end the process. The pool has already discarded that connection.
  pool.on('error', (error) => {
    log.warn({ err: error.message }, 'postgres: an idle connection failed; the pool replaces it');
  });
  return pool;
}

/** One statement; a failure of the connection becomes a StoreUnavailableError. */
export async function query<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  doing: string,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  try {
    return await pool.query<R>(text, values);
  } catch (error) {
    throw toStoreError(error, doing);
  }
}

/** Guild ids per statement in batch reads: keeps each well inside the statement timeout. */
export const CHUNK = 10_000;

/**
 * Rows read together with the database's time of the read (`db_now` on each row, or one more
 * round trip when there are none): what a copy's watermark and lease checks are measured in.
 */
export async function readWithTime<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  doing: string,
  text: string,
  values: unknown[],
): Promise<{ rows: R[]; dbNow: Date }> {
  const result = await query<R & { db_now: Date }>(pool, doing, text, values);
  const first = result.rows[0];
  if (first) return { rows: result.rows, dbNow: first.db_now };
  const now = await query<{ db_now: Date }>(pool, doing, 'SELECT now() AS db_now');
  return { rows: [], dbNow: now.rows[0]!.db_now };
}

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  doing: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStoreError(error, doing);
  }
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw toStoreError(error, doing);
  }
}
