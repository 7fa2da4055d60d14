import { createHash } from 'node:crypto';

/**
 * Who posts for which servers when several processes share one PostgreSQL store. Pure: the
 * SQL lives in src/store/postgres/partitions.ts, the loop that runs it in partition-owner.ts.
 *
 * Scheduled work is split into a fixed number of partitions by guild id (a hash, not the gateway
 * shard: a change of shard count moves no server between partitions), and each live process
 * leases a fair share of them.
 */

/**
 * The number of partitions. Fixed for the life of a database: migration 005 creates this many
 * lease rows and computes `settings.partition` with the same hash and modulus. 60 splits evenly
 * over 1, 2, 3, 4, 5 or 6 processes.
 */
export const PARTITION_COUNT = 60;

/**
 * A guild's partition: the first 32 bits of md5(guild id) modulo PARTITION_COUNT. Migration 005
 * computes the same in SQL (`('x' || substr(md5(guild_id), 1, 8))::bit(32)::bigint % 60`); a
 * test checks both agree. A hash, not `id >> 22`, so ids made in one millisecond still spread.
 */
export function partitionOf(guildId: string, count: number = PARTITION_COUNT): number {
  return createHash('md5').update(guildId).digest().readUInt32BE(0) % count;
}

/** The most partitions one process should hold: ceil(partitions / live processes). */
export function fairShare(partitions: number, liveMembers: number): number {
  return Math.ceil(partitions / Math.max(1, liveMembers));
}

/** A partition's lease as read from the database, judged in the database's time. */
export interface LeaseView {
  partition: number;
  /** Null when nobody has ever held it or its holder let it go. */
  owner: string | null;
  /** True while `lease_until > now()` in the database. */
  live: boolean;
}

export interface PartitionPlanInput {
  me: string;
  /** The processes whose heartbeat is live (this one included once it has beaten). */
  members: readonly string[];
  leases: readonly LeaseView[];
}

export interface PartitionPlan {
  /** Leases of ours to renew (live or lapsed but not taken by anyone: still ours). */
  renew: number[];
  /** Free or lapsed partitions to take, up to our share. */
  take: number[];
  /** Ours beyond our share, let go so a process that joined can take them. */
  release: number[];
  share: number;
}

/**
 * What this process should do at one heartbeat. Its own leases are kept up to its share (the
 * extras released, the highest numbers first, so two processes settle on stable halves); then
 * it takes free or lapsed partitions, the lowest first, until it holds its share. A partition
 * held by another live owner is never touched. Because share × members ≥ partitions, once every
 * live process has beaten twice every partition has exactly one owner.
 */
export function planPartitions({ me, members, leases }: PartitionPlanInput): PartitionPlan {
  const live = new Set(members);
  live.add(me);
  const share = fairShare(leases.length, live.size);
  const mine = leases
    .filter((lease) => lease.owner === me)
    .map((lease) => lease.partition)
    .sort((a, b) => a - b);
  const renew = mine.slice(0, share);
  const release = mine.slice(share);
  const free = leases
    .filter((lease) => lease.owner !== me && (lease.owner === null || !lease.live))
    .map((lease) => lease.partition)
    .sort((a, b) => a - b);
  const take = free.slice(0, Math.max(0, share - renew.length));
  return { renew, take, release, share };
}
