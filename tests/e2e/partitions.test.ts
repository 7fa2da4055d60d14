import { afterEach, describe, expect, test } from 'vitest';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, startBot } from './bot/bot-process.js';
import {
  databaseWithSchedules,
  generalChannel,
  leasesByOwner,
  messagesByChannel,
  postgresUrl,
  postRequestsByChannel,
  spreadWorld,
} from './bot/partitions.js';
import { ANNIVERSARY_DUE, EVERY_SECOND, shifted } from './bot/schedule.js';
import type { EmulatorHandle, FixtureGuild, World } from './emulator/index.js';
import { shardOf, startEmulator } from './emulator/index.js';
import { PARTITION_COUNT } from '../../src/schedule/partition-plan.js';

/**
 * Several real bot processes (src/index.ts through tsx) on one PostgreSQL database and one
 * emulated Discord with shards: scheduled work split by partition leases (docs/partitions.md).
 * Each guild has one post due at 09:00 Kyiv on 16 February 2027 (its anniversary) in its own
 * general channel, so "exactly once" is one create-message request per channel.
 */

const HEARTBEAT_MS = 300;
const GATEWAY_HEARTBEAT_MS = 500;

function emulatorFor(world: World, shardCount: number) {
  return startEmulator({
    token: FAKE_TOKEN,
    heartbeatIntervalMs: GATEWAY_HEARTBEAT_MS,
    shardCount,
    world: () => world,
    sessionStartLimit: { maxConcurrency: shardCount },
  });
}

interface BotRun {
  handle: EmulatorHandle;
  url: string;
  shardCount: number;
  shardIds: string;
  /** The bot's clock at its start. */
  clockStart: string;
}

function bot(run: BotRun): Promise<BotProcess> {
  return startBot({
    apiUrl: run.handle.restUrl,
    logLevel: 'info',
    readyTimeoutMs: 60_000,
    env: {
      DATABASE_URL: run.url,
      SHARD_COUNT: String(run.shardCount),
      SHARD_IDS: run.shardIds,
      PARTITION_HEARTBEAT_MS: String(HEARTBEAT_MS),
      SCHEDULE_CRON: EVERY_SECOND,
      BOT_CLOCK_START: run.clockStart,
    },
  });
}

const postedBy = (process: BotProcess) => process.logs().filter((r) => r.msg === 'posted').length;

async function answersOn(handle: EmulatorHandle, guild: FixtureGuild): Promise<number> {
  const payload = handle.interactions.slash({ name: 'about', guildId: guild.id });
  handle.dispatchInteraction(payload);
  return (await handle.waitForCallback(payload.id, 10_000)).status;
}

/** Every guild's channel, with the count found there (0 when none). */
function perGuild(world: World, counts: Map<string, number>): number[] {
  return world.guilds.map((guild) => counts.get(generalChannel(guild)) ?? 0);
}

const tally = (values: number[]) => {
  const out: Record<number, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
};

describe.skipIf(postgresUrl === null)('GIVEN bot processes sharing PostgreSQL partitions', () => {
  const bots: BotProcess[] = [];
  const handles: EmulatorHandle[] = [];
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => b.stop(2_000)));
    await Promise.all(handles.splice(0).map((h) => h.close()));
  });

  test('WHEN two processes with 2 shards each serve 2,000 servers due in the same minute THEN every post goes out exactly once, in its own server, from both processes', async () => {
    const world = spreadWorld(2_000);
    const url = await databaseWithSchedules(world, 'e2e_partitions_burst');
    const handle = await emulatorFor(world, 4);
    handles.push(handle);
    const clockStart = shifted(ANNIVERSARY_DUE, -15_000);
    const run = { handle, url, shardCount: 4, clockStart };
    bots.push(
      ...(await Promise.all([
        bot({ ...run, shardIds: '0-1' }),
        bot({ ...run, shardIds: '2-3' }),
      ])),
    );
    const [a, b] = bots as [BotProcess, BotProcess];
    // Each process holds half the partitions, whatever shards its servers are on.
    await handle.waitFor(
      async () => {
        const leases = await leasesByOwner(url);
        return leases.size === 2 && [...leases.values()].every((n) => n === PARTITION_COUNT / 2);
      },
      15_000,
      'a 30/30 split',
    );
    await handle.waitFor(
      () => postRequestsByChannel([handle]).size >= world.guilds.length,
      120_000,
      'a post in every server',
    );
    // Settle: anything still in flight would show as a second request.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(tally(perGuild(world, postRequestsByChannel([handle])))).toEqual({ 1: 2_000 });
    expect(tally(perGuild(world, messagesByChannel([handle])))).toEqual({ 1: 2_000 });
    // Both did a share of the work, and servers on the other process's shards too.
    expect(postedBy(a) + postedBy(b)).toBe(2_000);
    expect(postedBy(a)).toBeGreaterThan(500);
    expect(postedBy(b)).toBeGreaterThan(500);
    const aGuilds = new Set(
      a.logs()
        .filter((r) => r.msg === 'posted')
        .map((r) => String(r.guildId)),
    );
    const onOtherShards = world.guilds.filter(
      (g) => aGuilds.has(g.id) && shardOf(g.id, 4) >= 2,
    ).length;
    expect(onOtherShards).toBeGreaterThan(0);
    expect(handle.internalErrors).toEqual([]);
  }, 180_000);
});
