import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FAST_CHECK_RUNS, propertyRuns } from '../helpers/property-runs.js';
import { readConfig } from '../../src/config.js';
import { parseShardIds, planShards, shardOf } from '../../src/discord/shards.js';

const FAKE_TOKEN = 'fake-token-for-tests.not-a-real.discord-token';

describe('shardOf', () => {
  test.each([
    // Guild ids whose timestamp part (id >> 22) is known, built as (n << 22) | low bits.
    [(5n << 22n) | 0x3fffffn, 2, 1],
    [(5n << 22n) | 0x3fffffn, 5, 0],
    [(1_000_000_007n << 22n) | 123n, 16, Number(1_000_000_007n % 16n)],
    // A real-sized id, past 2^53: a float shift would lose the low bits and pick another shard.
    [1_234_567_890_123_456_789n, 7, Number((1_234_567_890_123_456_789n >> 22n) % 7n)],
  ])('GIVEN guild %s and %i shards THEN shard %i', (id, count, expected) => {
    expect(shardOf(id, count)).toBe(expected);
    expect(shardOf(id.toString(), count)).toBe(expected);
  });

  test('GIVEN any id and count THEN the shard is in range and uses every shard id, not count - 1', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 1, max: 64 }),
        (id, count) => {
          const shard = shardOf(id, count);
          expect(shard).toBeGreaterThanOrEqual(0);
          expect(shard).toBeLessThan(count);
          expect(shard).toBe(Number((id >> 22n) % BigInt(count)));
        },
      ),
      { numRuns: propertyRuns(FAST_CHECK_RUNS) },
    );
    // The last shard is reachable (seyfert's `% (count - 1)` never reached it).
    expect(shardOf(3n << 22n, 4)).toBe(3);
  });

  test('GIVEN one shard THEN every guild is on shard 0', () => {
    expect(shardOf('1234567890123456789', 1)).toBe(0);
  });

  test('GIVEN a count below 1 THEN it throws rather than dividing by zero', () => {
    expect(() => shardOf(1n, 0)).toThrow(RangeError);
  });
});

describe('parseShardIds', () => {
  test.each([
    ['0,1', [0, 1]],
    ['0-3', [0, 1, 2, 3]],
    [' 4 , 2 ', [2, 4]],
    ['0-1,5', [0, 1, 5]],
    ['7', [7]],
  ])('GIVEN "%s" THEN %j', (text, ids) => {
    expect(parseShardIds(text)).toEqual({ ok: true, ids });
  });

  test.each([
    ['0,0', /twice/],
    ['0-2,1', /twice/],
    ['3-1', /backwards/],
    ['a', /"0,1".*"0-3"/],
    ['1,', /"0,1"/],
    ['-1', /"0,1"/],
  ])('GIVEN "%s" THEN refused: %s', (text, problem) => {
    const result = parseShardIds(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe('planShards', () => {
  test('GIVEN nothing set THEN discord.js picks the recommended count', () => {
    expect(planShards(undefined, undefined)).toEqual({ ok: true, plan: { kind: 'auto' } });
  });
  test('GIVEN a count alone THEN this process holds every shard of it', () => {
    expect(planShards(3, undefined)).toEqual({
      ok: true,
      plan: { kind: 'fixed', count: 3, ids: [0, 1, 2] },
    });
  });
  test.each([
    [undefined, [0], 'SHARD_IDS', /without SHARD_COUNT/],
    [2, [0, 2], 'SHARD_IDS', /shard 2.*0-1/],
    [0, undefined, 'SHARD_COUNT', /1 or more/],
  ] as const)('GIVEN count %s and ids %j THEN %s is named', (count, ids, key, problem) => {
    const result = planShards(count, ids ? [...ids] : undefined);
    expect(result).toMatchObject({ ok: false, key });
    if (!result.ok) expect(result.problem).toMatch(problem);
  });
});

describe('readConfig with shard keys', () => {
  test('GIVEN SHARD_COUNT=2 SHARD_IDS=0-1 THEN both are read', () => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, SHARD_COUNT: '2', SHARD_IDS: '0-1' });
    expect(result).toMatchObject({ ok: true, config: { SHARD_COUNT: 2, SHARD_IDS: [0, 1] } });
  });
  test('GIVEN both empty (as .env.example leaves them) THEN unset', () => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, SHARD_COUNT: '', SHARD_IDS: '' });
    expect(result).toMatchObject({
      ok: true,
      config: { SHARD_COUNT: undefined, SHARD_IDS: undefined },
    });
  });
  test.each([
    [{ SHARD_COUNT: 'two' }, /^SHARD_COUNT must be a whole number/],
    [{ SHARD_COUNT: '0' }, /^SHARD_COUNT must be a whole number/],
    [{ SHARD_IDS: '0,1' }, /^SHARD_IDS is set without SHARD_COUNT/],
    [{ SHARD_COUNT: '2', SHARD_IDS: '1,2' }, /^SHARD_IDS names shard 2/],
    [{ SHARD_COUNT: '4', SHARD_IDS: '0-2,2' }, /^SHARD_IDS names shard 2 twice/],
    [{ SHARD_COUNT: '4', SHARD_IDS: 'zero' }, /^SHARD_IDS must be shard numbers/],
  ])('GIVEN %j THEN one problem names the key', (env, problem) => {
    const result = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, ...env });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatch(problem);
    }
  });
});
