import type { PartitionPort, PartitionView } from '../../src/schedule/partition-owner.js';

/**
 * The lease table of src/store/postgres/partitions.ts kept in memory on one test clock, with the
 * same conditions as its SQL: for unit and property tests of the owner loop. The real tables are
 * tested against PostgreSQL in tests/store/postgres/partitions.test.ts.
 */
export class MemoryPartitions implements PartitionPort {
  readonly leases: { owner: string | null; until: number }[];
  readonly members = new Map<string, number>();
  /** Guilds with settings, by partition. */
  guilds = new Map<number, string[]>();
  /** When set, every call fails as a database that went away would. */
  down = false;

  constructor(
    readonly clock: () => number,
    count: number,
  ) {
    this.leases = Array.from({ length: count }, () => ({ owner: null, until: 0 }));
  }

  private check(): void {
    if (this.down) throw new Error('database away');
  }

  beat(member: string, ttlMs: number): Promise<PartitionView> {
    this.check();
    const now = this.clock();
    this.members.set(member, now + ttlMs);
    return Promise.resolve({
      members: [...this.members].filter(([, until]) => until > now).map(([m]) => m),
      leases: this.leases.map((lease, partition) => ({
        partition,
        owner: lease.owner,
        live: lease.owner !== null && lease.until > now,
      })),
    });
  }

  renew(member: string, partitions: readonly number[], ttlMs: number): Promise<number[]> {
    this.check();
    const now = this.clock();
    const done = partitions.filter((p) => this.leases[p]?.owner === member);
    for (const p of done) this.leases[p]!.until = now + ttlMs;
    return Promise.resolve(done);
  }

  take(member: string, partitions: readonly number[], ttlMs: number): Promise<number[]> {
    this.check();
    const now = this.clock();
    const done = partitions.filter((p) => {
      const lease = this.leases[p];
      return lease !== undefined && (lease.owner === null || lease.until <= now);
    });
    for (const p of done) this.leases[p] = { owner: member, until: now + ttlMs };
    return Promise.resolve(done);
  }

  release(member: string, partitions: readonly number[]): Promise<number[]> {
    this.check();
    const done = partitions.filter((p) => this.leases[p]?.owner === member);
    for (const p of done) this.leases[p] = { owner: null, until: 0 };
    return Promise.resolve(done);
  }

  leave(member: string): Promise<void> {
    this.check();
    for (const lease of this.leases) if (lease.owner === member) lease.owner = null;
    this.members.delete(member);
    return Promise.resolve();
  }

  guildsIn(partitions: readonly number[]): Promise<Map<number, string[]>> {
    this.check();
    return Promise.resolve(new Map(partitions.map((p) => [p, this.guilds.get(p) ?? []])));
  }
}
