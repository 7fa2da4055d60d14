import type pg from 'pg';
import type { AddFollowResult, Follow, FollowsPort } from '../follows.js';
import type { PollRecord, PollsPort } from '../polls.js';
import { reportLimitReached, type FactReport, type ReportsPort } from '../reports.js';
import { toStoreError } from './errors.js';
import { inTransaction, query } from './pool.js';

/**
 * The community ports on PostgreSQL (migration 004_community.sql). Each check-and-write is one
 * statement or one transaction, so racing processes see each other: a report's rate limit
 * counts under an advisory lock, a DM's once-key and a poll's claim are conditional upserts, and
 * every lease is measured by the database's own now().
 */

interface ReportRow {
  id: string;
  guild_id: string | null;
  reporter_id: string;
  record_id: string;
  field: string;
  body: string;
  source_url: string | null;
  created_at: Date;
  state: 'open' | 'closed';
  delivered: boolean;
  closed_at: Date | null;
  close_note: string | null;
}

const toReport = (r: ReportRow): FactReport => ({
  id: r.id,
  guildId: r.guild_id,
  reporterId: r.reporter_id,
  recordId: r.record_id,
  field: r.field,
  text: r.body,
  sourceUrl: r.source_url,
  createdAt: r.created_at,
  state: r.state,
  delivered: r.delivered,
  closedAt: r.closed_at,
  closeNote: r.close_note,
});

/** Any fixed 32-bit number: the first key of the advisory locks that serialise rate limits. */
const REPORT_LOCK_SPACE = 7_214_531;

export function postgresReports(pool: pg.Pool): ReportsPort {
  const port: ReportsPort = {
    create(report, limits) {
      return inTransaction(pool, 'storing a report', async (client) => {
        // One lock per member and one per server: reports of others do not wait on each other.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          REPORT_LOCK_SPACE,
          `member:${report.reporterId}`,
        ]);
        if (report.guildId !== null) {
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
            REPORT_LOCK_SPACE,
            `guild:${report.guildId}`,
          ]);
        }
        const inWindow = async (
          column: 'reporter_id' | 'guild_id',
          id: string,
          windowMs: number,
        ) => {
          const { rows } = await client.query<{ created_at: Date }>(
            `SELECT created_at FROM fact_reports
             WHERE ${column} = $1 AND created_at > $2::timestamptz - $3 * interval '1 ms'
             ORDER BY created_at`,
            [id, report.createdAt, windowMs],
          );
          return rows.map((row) => row.created_at.getTime());
        };
        const mine = await inWindow('reporter_id', report.reporterId, limits.perMember.windowMs);
        const memberLimited = reportLimitReached(mine, limits.perMember, 'member');
        if (memberLimited) return memberLimited;
        if (report.guildId !== null) {
          const guild = await inWindow('guild_id', report.guildId, limits.perGuild.windowMs);
          const guildLimited = reportLimitReached(guild, limits.perGuild, 'guild');
          if (guildLimited) return guildLimited;
        }
        const { rows } = await client.query<ReportRow>(
          `INSERT INTO fact_reports (id, guild_id, reporter_id, record_id, field, body, source_url,
             created_at, state)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open') RETURNING *`,
          [
            report.id,
            report.guildId,
            report.reporterId,
            report.recordId,
            report.field,
            report.text,
            report.sourceUrl,
            report.createdAt,
          ],
        );
        return { kind: 'created' as const, report: toReport(rows[0]!) };
      });
    },
    async markDelivered(id) {
      await query(
        pool,
        'marking a report delivered',
        'UPDATE fact_reports SET delivered = true WHERE id = $1',
        [id],
      );
    },
    async get(id) {
      const { rows } = await query<ReportRow>(
        pool,
        'reading a report',
        'SELECT * FROM fact_reports WHERE id = $1',
        [id],
      );
      return rows[0] ? toReport(rows[0]) : null;
    },
    async listOpen(limit) {
      const { rows } = await query<ReportRow>(
        pool,
        'listing open reports',
        `SELECT * FROM fact_reports WHERE state = 'open' ORDER BY created_at, id LIMIT $1`,
        [Math.max(0, limit)],
      );
      return rows.map(toReport);
    },
    async openCount(guildId) {
      const { rows } = await query<{ n: number }>(
        pool,
        'counting open reports',
        `SELECT count(*)::int AS n FROM fact_reports WHERE state = 'open' AND guild_id = $1`,
        [guildId],
      );
      return rows[0]?.n ?? 0;
    },
    async close(id, note, at) {
      const { rows } = await query<ReportRow>(
        pool,
        'closing a report',
        `UPDATE fact_reports SET state = 'closed', closed_at = $3, close_note = $2
         WHERE id = $1 AND state = 'open' RETURNING *`,
        [id, note, at],
      );
      if (rows[0]) return { kind: 'closed', report: toReport(rows[0]) };
      const found = await port.get(id);
      return found ? { kind: 'already-closed', report: found } : { kind: 'not-found' };
    },
  };
  return port;
}

interface FollowRow {
  user_id: string;
  agreement_id: string;
  language: string;
  created_at: Date;
  paused_at: Date | null;
}

const toFollow = (r: FollowRow): Follow => ({
  userId: r.user_id,
  agreementId: r.agreement_id,
  language: r.language,
  createdAt: r.created_at,
  pausedAt: r.paused_at,
});

export function postgresFollows(pool: pg.Pool): FollowsPort {
  const list = async (client: pg.Pool | pg.PoolClient, userId: string) => {
    const { rows } = await client.query<FollowRow>(
      'SELECT * FROM follows WHERE user_id = $1 ORDER BY created_at, agreement_id',
      [userId],
    );
    return rows.map(toFollow);
  };
  return {
    add(userId, agreementId, language, at, max) {
      return inTransaction(pool, 'following', async (client): Promise<AddFollowResult> => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          REPORT_LOCK_SPACE + 1,
          userId,
        ]);
        const mine = await list(client, userId);
        const existing = mine.find((f) => f.agreementId === agreementId);
        const paused = mine.filter((f) => f.pausedAt !== null);
        if (existing && paused.length === 0 && existing.language === language) {
          return { kind: 'already', follow: existing };
        }
        if (!existing && mine.length >= max) return { kind: 'too-many', max };
        await client.query('UPDATE follows SET paused_at = NULL WHERE user_id = $1', [userId]);
        const { rows } = await client.query<FollowRow>(
          `INSERT INTO follows (user_id, agreement_id, language, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id, agreement_id) DO UPDATE
             SET paused_at = NULL, language = EXCLUDED.language RETURNING *`,
          [userId, agreementId, language, at],
        );
        await client.query('DELETE FROM follow_notices WHERE user_id = $1', [userId]);
        const follow = toFollow(rows[0]!);
        if (paused.length > 0) return { kind: 'resumed', follow, resumed: paused.length };
        return existing ? { kind: 'already', follow } : { kind: 'added', follow };
      });
    },
    async remove(userId, agreementId) {
      const { rowCount } = await query(
        pool,
        'unfollowing',
        'DELETE FROM follows WHERE user_id = $1 AND agreement_id = $2',
        [userId, agreementId],
      );
      return (rowCount ?? 0) > 0;
    },
    async list(userId) {
      try {
        return await list(pool, userId);
      } catch (error) {
        throw toStoreError(error, 'listing follows');
      }
    },
    async active() {
      const { rows } = await query<FollowRow>(
        pool,
        'reading follows',
        'SELECT * FROM follows WHERE paused_at IS NULL ORDER BY user_id, agreement_id',
      );
      return rows.map(toFollow);
    },
    pauseAll(userId, at) {
      return inTransaction(pool, 'pausing follows', async (client) => {
        await client.query(
          'UPDATE follows SET paused_at = $2 WHERE user_id = $1 AND paused_at IS NULL',
          [userId, at],
        );
        await client.query(
          'INSERT INTO follow_notices (user_id) VALUES ($1) ON CONFLICT DO NOTHING',
          [userId],
        );
      });
    },
    async takeNotice(userId) {
      const { rowCount } = await query(
        pool,
        'reading a follow notice',
        'DELETE FROM follow_notices WHERE user_id = $1',
        [userId],
      );
      return (rowCount ?? 0) > 0;
    },
    async claimDelivery({ userId, key, owner, leaseMs }) {
      // Inserted, or taken over only when an earlier claim's lease has lapsed: one winner.
      const { rowCount } = await query(
        pool,
        'claiming a DM',
        `INSERT INTO follow_deliveries (user_id, key, state, owner, lease_until)
         VALUES ($1, $2, 'claimed', $3, now() + $4 * interval '1 ms')
         ON CONFLICT (user_id, key) DO UPDATE
           SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until, at = now()
           WHERE follow_deliveries.state = 'claimed' AND follow_deliveries.lease_until <= now()`,
        [userId, key, owner, leaseMs],
      );
      return (rowCount ?? 0) > 0;
    },
    async settleDelivery(userId, key, owner, state) {
      const { rowCount } = await query(
        pool,
        'settling a DM',
        `UPDATE follow_deliveries SET state = $4, lease_until = NULL, at = now()
         WHERE user_id = $1 AND key = $2 AND owner = $3 AND state = 'claimed'`,
        [userId, key, owner, state],
      );
      return (rowCount ?? 0) > 0;
    },
    async settledKeys(userId, keys) {
      if (keys.length === 0) return new Set();
      const { rows } = await query<{ key: string }>(
        pool,
        'reading sent DMs',
        `SELECT key FROM follow_deliveries WHERE user_id = $1 AND key = ANY($2) AND state <> 'claimed'`,
        [userId, [...keys]],
      );
      return new Set(rows.map((row) => row.key));
    },
  };
}

interface PollRow {
  message_id: string;
  channel_id: string;
  guild_id: string;
  closes_at: Date;
  language: string;
  state: PollRecord['state'];
  owner: string | null;
  lease_until: Date | null;
  attempts: number;
  result_message_id: string | null;
  reason: string | null;
}

const toPoll = (r: PollRow): PollRecord => ({
  messageId: r.message_id,
  channelId: r.channel_id,
  guildId: r.guild_id,
  closesAt: r.closes_at,
  language: r.language,
  state: r.state,
  owner: r.owner,
  leaseUntil: r.lease_until,
  attempts: r.attempts,
  resultMessageId: r.result_message_id,
  reason: r.reason,
});

/** A poll free to claim: open, or claimed by a worker whose lease has lapsed. */
const FREE = `(state = 'open' OR (state = 'claimed' AND (lease_until IS NULL OR lease_until <= now())))`;

export function postgresPolls(pool: pg.Pool): PollsPort {
  return {
    async record(poll) {
      await query(
        pool,
        'recording a poll',
        `INSERT INTO polls (message_id, channel_id, guild_id, closes_at, language, state)
         VALUES ($1, $2, $3, $4, $5, 'open') ON CONFLICT (message_id) DO NOTHING`,
        [poll.messageId, poll.channelId, poll.guildId, poll.closesAt, poll.language],
      );
    },
    async due(now, limit) {
      const { rows } = await query<PollRow>(
        pool,
        'reading closed polls',
        `SELECT * FROM polls WHERE closes_at <= $1 AND ${FREE} ORDER BY closes_at LIMIT $2`,
        [now, Math.max(0, limit)],
      );
      return rows.map(toPoll);
    },
    async claim(messageId, owner, leaseMs) {
      const { rows } = await query<PollRow>(
        pool,
        'claiming a poll',
        `UPDATE polls SET state = 'claimed', owner = $2, lease_until = now() + $3 * interval '1 ms',
           attempts = attempts + 1
         WHERE message_id = $1 AND ${FREE} RETURNING *`,
        [messageId, owner, leaseMs],
      );
      return rows[0] ? toPoll(rows[0]) : null;
    },
    async settle(messageId, owner, outcome) {
      const { rowCount } = await query(
        pool,
        'settling a poll',
        `UPDATE polls SET state = $3, lease_until = NULL, result_message_id = $4, reason = $5
         WHERE message_id = $1 AND owner = $2 AND state = 'claimed'`,
        [
          messageId,
          owner,
          outcome.state,
          outcome.state === 'posted' ? outcome.resultMessageId : null,
          outcome.state === 'gone' ? outcome.reason.slice(0, 500) : null,
        ],
      );
      return (rowCount ?? 0) > 0;
    },
    async release(messageId, owner, reason) {
      const { rowCount } = await query(
        pool,
        'releasing a poll',
        `UPDATE polls SET state = 'open', owner = NULL, lease_until = NULL, reason = $3
         WHERE message_id = $1 AND owner = $2 AND state = 'claimed'`,
        [messageId, owner, reason.slice(0, 500)],
      );
      return (rowCount ?? 0) > 0;
    },
    async get(messageId) {
      const { rows } = await query<PollRow>(
        pool,
        'reading a poll',
        'SELECT * FROM polls WHERE message_id = $1',
        [messageId],
      );
      return rows[0] ? toPoll(rows[0]) : null;
    },
  };
}
