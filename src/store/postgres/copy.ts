import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { decodeStoreText, entryFromFile, entryToFile } from '../decode.js';
import { toStoreError } from './errors.js';
import { applyMigrations } from './migrate.js';
import { createPool, type PostgresLog } from './pool.js';

/**
 * `npm run store:copy`: moves the JSON file into PostgreSQL: settings, the ledger, and the
 * community's collections (suggestions, fact reports, follows with their notices and DMs' once-keys,
 * and polls still to announce). Nothing that
 * PostgreSQL already holds is overwritten, so running it twice changes nothing, and a post the
 * file records as settled stays settled: nothing is posted again. Meant for the switch itself,
 * with the bot stopped (the file is read as it is at that moment).
 */

export interface CopyCount {
  copied: number;
  alreadyThere: number;
}

export interface CopyReport {
  settings: CopyCount;
  ledger: CopyCount;
  // Community (issue 13): each keyed as in its table, so a second copy finds every row there.
  suggestions: CopyCount;
  reports: CopyCount;
  follows: CopyCount;
  followNotices: CopyCount;
  deliveries: CopyCount;
  polls: CopyCount;
  /** Entries of the file that broke their schema: not copied (the JSON backend sets them aside). */
  notCopied: number;
}

/**
 * One table's rows from a JSON array, by column name and type; a row whose key is there already
 * is left as PostgreSQL has it (PostgreSQL may have moved on since: it wins).
 */
async function insertRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  conflict: string,
  rows: readonly Record<string, unknown>[],
): Promise<CopyCount> {
  if (rows.length === 0) return { copied: 0, alreadyThere: 0 };
  const names = columns.map(([name]) => name).join(', ');
  const typed = columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const result = await client.query(
    `INSERT INTO ${table} (${names})
     SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${typed})
     ON CONFLICT (${conflict}) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  const copied = result.rowCount ?? 0;
  return { copied, alreadyThere: rows.length - copied };
}

/** The community's collections of a decoded file, as rows of their tables (migration 003, 004). */
function communityRows(file: ReturnType<typeof decodeStoreText>['file']) {
  return {
    suggestions: file.suggestions.map((s) => ({
      guild_id: s.guildId,
      id: s.id,
      author_id: s.authorId,
      question: s.question,
      answers: s.answers,
      state: s.state,
      reason: s.reason,
      decided_by: s.decidedBy,
      created_at: s.createdAt,
      decided_at: s.decidedAt,
      version: s.version,
      author_notified: s.authorNotified,
    })),
    reports: file.reports.map((r) => ({
      id: r.id,
      guild_id: r.guildId,
      reporter_id: r.reporterId,
      record_id: r.recordId,
      field: r.field,
      body: r.text,
      source_url: r.sourceUrl,
      created_at: r.createdAt,
      state: r.state,
      delivered: r.delivered,
      closed_at: r.closedAt,
      close_note: r.closeNote,
    })),
    follows: file.follows.map((f) => ({
      user_id: f.userId,
      agreement_id: f.agreementId,
      language: f.language,
      created_at: f.createdAt,
      paused_at: f.pausedAt,
    })),
    followNotices: file.followNotices.map((userId) => ({ user_id: userId })),
    // A DM claimed when the file's process stopped keeps its lapsed lease: the claim rules
    // retake it. Settled ones (sent, refused, failed) are never sent again.
    deliveries: file.deliveries.map((d) => ({
      user_id: d.userId,
      key: d.key,
      state: d.state,
      owner: d.owner,
      lease_until: d.leaseUntil,
      at: d.at,
    })),
    polls: file.polls.map((p) => ({
      message_id: p.messageId,
      channel_id: p.channelId,
      guild_id: p.guildId,
      closes_at: p.closesAt,
      language: p.language,
      state: p.state,
      owner: p.owner,
      lease_until: p.leaseUntil,
      attempts: p.attempts,
      result_message_id: p.resultMessageId,
      reason: p.reason,
    })),
  };
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
    const rows = communityRows(file);
    const suggestions = await insertRows(
      client,
      'suggestions',
      [
        ['guild_id', 'text'],
        ['id', 'text'],
        ['author_id', 'text'],
        ['question', 'text'],
        ['answers', 'jsonb'],
        ['state', 'text'],
        ['reason', 'text'],
        ['decided_by', 'text'],
        ['created_at', 'timestamptz'],
        ['decided_at', 'timestamptz'],
        ['version', 'integer'],
        ['author_notified', 'boolean'],
      ],
      'guild_id, id',
      rows.suggestions,
    );
    const reports = await insertRows(
      client,
      'fact_reports',
      [
        ['id', 'text'],
        ['guild_id', 'text'],
        ['reporter_id', 'text'],
        ['record_id', 'text'],
        ['field', 'text'],
        ['body', 'text'],
        ['source_url', 'text'],
        ['created_at', 'timestamptz'],
        ['state', 'text'],
        ['delivered', 'boolean'],
        ['closed_at', 'timestamptz'],
        ['close_note', 'text'],
      ],
      'id',
      rows.reports,
    );
    const follows = await insertRows(
      client,
      'follows',
      [
        ['user_id', 'text'],
        ['agreement_id', 'text'],
        ['language', 'text'],
        ['created_at', 'timestamptz'],
        ['paused_at', 'timestamptz'],
      ],
      'user_id, agreement_id',
      rows.follows,
    );
    const followNotices = await insertRows(
      client,
      'follow_notices',
      [['user_id', 'text']],
      'user_id',
      rows.followNotices,
    );
    const deliveries = await insertRows(
      client,
      'follow_deliveries',
      [
        ['user_id', 'text'],
        ['key', 'text'],
        ['state', 'text'],
        ['owner', 'text'],
        ['lease_until', 'timestamptz'],
        ['at', 'timestamptz'],
      ],
      'user_id, key',
      rows.deliveries,
    );
    const polls = await insertRows(
      client,
      'polls',
      [
        ['message_id', 'text'],
        ['channel_id', 'text'],
        ['guild_id', 'text'],
        ['closes_at', 'timestamptz'],
        ['language', 'text'],
        ['state', 'text'],
        ['owner', 'text'],
        ['lease_until', 'timestamptz'],
        ['attempts', 'integer'],
        ['result_message_id', 'text'],
        ['reason', 'text'],
      ],
      'message_id',
      rows.polls,
    );
    await client.query('COMMIT');
    client.release();
    const settingsCopied = copiedSettings.rowCount ?? 0;
    const ledgerCopied = copiedLedger.rowCount ?? 0;
    return {
      settings: { copied: settingsCopied, alreadyThere: settings.length - settingsCopied },
      ledger: { copied: ledgerCopied, alreadyThere: ledger.length - ledgerCopied },
      suggestions,
      reports,
      follows,
      followNotices,
      deliveries,
      polls,
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
