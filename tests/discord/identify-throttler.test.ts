import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  countStart,
  createFileStartLog,
  loginDelayMs,
  processKey,
} from '../../src/discord/identify-backoff.js';
import {
  createMemorySlots,
  createSharedThrottler,
  type IdentifySlots,
} from '../../src/discord/identify-throttler.js';

const quiet = { warn: () => undefined, debug: () => undefined };

describe('GIVEN the shared identify throttler over one set of buckets', () => {
  test('WHEN shards 0-3 identify at once with max_concurrency 2 THEN each bucket grants once per window', async () => {
    const windowMs = 200;
    const throttler = createSharedThrottler({
      slots: createMemorySlots(),
      maxConcurrency: 2,
      holder: 'test',
      log: quiet,
      windowMs,
    });
    const signal = new AbortController().signal;
    const at = new Map<number, number>();
    const started = Date.now();
    await Promise.all(
      [0, 1, 2, 3].map(async (shard) => {
        await throttler.waitForIdentify(shard, signal);
        at.set(shard, Date.now() - started);
      }),
    );
    // Shards 0 and 1 are in different buckets: both at once. 2 shares 0's bucket, 3 shares 1's.
    expect(at.get(0)).toBeLessThan(windowMs);
    expect(at.get(1)).toBeLessThan(windowMs);
    expect(at.get(2)! - at.get(0)!).toBeGreaterThanOrEqual(windowMs - 5);
    expect(at.get(3)! - at.get(1)!).toBeGreaterThanOrEqual(windowMs - 5);
  });

  test('WHEN the buckets cannot be read THEN it waits and asks again instead of identifying', async () => {
    let calls = 0;
    const failing: IdentifySlots = {
      take() {
        calls += 1;
        if (calls < 3) return Promise.reject(new Error('connection refused'));
        return Promise.resolve({ granted: true, grantedAt: new Date() });
      },
    };
    const warnings: object[] = [];
    const throttler = createSharedThrottler({
      slots: failing,
      maxConcurrency: 1,
      holder: 'test',
      log: { warn: (obj) => warnings.push(obj), debug: () => undefined },
      retryMs: 10,
    });
    await throttler.waitForIdentify(0, new AbortController().signal);
    expect(calls).toBe(3);
    expect(warnings).toHaveLength(2);
  });

  test('WHEN the shard closes while waiting THEN the wait rejects (discord.js then gives up quietly)', async () => {
    const slots = createMemorySlots();
    const throttler = createSharedThrottler({
      slots,
      maxConcurrency: 1,
      holder: 'test',
      log: quiet,
      windowMs: 60_000,
    });
    const controller = new AbortController();
    await throttler.waitForIdentify(0, controller.signal);
    const second = throttler.waitForIdentify(0, controller.signal);
    controller.abort();
    await expect(second).rejects.toThrow();
  });
});

describe('GIVEN the crash-loop backoff', () => {
  test.each([
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 5_000],
    [5, 10_000],
    [6, 20_000],
    [10, 320_000],
    [11, 600_000],
    [50, 600_000],
  ])('WHEN it is start %i in a row THEN the login waits %i ms', (starts, delay) => {
    expect(loginDelayMs(starts)).toBe(delay);
  });

  test.each([
    ['no previous start', null, 1],
    ['a login 1 min ago', { starts: 4, lastStartAt: new Date('2026-01-01T11:59:00Z') }, 5],
    ['a login 11 min ago', { starts: 4, lastStartAt: new Date('2026-01-01T11:49:00Z') }, 1],
  ])('WHEN %s THEN this start counts as %i', (_label, previous, expected) => {
    expect(countStart(previous, new Date('2026-01-01T12:00:00Z'))).toBe(expected);
  });

  test('WHEN the key is built THEN each set of shards has its own', () => {
    expect(processKey({ kind: 'auto' })).toBe('auto');
    expect(processKey({ kind: 'fixed', count: 4, ids: [0, 1] })).toBe('4:0,1');
  });

  test('WHEN a file-backed log sees quick restarts THEN it counts them across instances, and its wait moves the next check', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'starts-')), 'store.json.starts.json');
    let now = Date.parse('2026-01-01T12:00:00Z');
    const clock = () => new Date(now);
    const results = [];
    for (let i = 0; i < 5; i += 1) {
      // A new log object each time: a new process reading what the last one wrote.
      results.push(await createFileStartLog(path, clock).recordStart('auto'));
      now += 1_000;
    }
    expect(results.map((r) => r.delayMs)).toEqual([0, 0, 0, 5_000, 10_000]);
    // Eleven minutes after the last planned login: a stable run, the count starts again.
    now += 11 * 60_000;
    expect(await createFileStartLog(path, clock).recordStart('auto')).toEqual({
      starts: 1,
      delayMs: 0,
    });
  });

  test('WHEN the file is not JSON THEN the start counts as the first, and the file is rewritten', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'starts-')), 'starts.json');
    writeFileSync(path, 'not json');
    expect(await createFileStartLog(path).recordStart('auto')).toEqual({ starts: 1, delayMs: 0 });
    expect(await createFileStartLog(path).recordStart('auto')).toEqual({ starts: 2, delayMs: 0 });
  });
});
