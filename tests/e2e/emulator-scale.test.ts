import { REST } from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import { Client, Events } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { emulatorClientOptions, loginTestClient } from './emulator/client.js';
import type { EmulatorHandle } from './emulator/index.js';
import { createLargeWorld, shardOf, SnowflakeGenerator, startEmulator } from './emulator/index.js';

/**
 * The emulator grown for sharding at scale: thousands of guilds spread over the shards, Discord's
 * identify limit, a standing global REST limit, and one process's connections dropped.
 */

let handle: EmulatorHandle | undefined;
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
  await handle?.close();
  handle = undefined;
});

/** Logs a client in on the given shards and resolves once every one of them is ready. */
async function loginOnShards(
  h: EmulatorHandle,
  shards: number[],
  shardCount: number,
  extra: Parameters<typeof emulatorClientOptions>[1] = {},
  timeoutMs = 20_000,
): Promise<Client> {
  const client = new Client(emulatorClientOptions(h, { shards, shardCount, ...extra }));
  clients.push(client);
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not ready')), timeoutMs);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await client.login(h.token);
  await ready;
  return client;
}

describe('GIVEN a large world', () => {
  test('WHEN 5,000 guilds are made with spreadShards THEN 4 shards get 1,250 each and no id repeats', () => {
    const world = createLargeWorld(new SnowflakeGenerator(), 5_000, { extraChannels: 2 });
    const perShard = [0, 0, 0, 0];
    for (const guild of world.guilds) perShard[shardOf(guild.id, 4)]! += 1;
    expect(perShard).toEqual([1_250, 1_250, 1_250, 1_250]);
    const ids = world.guilds.flatMap((g) => [g.id, ...g.channels.map((c) => c.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(world.guilds[0]!.channels).toHaveLength(5);
  });

  test('WHEN a client holds 2 of 4 shards of 2,000 guilds THEN it receives exactly its half', async () => {
    handle = await startEmulator({
      shardCount: 4,
      world: (ids) => createLargeWorld(ids, 2_000),
      sessionStartLimit: { maxConcurrency: 4 },
    });
    const client = await loginOnShards(handle, [1, 3], 4);
    expect(client.guilds.cache.size).toBe(1_000);
    expect([...client.guilds.cache.keys()].every((id) => [1, 3].includes(shardOf(id, 4)))).toBe(
      true,
    );
  });
});

describe('GIVEN the identify limit enforced', () => {
  test('WHEN a client identifies two shards of one bucket at once THEN the second gets op 9 and is recorded', async () => {
    handle = await startEmulator({
      shardCount: 2,
      identifyRateLimit: { windowMs: 1_000 },
      sessionStartLimit: { maxConcurrency: 1 },
      world: (ids) => createLargeWorld(ids, 4),
    });
    // No throttle (the test client's default): both shards identify at once, in one bucket.
    await loginOnShards(handle, [0, 1], 2);
    const refused = handle.gateway.stats.identifiesRateLimited;
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused[0]).toMatchObject({ rateLimitKey: 0 });
    expect(refused[0]!.sinceLastMs).toBeLessThan(1_000);
    // Refused identifies spend no session start; the two that got through do.
    expect(handle.gateway.stats.identifies).toBe(2);
    const invalid = handle.gateway.log.filter((e) => e.direction === 'out' && e.op === 9);
    expect(invalid.length).toBe(refused.length);
  });

  test("WHEN discord.js's own throttler identifies two shards of one bucket THEN none is refused", async () => {
    handle = await startEmulator({
      shardCount: 2,
      identifyRateLimit: true,
      sessionStartLimit: { maxConcurrency: 1 },
      world: (ids) => createLargeWorld(ids, 4),
    });
    const started = Date.now();
    // discord.js's SimpleIdentifyThrottler: the test client's no-throttle override removed.
    await loginOnShards(handle, [0, 1], 2, { ws: { buildIdentifyThrottler: undefined } }, 30_000);
    expect(handle.gateway.stats.identifiesRateLimited).toEqual([]);
    expect(handle.gateway.stats.identifies).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
  }, 40_000);
});

describe('GIVEN a standing global REST limit of 50 a second', () => {
  test('WHEN 80 requests arrive at once THEN 50 pass and 30 get a global 429 with retry_after', async () => {
    handle = await startEmulator({ globalRateLimit: true });
    const h = handle;
    const answers = await Promise.all(
      Array.from({ length: 80 }, () =>
        fetch(`${h.restUrl}/v10/users/@me`, { headers: { authorization: `Bot ${h.token}` } }),
      ),
    );
    const limited = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(50);
    expect(limited).toHaveLength(30);
    expect(limited[0]!.headers.get('x-ratelimit-global')).toBe('true');
    expect(limited[0]!.headers.get('x-ratelimit-scope')).toBe('global');
    const body = (await limited[0]!.json()) as { retry_after: number; global: boolean };
    expect(body.global).toBe(true);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(1);
    expect(h.globalLimit).toMatchObject({ accepted: 50, limited: 30 });
  });

  test('WHEN two REST clients (two processes) post 150 messages each THEN all land, Discord-side at 50 a second at most', async () => {
    handle = await startEmulator({ globalRateLimit: true });
    const channel = handle.channel('general');
    const h = handle;
    const rests = [0, 1].map(() => new REST({ api: h.restUrl }).setToken(h.token));
    const started = Date.now();
    await Promise.all(
      rests.flatMap((rest, r) =>
        Array.from({ length: 150 }, (_, i) =>
          rest.post(Routes.channelMessages(channel.id), { body: { content: `p${r}-${i}` } }),
        ),
      ),
    );
    expect(h.channelMessages(channel.id)).toHaveLength(300);
    // Each process keeps itself to 50 a second; together they go over, and Discord says so.
    expect(h.globalLimit.limited).toBeGreaterThan(0);
    expect(Math.max(...h.globalLimit.acceptedPerSecond)).toBeLessThanOrEqual(50);
    // 300 requests at 50 a second need five seconds of windows at least.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
  }, 40_000);
});

describe('GIVEN two processes holding the same shard (a rolling deploy)', () => {
  test("WHEN one process's sessions are dropped THEN only it reconnects, the other's socket stays", async () => {
    handle = await startEmulator({ heartbeatIntervalMs: 300 });
    await loginTestClient(handle);
    await loginTestClient(handle);
    const [older, newer] = handle.gateway
      .sessions()
      .sort((a, b) => a.identifiedAt - b.identifiedAt);
    expect(older!.remotePort).not.toBe(newer!.remotePort);
    const identifiesBefore = handle.gateway.stats.identifies;
    handle.faults.dropSessions([older!.id]);
    const h = handle;
    // The emulator sends a shard's events to its newest session only, so the older one cannot
    // resume (op 9) and identifies afresh: one more IDENTIFY, from the dropped process alone.
    await h.waitFor(
      () => h.gateway.stats.identifies === identifiesBefore + 1,
      10_000,
      'a new identify',
    );
    const sessions = h.gateway.sessions();
    expect(sessions.find((s) => s.id === newer!.id)).toMatchObject({
      connected: true,
      remotePort: newer!.remotePort,
    });
    expect(sessions.find((s) => s.id === older!.id)?.connected).toBe(false);
    const fresh = sessions.find((s) => ![older!.id, newer!.id].includes(s.id));
    expect(fresh?.connected).toBe(true);
    expect(fresh?.remotePort).not.toBe(newer!.remotePort);
  });
});
