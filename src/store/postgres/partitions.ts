import type pg from 'pg';
import type { LeaseView } from '../../schedule/partition-plan.js';
import type { PartitionPort, PartitionView } from '../../schedule/partition-owner.js';
import { query } from './pool.js';

/** Members whose heartbeat ended this long ago are deleted (they count as dead long before). */
const FORGET_MEMBERS_AFTER = '1 hour';

/**
 * The partition leases and member heartbeats of migration 005. Every time here is the
 * database's `now()`: processes on machines with different clocks agree on who is live.
 * Each call is one statement (its own transaction), so a transaction-mode pooler works too.
 */
export class PostgresPartitions implements PartitionPort {
  constructor(private readonly pool: pg.Pool) {}

  async beat(member: string, ttlMs: number): Promise<PartitionView> {
    await query(
      this.pool,
      'renewing the heartbeat',
      `INSERT INTO partition_members (member, heartbeat_until)
       VALUES ($1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (member) DO UPDATE SET heartbeat_until = EXCLUDED.heartbeat_until`,
      [member, ttlMs],
    );
    const [members, leases] = await Promise.all([
      query<{ member: string }>(
        this.pool,
        'reading the live members',
        `WITH gone AS (
           DELETE FROM partition_members
           WHERE heartbeat_until < now() - interval '${FORGET_MEMBERS_AFTER}'
         )
         SELECT member FROM partition_members WHERE heartbeat_until > now() ORDER BY member`,
      ),
      query<{ partition: number; owner: string | null; live: boolean }>(
        this.pool,
        'reading the partition leases',
        `SELECT partition, owner, coalesce(lease_until > now(), false) AS live
         FROM partition_leases ORDER BY partition`,
      ),
    ]);
    return {
      members: members.rows.map((row) => row.member),
      leases: leases.rows.map((row): LeaseView => ({
        partition: row.partition,
        owner: row.owner,
        live: row.live,
      })),
    };
  }

  /**
   * Extends our leases. One that lapsed but that nobody took is still ours (nobody else can
   * have posted for it, since posting needs the lease); one another process took is not returned.
   */
  async renew(member: string, partitions: readonly number[], ttlMs: number): Promise<number[]> {
    if (partitions.length === 0) return [];
    const { rows } = await query<{ partition: number }>(
      this.pool,
      'renewing partition leases',
      `UPDATE partition_leases SET lease_until = now() + $3 * interval '1 millisecond'
       WHERE partition = ANY($2::smallint[]) AND owner = $1
       RETURNING partition`,
      [member, partitions, ttlMs],
    );
    return rows.map((row) => row.partition).sort((a, b) => a - b);
  }

  /** Takes free or lapsed partitions; of two processes racing for one, exactly one gets it. */
  async take(member: string, partitions: readonly number[], ttlMs: number): Promise<number[]> {
    if (partitions.length === 0) return [];
    const { rows } = await query<{ partition: number }>(
      this.pool,
      'taking partition leases',
      `UPDATE partition_leases
       SET owner = $1, lease_until = now() + $3 * interval '1 millisecond',
           handovers = handovers + 1
       WHERE partition = ANY($2::smallint[])
         AND (owner IS NULL OR lease_until <= now())
       RETURNING partition`,
      [member, partitions, ttlMs],
    );
    return rows.map((row) => row.partition).sort((a, b) => a - b);
  }

  async release(member: string, partitions: readonly number[]): Promise<number[]> {
    if (partitions.length === 0) return [];
    const { rows } = await query<{ partition: number }>(
      this.pool,
      'releasing partition leases',
      `UPDATE partition_leases SET owner = NULL, lease_until = NULL
       WHERE partition = ANY($2::smallint[]) AND owner = $1
       RETURNING partition`,
      [member, partitions],
    );
    return rows.map((row) => row.partition).sort((a, b) => a - b);
  }

  /** On shutdown: every lease let go and the heartbeat removed, so the others take over at once. */
  async leave(member: string): Promise<void> {
    await query(
      this.pool,
      'leaving the partitions',
      `WITH released AS (
         UPDATE partition_leases SET owner = NULL, lease_until = NULL WHERE owner = $1
       )
       DELETE FROM partition_members WHERE member = $1`,
      [member],
    );
  }

  /** The servers with settings in these partitions (the generated `settings.partition`). */
  async guildsIn(partitions: readonly number[]): Promise<Map<number, string[]>> {
    const byPartition = new Map<number, string[]>(partitions.map((p) => [p, []]));
    if (partitions.length === 0) return byPartition;
    const { rows } = await query<{ guild_id: string; partition: number }>(
      this.pool,
      'listing the servers of our partitions',
      `SELECT guild_id, partition FROM settings
       WHERE partition = ANY($1::smallint[]) AND value IS NOT NULL`,
      [partitions],
    );
    for (const row of rows) byPartition.get(row.partition)?.push(row.guild_id);
    return byPartition;
  }
}
