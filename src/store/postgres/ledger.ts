import type pg from 'pg';
import { z } from 'zod';
import { pendingThreadSchema, postKindSchema, type PendingThread } from '../domain.js';
import type { ClaimRequest, ClaimResult, LedgerEntry, LedgerPort } from '../ports.js';
import { StoreRowError } from './errors.js';
import { CHUNK, query, readWithTime } from './pool.js';
import { ChangeWatermark } from './watermark.js';

/**
 * How far back settledKeys looks. A post is due at most GRACE_MS (6 h) late and reported missed
 * for MISSED_LOOKBACK_MS (24 h) beyond that (src/schedule/due.ts), and zones differ by up to
 * 26 h: an entry untouched for 8 days can never be due again, so reading it would be waste.
 */
export const SETTLED_LOOKBACK_DAYS = 8;

const ledgerRowSchema = z.object({
  guild_id: z.string(),
  key: z.string(),
  kind: postKindSchema,
  local_date: z.string(),
  state: z.enum(['claimed', 'posted', 'skipped', 'failed']),
  owner: z.string().nullable(),
  nonce: z.string(),
  attempts: z.number().int().min(0),
  first_claimed_at: z.date().nullable(),
  lease_until: z.date().nullable(),
  message_id: z.string().nullable(),
  reason: z.string().nullable(),
  pending_thread: pendingThreadSchema.nullable(),
  at: z.date(),
});

const COLUMNS = `guild_id, key, kind, local_date, state, owner, nonce, attempts, first_claimed_at,
  lease_until, message_id, reason, pending_thread, at`;

function toEntry(row: unknown): LedgerEntry {
  const parsed = ledgerRowSchema.safeParse(row);
  if (!parsed.success) {
    throw new StoreRowError(`a ledger row breaks the schema: ${parsed.error.message}`);
  }
  const r = parsed.data;
  return {
    guildId: r.guild_id,
    key: r.key,
    kind: r.kind,
    localDate: r.local_date,
    state: r.state,
    owner: r.owner,
    nonce: r.nonce,
    attempts: r.attempts,
    firstClaimedAt: r.first_claimed_at,
    leaseUntil: r.lease_until,
    messageId: r.message_id,
    reason: r.reason,
    pendingThread: r.pending_thread,
    at: r.at,
  };
}

/** What a process knows of one guild's recent keys, for settledKeys. */
interface KnownKeys {
  /** Posted, skipped or failed: settled for good. */
  settled: Set<string>;
  /** Claimed keys with the end of their lease (ms, database time); null when released. */
  claims: Map<string, number | null>;
}

export interface PostgresLedgerOptions {
  /** How often settledKeys' copy is read whole again; default an hour. */
  cacheRefreshMs?: number;
}

/**
 * The post ledger in the `ledger` table, one row per (guild, key). Every decision about who owns
 * a post is one conditional statement, so racing claimants are ordered by the row lock and all
 * times are the database's `now()`. settledKeys keeps a copy and reads only what changed since
 * its last call; the copy can only be behind, which costs a claim that the database refuses,
 * never a second post: the claim is what decides.
 */
export class PostgresLedger implements LedgerPort {
  private readonly known = new Map<string, KnownKeys>();
  private readonly watermark: ChangeWatermark;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresLedgerOptions = {},
  ) {
    this.watermark = new ChangeWatermark(options.cacheRefreshMs);
  }

  async settledKeys(guildIds: readonly string[]): Promise<Map<string, ReadonlySet<string>>> {
    if (this.watermark.expired()) {
      this.known.clear();
      this.watermark.reset();
    }
    let dbNow: Date | null = null;
    const since = this.watermark.since();
    if (since !== null) {
      const rows = await readWithTime<KeyRow>(
        this.pool,
        'reading changed ledger entries',
        `SELECT now() AS db_now, guild_id, key, state, lease_until FROM ledger
         WHERE at > $1::timestamptz - $2 * interval '1 ms'`,
        [since, ChangeWatermark.MARGIN_MS],
      );
      for (const row of rows.rows) {
        const keys = this.known.get(row.guild_id);
        if (keys) learnKey(keys, row);
      }
      dbNow = rows.dbNow;
      this.watermark.advance(dbNow);
    }
    const missing = guildIds.filter((id) => !this.known.has(id));
    for (let start = 0; start < missing.length; start += CHUNK) {
      const chunk = missing.slice(start, start + CHUNK);
      const rows = await readWithTime<KeyRow>(
        this.pool,
        'reading ledger entries',
        `SELECT now() AS db_now, guild_id, key, state, lease_until FROM ledger
         WHERE guild_id = ANY($1::text[]) AND at > now() - $2 * interval '1 day'`,
        [chunk, SETTLED_LOOKBACK_DAYS],
      );
      for (const id of chunk) this.known.set(id, { settled: new Set(), claims: new Map() });
      for (const row of rows.rows) learnKey(this.known.get(row.guild_id)!, row);
      dbNow ??= rows.dbNow;
      if (since === null && start === 0) this.watermark.advance(rows.dbNow);
    }
    const nowMs = dbNow?.getTime() ?? Date.now();
    const result = new Map<string, ReadonlySet<string>>();
    for (const id of guildIds) {
      const keys = this.known.get(id)!;
      if (keys.claims.size === 0) {
        if (keys.settled.size > 0) result.set(id, keys.settled);
        continue;
      }
      // A claim still leased must not be worked on either; a lapsed or released one may be.
      const held = [...keys.claims].filter(([, until]) => until !== null && until > nowMs);
      if (held.length === 0) {
        if (keys.settled.size > 0) result.set(id, keys.settled);
      } else result.set(id, new Set([...keys.settled, ...held.map(([key]) => key)]));
    }
    return result;
  }

  /**
   * From the copy settledKeys keeps, so it matches the keys that call returned: a claim the copy
   * holds is reported even if it settled since (a wasted check, never a missed one). Guilds the
   * copy does not hold are asked of the database.
   */
  async openClaims(guildIds: readonly string[]): Promise<ReadonlySet<string>> {
    const found = new Set<string>();
    const unknown: string[] = [];
    for (const id of guildIds) {
      const keys = this.known.get(id);
      if (!keys) unknown.push(id);
      else if (keys.claims.size > 0) found.add(id);
    }
    for (let start = 0; start < unknown.length; start += CHUNK) {
      const { rows } = await query<{ guild_id: string }>(
        this.pool,
        'reading open claims',
        `SELECT DISTINCT guild_id FROM ledger WHERE guild_id = ANY($1::text[]) AND state = 'claimed'`,
        [unknown.slice(start, start + CHUNK)],
      );
      for (const row of rows) found.add(row.guild_id);
    }
    return found;
  }

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { guildId, key, owner, leaseMs } = request;
    const inserted = await query(
      this.pool,
      'claiming a post',
      `INSERT INTO ledger (guild_id, key, kind, local_date, state, owner, nonce, attempts,
                           first_claimed_at, lease_until, at)
       VALUES ($1, $2, $3, $4, 'claimed', $5, $6, 1, now(), now() + $7 * interval '1 ms', now())
       ON CONFLICT (guild_id, key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [guildId, key, request.kind, request.localDate, owner, request.nonce, leaseMs],
    );
    if (inserted.rows[0])
      return { kind: 'claimed', entry: toEntry(inserted.rows[0]), retake: false };
    // The row exists. Each step below is one conditional UPDATE: of two racing claimants the row
    // lock lets one through, and the other's condition no longer holds when it is re-checked.
    // A row can change between steps (a lease lapses), so the steps run again a few times.
    for (let round = 0; round < 3; round += 1) {
      // Released after a passing error: the outcome is known (not sent), so it is a new try.
      const released = await this.takeOver(request, 'owner IS NULL');
      if (released) return { kind: 'claimed', entry: released, retake: false };
      // Lapsed with the outcome unknown: retaken, with the nonce, only inside Discord's window.
      const retaken = await this.takeOver(
        request,
        `owner IS NOT NULL AND lease_until <= now()
           AND first_claimed_at > now() - $5 * interval '1 ms'`,
      );
      if (retaken) return { kind: 'claimed', entry: retaken, retake: true };
      const skipped = await query(
        this.pool,
        'settling a lapsed claim',
        `UPDATE ledger SET state = 'skipped', lease_until = NULL, at = now(),
           reason = 'outcome unknown: the claim lapsed unsettled after the window in which a retry is safe'
         WHERE guild_id = $1 AND key = $2 AND state = 'claimed' AND owner IS NOT NULL
           AND lease_until <= now() AND first_claimed_at <= now() - $3 * interval '1 ms'
         RETURNING ${COLUMNS}`,
        [guildId, key, request.retakeWindowMs],
      );
      if (skipped.rows[0]) return { kind: 'settled', entry: toEntry(skipped.rows[0]) };
      const { rows } = await query(
        this.pool,
        'reading a claim',
        `SELECT ${COLUMNS}, (owner IS NOT NULL AND lease_until > now()) AS live FROM ledger
         WHERE guild_id = $1 AND key = $2`,
        [guildId, key],
      );
      const row = rows[0] as { live: boolean | null } | undefined;
      if (!row) continue; // pruned meanwhile: try the steps again
      const entry = toEntry(row);
      if (entry.state !== 'claimed') return { kind: 'settled', entry };
      if (row.live) return { kind: 'held', entry };
    }
    // Only a lease shorter than these round trips gets here; treat it as held, a later tick retries.
    const current = await this.read(guildId, key);
    if (current && current.state !== 'claimed') return { kind: 'settled', entry: current };
    if (current) return { kind: 'held', entry: current };
    return this.claim(request);
  }

  private async takeOver(request: ClaimRequest, condition: string): Promise<LedgerEntry | null> {
    const { rows } = await query(
      this.pool,
      'claiming a post',
      `UPDATE ledger SET owner = $3, attempts = attempts + 1, at = now(), reason = NULL,
         first_claimed_at = coalesce(first_claimed_at, now()),
         lease_until = now() + $4 * interval '1 ms'
       WHERE guild_id = $1 AND key = $2 AND state = 'claimed' AND ${condition}
       RETURNING ${COLUMNS}`,
      // PostgreSQL refuses a parameter the statement does not use: pass the window only if used.
      [request.guildId, request.key, request.owner, request.leaseMs].concat(
        condition.includes('$5') ? [request.retakeWindowMs] : [],
      ),
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  private async read(guildId: string, key: string): Promise<LedgerEntry | null> {
    const { rows } = await query(
      this.pool,
      'reading a claim',
      `SELECT ${COLUMNS} FROM ledger WHERE guild_id = $1 AND key = $2`,
      [guildId, key],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async complete(
    guildId: string,
    key: string,
    owner: string,
    messageId: string,
    pendingThread: PendingThread | null,
  ): Promise<boolean> {
    const thread =
      pendingThread === null ? null : JSON.stringify(pendingThreadSchema.parse(pendingThread));
    return this.settle(
      `state = 'posted', message_id = $4, reason = NULL, lease_until = NULL,
       pending_thread = $5::jsonb`,
      [guildId, key, owner, messageId, thread],
      'completing a post',
    );
  }

  async threadOpened(guildId: string, key: string): Promise<void> {
    await query(
      this.pool,
      'recording a thread opened',
      `UPDATE ledger SET pending_thread = NULL
       WHERE guild_id = $1 AND key = $2 AND pending_thread IS NOT NULL`,
      [guildId, key],
    );
  }

  async pendingThreads(guildIds: readonly string[]): Promise<LedgerEntry[]> {
    const { rows } = await query(
      this.pool,
      'reading threads still to open',
      `SELECT ${COLUMNS} FROM ledger
       WHERE guild_id = ANY($1::text[]) AND state = 'posted' AND pending_thread IS NOT NULL
       ORDER BY at, guild_id, key`,
      [guildIds],
    );
    return rows.map(toEntry);
  }

  async giveUp(
    guildId: string,
    key: string,
    owner: string,
    state: 'skipped' | 'failed',
    reason: string,
  ): Promise<boolean> {
    return this.settle(
      `state = $4, reason = $5, lease_until = NULL`,
      [guildId, key, owner, state, reason.slice(0, 500)],
      'giving up a post',
    );
  }

  async release(guildId: string, key: string, owner: string, reason: string): Promise<boolean> {
    return this.settle(
      `reason = $4, owner = NULL, lease_until = NULL`,
      [guildId, key, owner, reason.slice(0, 500)],
      'releasing a claim',
    );
  }

  /**
   * One conditional UPDATE of a claim that is still this owner's (live or lapsed, but not taken
   * over); false when it is not.
   */
  private async settle(set: string, values: unknown[], doing: string): Promise<boolean> {
    const { rowCount } = await query(
      this.pool,
      doing,
      `UPDATE ledger SET ${set}, at = now()
       WHERE guild_id = $1 AND key = $2 AND owner = $3 AND state = 'claimed'`,
      values,
    );
    return rowCount === 1;
  }

  async recent(guildId: string, limit: number): Promise<LedgerEntry[]> {
    const { rows } = await query(
      this.pool,
      'reading recent posts',
      `SELECT ${COLUMNS} FROM ledger WHERE guild_id = $1 ORDER BY at DESC, key DESC LIMIT $2`,
      [guildId, limit],
    );
    return rows.map(toEntry);
  }

  async prune(before: Date): Promise<number> {
    const { rowCount } = await query(
      this.pool,
      'pruning the ledger',
      // Each guild's newest entry of a kind stays, so /schedule status can name the last post.
      `DELETE FROM ledger AS old WHERE old.state <> 'claimed' AND old.at < $1
         AND EXISTS (SELECT 1 FROM ledger AS newer
                     WHERE newer.guild_id = old.guild_id AND newer.kind = old.kind
                       AND (newer.at, newer.key) > (old.at, old.key))`,
      [before],
    );
    return rowCount ?? 0;
  }
}

interface KeyRow {
  guild_id: string;
  key: string;
  state: LedgerEntry['state'];
  lease_until: Date | null;
}

function learnKey(keys: KnownKeys, row: KeyRow): void {
  if (row.state === 'claimed') {
    // Settled is final: a stale read of the claim that preceded it must not undo it.
    if (!keys.settled.has(row.key)) keys.claims.set(row.key, row.lease_until?.getTime() ?? null);
  } else {
    keys.settled.add(row.key);
    keys.claims.delete(row.key);
  }
}
