import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyRuns } from '../helpers/property-runs.js';
import { createPartitionOwner, type PartitionOwner } from '../../src/schedule/partition-owner.js';
import { PARTITION_COUNT, partitionOf } from '../../src/schedule/partition-plan.js';
import { MemoryPartitions } from '../helpers/memory-partitions.js';

const HEARTBEAT = 1_000;
const LEASE = 3_000;
const quiet = { info: () => undefined, warn: () => undefined };

function world() {
  let now = 0;
  const clock = () => now;
  const port = new MemoryPartitions(clock, PARTITION_COUNT);
  const owner = (member: string): PartitionOwner =>
    createPartitionOwner({
      port,
      member,
      log: quiet,
      heartbeatMs: HEARTBEAT,
      leaseMs: LEASE,
      monotonicMs: clock,
    });
  return {
    port,
    owner,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Each partition's holders among the owners, by what each believes it may post for now. */
function holders(owners: PartitionOwner[]): Map<number, string[]> {
  const byPartition = new Map<number, string[]>();
  for (const owner of owners) {
    for (const p of owner.snapshot().owned) {
      byPartition.set(p, [...(byPartition.get(p) ?? []), owner.member]);
    }
  }
  return byPartition;
}

/** Two owners a and b that have each beaten twice, a beat apart: the half each settles into. */
async function twoSettled() {
  const w = world();
  const a = w.owner('a');
  const b = w.owner('b');
  await a.step();
  await b.step();
  w.advance(HEARTBEAT);
  await a.step();
  await b.step();
  return { w, a, b };
}

describe('GIVEN partition owners on one lease table', () => {
  test('WHEN one process runs alone THEN it holds every partition and lists their servers', async () => {
    const w = world();
    const ids = ['100000000000000001', '100000000000000002', '100000000000000003'];
    for (const id of ids) w.port.guilds.set(partitionOf(id), [id]);
    const a = w.owner('a');
    await a.step();
    expect(a.snapshot()).toMatchObject({ share: PARTITION_COUNT, members: 1, guilds: 3 });
    expect(a.snapshot().owned).toHaveLength(PARTITION_COUNT);
    expect([...a.guildIds()].sort()).toEqual(ids);
    expect(ids.every((id) => a.owns(id))).toBe(true);
  });

  test('WHEN a second process joins THEN after two beats each holds half and no partition has two holders', async () => {
    const w = world();
    const a = w.owner('a');
    const b = w.owner('b');
    await a.step();
    await b.step(); // joins: everything is held, so it takes nothing yet
    expect(b.snapshot().owned).toEqual([]);
    w.advance(HEARTBEAT);
    await a.step(); // sees two members: releases its upper half
    expect(a.snapshot().owned).toHaveLength(PARTITION_COUNT / 2);
    await b.step(); // takes them
    expect(b.snapshot().owned).toHaveLength(PARTITION_COUNT / 2);
    const both = holders([a, b]);
    expect(both.size).toBe(PARTITION_COUNT);
    expect([...both.values()].every((who) => who.length === 1)).toBe(true);
  });

  test('WHEN a holder dies THEN the survivor takes its partitions within a lease and a beat, and the dead one stops listing them', async () => {
    const { w, a, b } = await twoSettled();
    // b dies: it beats no more. Its lease, as b itself judges it, runs out on the same clock.
    for (let t = 0; t < LEASE + HEARTBEAT; t += HEARTBEAT) {
      w.advance(HEARTBEAT);
      await a.step();
    }
    expect(a.snapshot().owned).toHaveLength(PARTITION_COUNT);
    expect(b.snapshot().owned).toEqual([]);
    expect([...b.guildIds()]).toEqual([]);
  });

  test('WHEN a process stops gracefully THEN the other takes everything at its next beat', async () => {
    const { w, a, b } = await twoSettled();
    await b.stop();
    w.advance(HEARTBEAT);
    await a.step();
    expect(a.snapshot().owned).toHaveLength(PARTITION_COUNT);
  });

  test('WHEN the database goes away THEN the process stops claiming once its leases would have run out', async () => {
    const w = world();
    const id = '100000000000000001';
    w.port.guilds.set(partitionOf(id), [id]);
    const a = w.owner('a');
    await a.step();
    w.port.down = true;
    w.advance(LEASE - 1);
    await a.step();
    expect(a.owns(id)).toBe(true);
    w.advance(1);
    expect(a.owns(id)).toBe(false);
    expect([...a.guildIds()]).toEqual([]);
    expect(a.snapshot().failedBeats).toBe(1);
  });

  test('WHEN processes join, die, leave and beat in any order THEN no partition ever has two holders, and once all beat twice after the dead lapse every partition has one', async () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('beat' as const), who: fc.nat(4) }),
      fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 2_500 }) }),
      fc.record({ kind: fc.constant('die' as const), who: fc.nat(4) }),
      fc.record({ kind: fc.constant('leave' as const), who: fc.nat(4) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 60 }), async (events) => {
        const w = world();
        const names = ['p0', 'p1', 'p2', 'p3', 'p4'];
        const owners = names.map((name) => w.owner(name));
        const alive = new Set<number>([0, 1, 2, 3, 4]);
        const check = () => {
          for (const [, who] of holders(owners)) expect(who.length).toBe(1);
        };
        for (const e of events) {
          if (e.kind === 'wait') w.advance(e.ms);
          else if (!alive.has(e.who)) continue;
          else if (e.kind === 'beat') await owners[e.who]!.step();
          else if (e.kind === 'die') alive.delete(e.who);
          else {
            alive.delete(e.who);
            await owners[e.who]!.stop();
          }
          check();
        }
        if (alive.size === 0) return;
        // Let the dead lapse, then every survivor beats twice (each beat a heartbeat apart).
        w.advance(LEASE);
        for (let round = 0; round < 2; round += 1) {
          for (const i of alive) await owners[i]!.step();
          check();
          w.advance(HEARTBEAT);
        }
        for (const i of alive) await owners[i]!.step();
        const live = [...alive].map((i) => owners[i]!);
        const held = holders(live);
        expect(held.size).toBe(PARTITION_COUNT);
        const share = Math.ceil(PARTITION_COUNT / alive.size);
        for (const owner of live) expect(owner.snapshot().owned.length).toBeLessThanOrEqual(share);
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});
