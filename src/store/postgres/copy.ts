import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { decodeStoreText, entryFromFile, entryToFile } from '../decode.js';
import { toStoreError } from './errors.js';
import { applyMigrations } from './migrate.js';
import { createPool, type PostgresLog } from './pool.js';

/**
 * `npm run store:copy`: moves the JSON file's settings and ledger into PostgreSQL. Nothing that
 * PostgreSQL already holds is overwritten, so running it twice changes nothing, and a post the
 * file records as settled stays settled: nothing is posted again. Meant for the switch itself,
 * with the bot stopped (the file is read as it is at that moment).
 */

export interface CopyReport {
  settings: { copied: number; alreadyThere: number };
  ledger: { copied: number; alreadyThere: number };
  /** Entries of the file that broke their schema: not copied (the JSON backend sets them aside). */
  notCopied: number;
}

/** Copies a decoded store file inside one transaction: all of it, or (on a failure) nothing. */
export async function copyStoreText(pool: pg.Pool, text: string): Promise<CopyReport> {
  const { file, setAside } = decodeStoreText(text);
  const settings = Object.entries(file.guilds).map(([guildId, value]) => ({
    guild_id: guildId,
    value,
    version: file.versions[guildId] ?? 1,
  }));
  // Through the port's shape and back, so the file's entries are checked exactly as the JSON
  // backend reads them.
  const ledger = file.ledger.map((raw) => {
    const entry = entryToFile(entryFromFile(raw));
    return {
      guild_id: entry.guildId,
      key: entry.key,
      kind: entry.kind,
      local_date: entry.localDate,
      state: entry.state,
      owner: entry.owner,
      nonce: entry.nonce,
      attempts: entry.attempts,
      first_claimed_at: entry.firstClaimedAt,
      // A claim in flight when the file's process stopped keeps its lease, which has long run
      // out: the ledger's rules then retake it within the window or settle it as skipped.
      lease_until: entry.leaseUntil,
      message_id: entry.messageId,
      reason: entry.reason,
      pending_thread: entry.pendingThread,
      at: entry.at,
    };
  });
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw toStoreError(error, 'connecting to copy the store');
  }
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL statement_timeout = '5min'");
    const copiedSettings = await client.query(
      `INSERT INTO settings (guild_id, value, version)
       SELECT guild_id, value, version
         FROM jsonb_to_recordset($1::jsonb) AS x(guild_id text, value jsonb, version integer)
       ON CONFLICT (guild_id) DO NOTHING`,
      [JSON.stringify(settings)],
    );
    const copiedLedger = await client.query(
      `INSERT INTO ledger (guild_id, key, kind, local_date, state, owner, nonce, attempts,
                           first_claimed_at, lease_until, message_id, reason, pending_thread, at)
       SELECT guild_id, key, kind, local_date, state, owner, nonce, attempts, first_claimed_at,
              lease_until, message_id, reason, pending_thread, at
         FROM jsonb_to_recordset($1::jsonb) AS x(
           guild_id text, key text, kind text, local_date text, state text, owner text,
           nonce text, attempts integer, first_claimed_at timestamptz, lease_until timestamptz,
           message_id text, reason text, pending_thread jsonb, at timestamptz)
       ON CONFLICT (guild_id, key) DO NOTHING`,
      [JSON.stringify(ledger)],
    );
    await client.query('COMMIT');
    client.release();
    const settingsCopied = copiedSettings.rowCount ?? 0;
    const ledgerCopied = copiedLedger.rowCount ?? 0;
    return {
      settings: { copied: settingsCopied, alreadyThere: settings.length - settingsCopied },
      ledger: { copied: ledgerCopied, alreadyThere: ledger.length - ledgerCopied },
      notCopied: setAside.length,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error instanceof Error ? error : true);
    throw toStoreError(error, 'copying the store');
  }
}

/** Opens the database (applying migrations), copies the file at `from`, closes. */
export async function copyStoreFile(
  from: string,
  to: string,
  log: PostgresLog,
): Promise<CopyReport> {
  const text = await readFile(from, 'utf8');
  const pool = createPool(to, log, { maxConnections: 2 });
  try {
    await applyMigrations(pool, log);
    return await copyStoreText(pool, text);
  } finally {
    await pool.end();
  }
}
