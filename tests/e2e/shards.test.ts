import { afterEach, describe, expect, test } from 'vitest';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, startBot } from './bot/bot-process.js';
import type { EmulatorHandle, FixtureGuild } from './emulator/index.js';
import { createWorld } from './emulator/fixtures.js';
import { SnowflakeGenerator, shardOf, startEmulator } from './emulator/index.js';

/**
 * Guilds made in one millisecond share `id >> 22` and so one shard: this world's ids step one
 * millisecond each (in the past, so the emulator's own ids never meet them), spreading guilds.
 */
function spreadWorld(guildCount: number) {
  let ms = Date.now() - 3_600_000;
  let calls = 0;
  // An uneven step: a guild takes a fixed number of ids, and an even stride would keep every
  // guild's `id >> 22` of one parity, all on one shard of two.
  const clock = () => (ms += calls++ % 7 === 0 ? 2 : 1);
  return () => createWorld(new SnowflakeGenerator(clock), { guildCount });
}

const HEARTBEAT_MS = 500;

/** Guilds until both shards of two own at least one (ids are time-based, so usually 4 suffice). */
function guildsByShard(handle: EmulatorHandle, count: number): FixtureGuild[][] {
  const byShard: FixtureGuild[][] = Array.from({ length: count }, () => []);
  for (const guild of handle.world.guilds) byShard[shardOf(guild.id, count)]!.push(guild);
  return byShard;
}

/**
 * An emulator with two shards and `guildCount` guilds spread over them; max_concurrency 2 puts
 * the shards in two identify buckets, so neither waits 5 s.
 */
function startTwoShards(guildCount: number): Promise<EmulatorHandle> {
  return startEmulator({
    token: FAKE_TOKEN,
    heartbeatIntervalMs: HEARTBEAT_MS,
    shardCount: 2,
    world: spreadWorld(guildCount),
    sessionStartLimit: { maxConcurrency: 2 },
  });
}

async function answersOn(handle: EmulatorHandle, guild: FixtureGuild): Promise<number> {
  const payload = handle.interactions.slash({ name: 'about', guildId: guild.id });
  handle.dispatchInteraction(payload);
  const callback = await handle.waitForCallback(payload.id, 5_000);
  return callback.status;
}

describe('GIVEN the real bot and an emulator with two shards', () => {
  let handle: EmulatorHandle | undefined;
  const bots: BotProcess[] = [];
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((bot) => bot.stop()));
    await handle?.close();
  });

  test('WHEN one process holds SHARD_COUNT=2 SHARD_IDS=0,1 THEN both shards connect and answer', async () => {
    handle = await startTwoShards(12);
    const byShard = guildsByShard(handle, 2);
    expect(byShard.every((guilds) => guilds.length > 0)).toBe(true);
    const bot = await startBot({
      apiUrl: handle.restUrl,
      env: { SHARD_COUNT: '2', SHARD_IDS: '0,1' },
    });
    bots.push(bot);
    const ready = bot.logs().find((r) => r.msg === 'ready');
    expect(ready).toMatchObject({ guilds: 12, shards: [0, 1] });
    expect(
      handle.gateway
        .sessions()
        .map((s) => s.shardId)
        .sort(),
    ).toEqual([0, 1]);
    for (const guilds of byShard) expect(await answersOn(handle, guilds[0]!)).toBe(204);
    // Two identifies, two session starts spent, and the budget was logged before them.
    expect(handle.gateway.stats.identifies).toBe(2);
    const budget = bot.logs().find((r) => r.msg === 'session budget');
    expect(budget).toMatchObject({ sessionStarts: { remaining: 1000, maxConcurrency: 2 } });
  }, 40_000);

  test('WHEN two processes hold shard 0 and shard 1 of 2 THEN each gets only its own guilds', async () => {
    handle = await startTwoShards(12);
    const byShard = guildsByShard(handle, 2);
    const started = await Promise.all(
      [0, 1].map((id) =>
        startBot({ apiUrl: handle!.restUrl, env: { SHARD_COUNT: '2', SHARD_IDS: String(id) } }),
      ),
    );
    bots.push(...started);
    for (const [id, bot] of started.entries()) {
      const ready = bot.logs().find((r) => r.msg === 'ready');
      expect(ready).toMatchObject({ guilds: byShard[id]!.length, shards: [id] });
    }
    // Killing shard 0's process leaves shard 1's guilds answered.
    handle.faults.dropShards([0]);
    await started[0]!.stop();
    expect(await answersOn(handle, byShard[1]![0]!)).toBe(204);
  }, 40_000);

  test('WHEN no shard keys are set THEN the recommended count from /gateway/bot is used', async () => {
    handle = await startTwoShards(6);
    const bot = await startBot({ apiUrl: handle.restUrl });
    bots.push(bot);
    expect(bot.logs().find((r) => r.msg === 'ready')).toMatchObject({ guilds: 6, shards: [0, 1] });
  }, 40_000);

  test("WHEN the day's session starts are nearly spent THEN the bot refuses to identify", async () => {
    handle = await startEmulator({
      token: FAKE_TOKEN,
      sessionStartLimit: { remaining: 5, resetAfterMs: 3_600_000 },
    });
    await expect(startBot({ apiUrl: handle.restUrl, readyTimeoutMs: 15_000 })).rejects.toThrow();
    expect(handle.gateway.stats.identifies).toBe(0);
  }, 40_000);
});
