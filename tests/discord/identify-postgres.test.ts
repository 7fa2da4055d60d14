import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { createPostgresStartLog } from '../../src/discord/identify-backoff.js';
import { IDENTIFY_WINDOW_MS } from '../../src/discord/identify-throttler.js';
import { baseEnv, spawnManaged } from '../e2e/bot/process.js';
import { ROOT, TSX_LOADER } from '../e2e/bot/bot-process.js';
import { freshDatabase, noPostgres, openOn } from '../store/postgres/harness.js';
import { join } from 'node:path';

interface Grant {
  shardId: number;
  dbMs: number;
  localMs: number;
  process: string;
}

/** Runs one throttler child per entry at the same instant; resolves with every grant. */
async function contend(
  url: string,
  windowMs: number,
  maxConcurrency: number,
  shardsPerProcess: string[],
): Promise<Grant[]> {
  const startAt = Date.now() + 2_500;
  const children = shardsPerProcess.map((shards, index) =>
    spawnManaged({
      label: `throttler ${index}`,
      command: process.execPath,
      args: [
        '--import',
        TSX_LOADER,
        join(ROOT, 'tests', 'helpers', 'identify-child.ts'),
        url,
        String(windowMs),
        String(maxConcurrency),
        shards,
        String(startAt),
        `p${index}`,
      ],
      cwd: ROOT,
      env: baseEnv(),
    }),
  );
  await Promise.all(
    children.map((child) => child.waitForLine((l) => l === 'DONE', 60_000, 'DONE')),
  );
  return children.flatMap((child) =>
    child.stdoutLines
      .filter((line) => line.startsWith('GRANT '))
      .map((line) => {
        const [, shardId, dbMs, localMs, label] = line.split(' ');
        return {
          shardId: Number(shardId),
          dbMs: Number(dbMs),
          localMs: Number(localMs),
          process: label!,
        };
      }),
  );
}

/** The smallest gap between two grants of one bucket, in database time and as each process saw it. */
function tightestGaps(grants: Grant[], maxConcurrency: number) {
  let db = Infinity;
  let local = Infinity;
  for (let key = 0; key < maxConcurrency; key += 1) {
    const bucket = grants.filter((g) => g.shardId % maxConcurrency === key);
    const byDb = bucket.map((g) => g.dbMs).sort((a, b) => a - b);
    const byLocal = bucket.map((g) => g.localMs).sort((a, b) => a - b);
    for (let i = 1; i < byDb.length; i += 1) {
      db = Math.min(db, byDb[i]! - byDb[i - 1]!);
      local = Math.min(local, byLocal[i]! - byLocal[i - 1]!);
    }
  }
  return { db, local };
}

describe.skipIf(noPostgres)('GIVEN the shared identify throttler on a real PostgreSQL', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase('identify');
    // Opening the store applies the migrations, 006_identify among them.
    const store = await openOn(url);
    await store.close();
  });

  test('WHEN two processes identify the same four shards at once (max_concurrency 2) THEN no bucket grants twice within the window', async () => {
    const windowMs = 1_000;
    const grants = await contend(url, windowMs, 2, ['0,1,2,3', '0,1,2,3']);
    expect(grants).toHaveLength(8);
    // Both processes took part, so the spacing held across them and not just within each.
    expect(new Set(grants.map((g) => g.process))).toEqual(new Set(['p0', 'p1']));
    const gaps = tightestGaps(grants, 2);
    expect(gaps.db).toBeGreaterThanOrEqual(windowMs);
    // As the processes saw it, give or take the time a grant takes to reach its caller.
    expect(gaps.local).toBeGreaterThanOrEqual(windowMs - 100);
    // Four grants per bucket at one per window take three windows at least, not less.
    const span = Math.max(...grants.map((g) => g.dbMs)) - Math.min(...grants.map((g) => g.dbMs));
    expect(span).toBeGreaterThanOrEqual(3 * windowMs);
  }, 60_000);

  test("WHEN two processes identify shard 0 at once with Discord's window THEN their identifies are 5 s apart", async () => {
    const grants = await contend(url, IDENTIFY_WINDOW_MS, 1, ['0', '0']);
    expect(grants).toHaveLength(2);
    expect(tightestGaps(grants, 1).db).toBeGreaterThanOrEqual(IDENTIFY_WINDOW_MS);
  }, 60_000);

  describe('AND the start log of a crash loop', () => {
    let pool: pg.Pool;
    beforeAll(() => {
      pool = new pg.Pool({ connectionString: url, max: 2 });
    });
    afterAll(() => pool.end());

    test('WHEN one set of shards starts five times in a row THEN the fourth and fifth wait, doubling', async () => {
      const log = createPostgresStartLog(pool);
      const seen = [];
      for (let i = 0; i < 5; i += 1) seen.push(await log.recordStart('4:0,1'));
      expect(seen).toEqual([
        { starts: 1, delayMs: 0 },
        { starts: 2, delayMs: 0 },
        { starts: 3, delayMs: 0 },
        { starts: 4, delayMs: 5_000 },
        { starts: 5, delayMs: 10_000 },
      ]);
      // Another process's shards count apart.
      expect(await log.recordStart('4:2,3')).toEqual({ starts: 1, delayMs: 0 });
    });

    test('WHEN the previous login was longer ago than the stable window THEN the count starts again', async () => {
      const log = createPostgresStartLog(pool, 60_000);
      await log.recordStart('2:0');
      await log.recordStart('2:0');
      await pool.query(
        "UPDATE login_starts SET last_start_at = now() - interval '2 minutes' WHERE process_key = '2:0'",
      );
      expect(await log.recordStart('2:0')).toEqual({ starts: 1, delayMs: 0 });
    });
  });
});
