import { PARTITION_COUNT, partitionOf, planPartitions, type LeaseView } from './partition-plan.js';

/**
 * One process's share of the partitions, kept up by a heartbeat: the runner posts only for the
 * servers of partitions this holds (`guildIds`, `owns`). The decisions are planPartitions's; the
 * SQL is the port's (src/store/postgres/partitions.ts).
 */

/** What one heartbeat reads: the live members and every partition's lease, in database time. */
export interface PartitionView {
  members: string[];
  leases: LeaseView[];
}

/** The storage side of partition leases; PostgreSQL implements it, tests may fake it. */
export interface PartitionPort {
  /** Renews this member's heartbeat for ttlMs, then reads the view. */
  beat(member: string, ttlMs: number): Promise<PartitionView>;
  /** Extends these leases if still ours; returns those it extended. */
  renew(member: string, partitions: readonly number[], ttlMs: number): Promise<number[]>;
  /** Takes these if free or lapsed; returns those it took. */
  take(member: string, partitions: readonly number[], ttlMs: number): Promise<number[]>;
  release(member: string, partitions: readonly number[]): Promise<number[]>;
  /** Lets every lease go and removes the heartbeat. */
  leave(member: string): Promise<void>;
  /** The servers with settings in these partitions. */
  guildsIn(partitions: readonly number[]): Promise<Map<number, string[]>>;
}

/** The part of a logger this needs (pino's Logger fits). */
export interface PartitionLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** How often a process beats. A dead one's partitions are free LEASE_MS after its last beat. */
export const PARTITION_HEARTBEAT_MS = 15_000;
/**
 * A lease lasts three heartbeats, so one slow beat loses nothing; a dead process's partitions
 * lapse within 45 s and are taken at the next beat of a survivor: within a minute, so within two
 * of the scheduler's one-minute ticks.
 */
export const PARTITION_LEASE_MS = 45_000;

export interface PartitionOwnerOptions {
  port: PartitionPort;
  /** This process's name; the runner's ledger owner is a good one. */
  member: string;
  log: PartitionLog;
  heartbeatMs?: number;
  leaseMs?: number;
  /** A clock that only goes forward, for how long our leases surely last (never compared to another process's). */
  monotonicMs?: () => number;
  /** Told each change of hands, for /metrics. */
  onChange?: (change: 'taken' | 'released' | 'lost', count: number) => void;
}

export interface PartitionSnapshot {
  /** Partitions whose lease is surely still ours. */
  owned: number[];
  share: number;
  members: number;
  guilds: number;
  /** Beats that failed in a row (the database away): past a lease, nothing is posted. */
  failedBeats: number;
}

export function createPartitionOwner(options: PartitionOwnerOptions) {
  const { port, member, log } = options;
  const heartbeatMs = options.heartbeatMs ?? PARTITION_HEARTBEAT_MS;
  const leaseMs = options.leaseMs ?? PARTITION_LEASE_MS;
  if (leaseMs <= heartbeatMs) throw new Error('partition lease must be longer than a heartbeat');
  const monotonic = options.monotonicMs ?? (() => performance.now());
  /**
   * Our partitions and, for each, the local instant before which its lease surely holds: the
   * moment we sent the renewing statement plus the lease (the database's now() was later).
   */
  const validUntil = new Map<number, number>();
  let guilds = new Map<number, string[]>();
  let share = 0;
  let members = 0;
  let failedBeats = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const held = (at: number) =>
    [...validUntil].filter(([, until]) => until > at).map(([partition]) => partition);

  function changed(change: 'taken' | 'released' | 'lost', partitions: readonly number[]) {
    if (partitions.length === 0) return;
    options.onChange?.(change, partitions.length);
    log.info({ member, partitions, change }, `partitions ${change}`);
  }

  async function beatOnce(): Promise<void> {
    const sentAt = monotonic();
    const view = await port.beat(member, leaseMs);
    const plan = planPartitions({ me: member, members: view.members, leases: view.leases });
    share = plan.share;
    members = new Set([...view.members, member]).size;
    // Stop posting for the extras before letting them go, so two never post for one at once.
    for (const partition of plan.release) validUntil.delete(partition);
    changed('released', await port.release(member, plan.release));
    const renewed = new Set(await port.renew(member, plan.renew, leaseMs));
    const lost = plan.renew.filter((partition) => !renewed.has(partition));
    for (const partition of lost) validUntil.delete(partition);
    changed('lost', lost);
    for (const partition of renewed) validUntil.set(partition, sentAt + leaseMs);
    if (stopped) return;
    const taken = await port.take(member, plan.take, leaseMs);
    for (const partition of taken) validUntil.set(partition, sentAt + leaseMs);
    changed('taken', taken);
    // Anything we believed ours that the view no longer shows as ours is gone too.
    for (const partition of [...validUntil.keys()]) {
      if (!renewed.has(partition) && !taken.includes(partition)) validUntil.delete(partition);
    }
    guilds = await port.guildsIn([...validUntil.keys()].sort((a, b) => a - b));
  }

  async function step(): Promise<void> {
    try {
      await beatOnce();
      failedBeats = 0;
    } catch (error) {
      failedBeats += 1;
      // Our leases run out by themselves (guildIds() stops offering their servers); the next
      // beat tries again.
      log.warn({ err: error, member, failedBeats }, 'partition heartbeat failed');
    }
  }

  function stepOnce(): Promise<void> {
    running ??= step().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    member,
    /** One heartbeat now: renew, release extras, take a fair share, list their servers. */
    step: stepOnce,
    /** The first beat (awaited), then one every heartbeatMs. */
    async start(): Promise<void> {
      await stepOnce();
      if (stopped) return;
      timer = setInterval(() => void stepOnce(), heartbeatMs);
      timer.unref();
    },
    /** Stops beating and lets every partition go, so the other processes take over at once. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
      validUntil.clear();
      guilds = new Map();
      try {
        await port.leave(member);
      } catch (error) {
        log.warn({ err: error, member }, 'could not release partitions; they lapse by themselves');
      }
    },
    /** The servers this process posts for now: those of partitions whose lease surely holds. */
    *guildIds(): Iterable<string> {
      for (const partition of held(monotonic())) yield* guilds.get(partition) ?? [];
    },
    /** Whether this process may claim a post of this server now. */
    owns(guildId: string): boolean {
      const until = validUntil.get(partitionOf(guildId, PARTITION_COUNT));
      return until !== undefined && until > monotonic();
    },
    snapshot(): PartitionSnapshot {
      const owned = held(monotonic()).sort((a, b) => a - b);
      const count = owned.reduce((sum, p) => sum + (guilds.get(p)?.length ?? 0), 0);
      return { owned, share, members, guilds: count, failedBeats };
    },
  };
}

export type PartitionOwner = ReturnType<typeof createPartitionOwner>;
