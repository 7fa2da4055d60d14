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

/**
 * Short, so handovers take seconds; not so short that a process whose event loop stalls under a
 * busy machine loses its leases every few beats (that is safe, but makes the split uneven).
 */
const HEARTBEAT_MS = 1_000;
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

/** Polls an async probe (the emulator's waitFor takes sync ones) until it holds. */
async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
      ...(await Promise.all([bot({ ...run, shardIds: '0-1' }), bot({ ...run, shardIds: '2-3' })])),
    );
    const [a, b] = bots as [BotProcess, BotProcess];
    // Each process holds half the partitions, whatever shards its servers are on.
    await until(
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
    expect(postedBy(a)).toBeGreaterThan(200);
    expect(postedBy(b)).toBeGreaterThan(200);
    const aGuilds = new Set(
      a
        .logs()
        .filter((r) => r.msg === 'posted')
        .map((r) => String(r.guildId)),
    );
    const onOtherShards = world.guilds.filter(
      (g) => aGuilds.has(g.id) && shardOf(g.id, 4) >= 2,
    ).length;
    expect(onOtherShards).toBeGreaterThan(0);
    expect(handle.internalErrors).toEqual([]);
  }, 180_000);

  test('WHEN one of two processes is killed -9 mid-burst THEN the other takes its partitions over, nothing is posted twice or missed, interactions on the survivor answer, and the restarted one takes its share back', async () => {
    const world = spreadWorld(600);
    const url = await databaseWithSchedules(world, 'e2e_partitions_kill');
    const handle = await emulatorFor(world, 2);
    handles.push(handle);
    const run = { handle, url, shardCount: 2, clockStart: shifted(ANNIVERSARY_DUE, -10_000) };
    const [a, b] = await Promise.all([
      bot({ ...run, shardIds: '0' }),
      bot({ ...run, shardIds: '1' }),
    ]);
    bots.push(a, b);
    await handle.waitFor(() => postedBy(b) >= 60, 60_000, 'the burst under way on both');
    await b.kill9();
    const killedAt = Date.now();
    // The survivor still answers its shard's servers while the other is gone.
    const onShard0 = world.guilds.find((g) => shardOf(g.id, 2) === 0)!;
    expect(await answersOn(handle, onShard0)).toBe(204);
    await until(
      async () => (await leasesByOwner(url)).size === 1,
      HEARTBEAT_MS * 6,
      'the survivor holding every partition',
    );
    expect(Date.now() - killedAt).toBeLessThan(HEARTBEAT_MS * 6);
    // Posts the killed one had claimed wait out their ledger lease (60 s), then go with the same nonce.
    await handle.waitFor(
      () => messagesByChannel([handle]).size >= world.guilds.length,
      120_000,
      'a message in every server',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(tally(perGuild(world, messagesByChannel([handle])))).toEqual({ 1: 600 });
    // A second request happens only for a post in flight at the kill (same nonce: one message).
    const repeats = perGuild(world, postRequestsByChannel([handle])).filter((n) => n > 1);
    expect(repeats.length).toBeLessThanOrEqual(8);
    expect(repeats.every((n) => n === 2)).toBe(true);

    const again = await bot({ ...run, shardIds: '1' });
    bots.push(again);
    await until(
      async () => {
        const leases = await leasesByOwner(url);
        return leases.size === 2 && [...leases.values()].every((n) => n === PARTITION_COUNT / 2);
      },
      HEARTBEAT_MS * 10,
      'the restarted process holding its half',
    );
    expect(tally(perGuild(world, messagesByChannel([handle])))).toEqual({ 1: 600 });
  }, 240_000);

  test('WHEN a rolling deploy overlaps the old and new process, and the next run changes the shard count from 2 to 4 THEN nothing is posted twice and nothing is missed', async () => {
    const world = spreadWorld(1_000);
    const url = await databaseWithSchedules(world, 'e2e_partitions_deploy');
    const first = await emulatorFor(world, 2);
    handles.push(first);
    const run = { handle: first, url, shardCount: 2, shardIds: '0-1' };
    const oldStartedAt = Date.now();
    const old = await bot({ ...run, clockStart: shifted(ANNIVERSARY_DUE, -8_000) });
    bots.push(old);
    const total = () => postRequestsByChannel(handles).size;
    await first.waitFor(() => postedBy(old) >= 60, 60_000, 'the old process posting');
    // The new process starts on the same shards while the old one still runs, on the same clock.
    const next = await bot({
      ...run,
      clockStart: shifted(ANNIVERSARY_DUE, -8_000 + (Date.now() - oldStartedAt)),
    });
    bots.push(next);
    await until(
      async () => {
        const leases = await leasesByOwner(url);
        return leases.size === 2 && [...leases.values()].every((n) => n === PARTITION_COUNT / 2);
      },
      HEARTBEAT_MS * 10,
      'the old and the new process holding half each',
    );
    // Both alive and both serving for a while.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(old.child.exitCode).toBeNull();
    await old.stop(10_000);
    await next.stop(10_000);
    const afterFirstRun = total();
    expect(afterFirstRun).toBeLessThan(world.guilds.length);

    // The next run: four shards over two processes, the same database, a minute later.
    const second = await emulatorFor(world, 4);
    handles.push(second);
    const later = {
      handle: second,
      url,
      shardCount: 4,
      clockStart: shifted(ANNIVERSARY_DUE, 60_000),
    };
    bots.push(
      ...(await Promise.all([
        bot({ ...later, shardIds: '0-1' }),
        bot({ ...later, shardIds: '2-3' }),
      ])),
    );
    await second.waitFor(() => total() >= world.guilds.length, 90_000, 'every server posted');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // Across both runs and both emulators (no nonce shared between them): one request each.
    expect(tally(perGuild(world, postRequestsByChannel(handles)))).toEqual({ 1: 1_000 });
    expect(tally(perGuild(world, messagesByChannel(handles)))).toEqual({ 1: 1_000 });
  }, 240_000);
});
