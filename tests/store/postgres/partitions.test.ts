import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPartitionOwner, type PartitionPort } from '../../../src/schedule/partition-owner.js';
import { PARTITION_COUNT, partitionOf } from '../../../src/schedule/partition-plan.js';
import type { PostgresStore } from '../../../src/store/postgres/index.js';
import { freshDatabase, guildId, noPostgres, openOn, settingsFor, sleep } from './harness.js';

const quiet = { info: () => undefined, warn: () => undefined };

describe.skipIf(noPostgres)('PostgreSQL partitions (migration 005)', () => {
  let url: string;
  let a: PostgresStore;
  let b: PostgresStore;
  let admin: pg.Pool;
  beforeAll(async () => {
    url = await freshDatabase('partitions');
    // Two stores on two pools: two processes as far as the database can tell.
    [a, b] = await Promise.all([openOn(url), openOn(url)]);
    admin = new pg.Pool({ connectionString: url, max: 2 });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), admin?.end()]);
  });

  async function reset(): Promise<void> {
    await admin.query('UPDATE partition_leases SET owner = NULL, lease_until = NULL');
    await admin.query('DELETE FROM partition_members');
  }

  test('GIVEN the migration THEN there is one lease row per partition of the code', async () => {
    const { rows } = await admin.query<{ n: string; lo: number; hi: number }>(
      'SELECT count(*) AS n, min(partition) AS lo, max(partition) AS hi FROM partition_leases',
    );
    expect(rows[0]).toEqual({ n: String(PARTITION_COUNT), lo: 0, hi: PARTITION_COUNT - 1 });
  });

  test('GIVEN 2,000 servers with settings THEN the database puts each in the partition partitionOf names', async () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => guildId(10_000 + i * 7919));
    await admin.query(
      `INSERT INTO settings (guild_id, value, version) SELECT id, $2::jsonb, 1 FROM unnest($1::text[]) AS id`,
      [ids, JSON.stringify(settingsFor())],
    );
    const { rows } = await admin.query<{ guild_id: string; partition: number }>(
      'SELECT guild_id, partition FROM settings WHERE guild_id = ANY($1)',
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    const wrong = rows.filter((row) => row.partition !== partitionOf(row.guild_id));
    expect(wrong).toEqual([]);
    // And guildsIn lists them by partition, all of them once.
    const all = await a.partitions.guildsIn(Array.from({ length: PARTITION_COUNT }, (_, p) => p));
    const listed = [...all.values()].flat().filter((id) => ids.includes(id));
    expect(listed.sort()).toEqual([...ids].sort());
  });

  test('GIVEN two processes racing to take every free partition THEN each partition goes to exactly one', async () => {
    await reset();
    const all = Array.from({ length: PARTITION_COUNT }, (_, p) => p);
    const [gotA, gotB] = await Promise.all([
      a.partitions.take('a', all, 30_000),
      b.partitions.take('b', all, 30_000),
    ]);
    expect(gotA.length + gotB.length).toBe(PARTITION_COUNT);
    expect(gotA.filter((p) => gotB.includes(p))).toEqual([]);
    // A live lease is refused to the other; renewing works only for the holder.
    expect(await b.partitions.take('b', gotA, 30_000)).toEqual([]);
    expect(await b.partitions.renew('b', gotA, 30_000)).toEqual([]);
    expect(await a.partitions.renew('a', gotA, 30_000)).toEqual(gotA);
  });

  test('GIVEN owners on two pools WHEN one joins, then dies, then restarts THEN shares settle at 30/30, the survivor takes all, and the restarted one gets its half back', async () => {
    await reset();
    const heartbeatMs = 150;
    const leaseMs = 450;
    const make = (port: PartitionPort, member: string) =>
      createPartitionOwner({ port, member, log: quiet, heartbeatMs, leaseMs });
    const first = make(a.partitions, 'first');
    const secondPort = killable(b.partitions);
    const second = make(secondPort, 'second');
    await first.start();
    expect(first.snapshot().owned).toHaveLength(PARTITION_COUNT);
    await second.start();
    // Two beats of each: the first releases its extras, the second takes them.
    await sleep(heartbeatMs * 3);
    expect(first.snapshot().owned).toHaveLength(PARTITION_COUNT / 2);
    expect(second.snapshot().owned).toHaveLength(PARTITION_COUNT / 2);
    expect(first.snapshot().owned.filter((p) => second.snapshot().owned.includes(p))).toEqual([]);

    secondPort.kill();
    const diedAt = Date.now();
    while (first.snapshot().owned.length < PARTITION_COUNT) {
      if (Date.now() - diedAt > leaseMs + heartbeatMs * 4) break;
      await sleep(25);
    }
    const tookMs = Date.now() - diedAt;
    expect(first.snapshot().owned).toHaveLength(PARTITION_COUNT);
    // Within the lease plus a beat (and some slack for a busy machine).
    expect(tookMs).toBeLessThan(leaseMs + heartbeatMs * 3);

    await second.stop(); // its timer; the leave cannot reach the database
    const again = make(b.partitions, 'second-again');
    await again.start();
    await sleep(heartbeatMs * 4);
    expect(first.snapshot().owned).toHaveLength(PARTITION_COUNT / 2);
    expect(again.snapshot().owned).toHaveLength(PARTITION_COUNT / 2);
    await Promise.all([first.stop(), again.stop()]);
    const { rows } = await admin.query<{ n: string }>(
      'SELECT count(*) AS n FROM partition_leases WHERE owner IS NOT NULL',
    );
    expect(rows[0]!.n).toBe('0');
  });

  test('GIVEN one /discuss cooldown key WHEN 12 takes race on two pools THEN exactly one gets the go-ahead and the rest are told when to retry', async () => {
    const now = new Date('2027-02-16T07:00:00.000Z');
    const keys = (user: number) => [
      { key: `discuss:user:${user}`, ms: 600_000 },
      { key: 'discuss:channel:race', ms: 180_000 },
    ];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).cooldowns.take(keys(i), now)),
    );
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.ok) continue;
      const waitMs = r.retryAt.getTime() - now.getTime();
      expect(waitMs).toBeGreaterThan(170_000);
      expect(waitMs).toBeLessThanOrEqual(180_000);
    }
    // The refused members were not made to wait: all keys or none.
    const { rows } = await admin.query<{ key: string }>(
      `SELECT key FROM cooldowns WHERE key LIKE 'discuss:user:%' AND until > now()`,
    );
    expect(rows).toHaveLength(1);
  });

  test('GIVEN a cooldown of 300 ms THEN the second take waits and a take after it passes', async () => {
    const now = new Date();
    const key = [{ key: 'discuss:channel:short', ms: 300 }];
    expect(await a.cooldowns.take(key, now)).toEqual({ ok: true });
    expect((await b.cooldowns.take(key, now)).ok).toBe(false);
    await sleep(350);
    expect(await b.cooldowns.take(key, now)).toEqual({ ok: true });
  });
});

/**
 * A process that dies as kill -9 leaves it: from `kill()` on, nothing it sends reaches the
 * database (no beat, no release), and its leases stay in the table until they lapse.
 */
function killable(port: PartitionPort): PartitionPort & { kill(): void } {
  let dead = false;
  const alive = <T>(call: () => Promise<T>): Promise<T> =>
    dead ? Promise.reject(new Error('killed')) : call();
  return {
    kill: () => {
      dead = true;
    },
    beat: (m, ttl) => alive(() => port.beat(m, ttl)),
    renew: (m, ps, ttl) => alive(() => port.renew(m, ps, ttl)),
    take: (m, ps, ttl) => alive(() => port.take(m, ps, ttl)),
    release: (m, ps) => alive(() => port.release(m, ps)),
    leave: (m) => alive(() => port.leave(m)),
    guildsIn: (ps) => alive(() => port.guildsIn(ps)),
  };
}
