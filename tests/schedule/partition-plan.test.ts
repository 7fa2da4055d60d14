import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FAST_CHECK_RUNS, propertyRuns } from '../helpers/property-runs.js';
import {
  fairShare,
  PARTITION_COUNT,
  partitionOf,
  planPartitions,
  type LeaseView,
} from '../../src/schedule/partition-plan.js';

const snowflake = fc.bigInt({ min: 10n ** 16n, max: 2n ** 63n - 1n }).map(String);

function leases(owners: (string | null)[], live = true): LeaseView[] {
  return owners.map((owner, partition) => ({ partition, owner, live: owner !== null && live }));
}

describe('partitionOf', () => {
  test('GIVEN any Discord id THEN its partition is a whole number below the count, the same every time', () => {
    fc.assert(
      fc.property(snowflake, (id) => {
        const p = partitionOf(id);
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(PARTITION_COUNT);
        expect(partitionOf(id)).toBe(p);
      }),
      { numRuns: propertyRuns(FAST_CHECK_RUNS) },
    );
  });

  test('GIVEN 6,000 ids made in one millisecond (one shard for any shard count) THEN they still spread over every partition', () => {
    // Same `id >> 22`: a shard-based split would put all of them in one place.
    const base = 1_300_000_000_000n << 22n;
    const counts = new Array<number>(PARTITION_COUNT).fill(0);
    for (let i = 0n; i < 6_000n; i += 1n) counts[partitionOf(String(base + i))]! += 1;
    // 100 expected each; a fair hash stays well inside 50–150.
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });
});

describe('fairShare', () => {
  test('GIVEN any number of live processes THEN shares cover every partition and differ from an even split by under one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 500 }), (p, n) => {
        const share = fairShare(p, n);
        expect(share * n).toBeGreaterThanOrEqual(p);
        expect(share - p / n).toBeLessThan(1);
      }),
      { numRuns: propertyRuns(FAST_CHECK_RUNS) },
    );
  });

  test.each([
    [60, 1, 60],
    [60, 2, 30],
    [60, 4, 15],
    [60, 7, 9],
    [60, 0, 60],
  ])('GIVEN %i partitions and %i processes THEN the share is %i', (p, n, share) => {
    expect(fairShare(p, n)).toBe(share);
  });
});

describe('planPartitions', () => {
  test('GIVEN a first process alone on free partitions THEN it takes them all', () => {
    const plan = planPartitions({
      me: 'a',
      members: ['a'],
      leases: leases(new Array<string | null>(6).fill(null)),
    });
    expect(plan).toEqual({ renew: [], take: [0, 1, 2, 3, 4, 5], release: [], share: 6 });
  });

  test('GIVEN a process holding all WHEN a second one has joined THEN it keeps the lower half and releases the rest', () => {
    const plan = planPartitions({
      me: 'a',
      members: ['a', 'b'],
      leases: leases(new Array<string>(6).fill('a')),
    });
    expect(plan).toEqual({ renew: [0, 1, 2], take: [], release: [3, 4, 5], share: 3 });
  });

  test('GIVEN a newcomer while the old owner still holds live leases THEN it takes nothing that is held', () => {
    const plan = planPartitions({
      me: 'b',
      members: ['a', 'b'],
      leases: leases(new Array<string>(6).fill('a')),
    });
    expect(plan.take).toEqual([]);
  });

  test('GIVEN a dead owner whose leases lapsed THEN a survivor takes them up to its share', () => {
    const view = [...leases(['a', 'a', 'a']), ...leases(['b', 'b', 'b'], false)].map((l, i) => ({
      ...l,
      partition: i,
    }));
    const plan = planPartitions({ me: 'a', members: ['a'], leases: view });
    expect(plan).toEqual({ renew: [0, 1, 2], take: [3, 4, 5], release: [], share: 6 });
  });

  test('GIVEN any view THEN the plan never touches a partition another owner holds live, and ends at most at the share', () => {
    const owner = fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null });
    fc.assert(
      fc.property(
        fc.array(fc.record({ owner, live: fc.boolean() }), { minLength: 1, maxLength: 80 }),
        fc.subarray(['b', 'c', 'd']),
        (rows, others) => {
          const view = rows.map((row, partition) => ({
            partition,
            owner: row.owner,
            live: row.owner !== null && row.live,
          }));
          const plan = planPartitions({ me: 'a', members: ['a', ...others], leases: view });
          const byId = new Map(view.map((l) => [l.partition, l]));
          for (const p of plan.take) {
            const lease = byId.get(p)!;
            expect(lease.owner === null || !lease.live).toBe(true);
          }
          for (const p of [...plan.renew, ...plan.release]) expect(byId.get(p)!.owner).toBe('a');
          expect(plan.renew.length + plan.take.length).toBeLessThanOrEqual(plan.share);
          expect(new Set([...plan.renew, ...plan.take, ...plan.release]).size).toBe(
            plan.renew.length + plan.take.length + plan.release.length,
          );
        },
      ),
      { numRuns: propertyRuns(FAST_CHECK_RUNS) },
    );
  });
});
