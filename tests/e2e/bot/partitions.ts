import pg from 'pg';
import { inject } from 'vitest';
import type { EmulatorHandle, FixtureGuild, World } from '../emulator/index.js';
import { createWorld } from '../emulator/fixtures.js';
import { DEFAULT_CHANNELS, SnowflakeGenerator } from '../emulator/index.js';
import { createDatabase } from '../../helpers/postgres-server.js';
import { openPostgresStore } from '../../../src/store/postgres/index.js';
import { guildSettings } from '../../helpers/settings.js';

/**
 * Fixtures for the multi-process partition tests (tests/e2e/partitions.test.ts): a world whose
 * guilds spread over shards, a fresh PostgreSQL database with a schedule for each of them, and
 * counts of what the emulator received per channel.
 */

/** The run's PostgreSQL server (tests/helpers/postgres-global-setup.ts), null when none. */
export const postgresUrl = inject('postgresUrl');

/**
 * Guilds made in one millisecond share `id >> 22` and so one shard: this world's ids step one
 * or two milliseconds each (in the past, so the emulator's own ids never meet them).
 */
export function spreadWorld(guildCount: number): World {
  let ms = Date.now() - 3_600_000;
  let calls = 0;
  const clock = () => (ms += calls++ % 7 === 0 ? 2 : 1);
  return createWorld(new SnowflakeGenerator(clock), { guildCount });
}

export function generalChannel(guild: FixtureGuild): string {
  const channel = guild.channels.find((c) => c.name === DEFAULT_CHANNELS.general);
  if (!channel) throw new Error(`guild ${guild.id} has no general channel`);
  return channel.id;
}

/** A migrated database with every guild's schedule (anniversaries at 09:00 Kyiv) in its general channel. */
export async function databaseWithSchedules(world: World, label: string): Promise<string> {
  if (postgresUrl === null) throw new Error('no PostgreSQL');
  const url = await createDatabase(postgresUrl, label);
  const quiet = () => undefined;
  const store = await openPostgresStore(url, { info: quiet, warn: quiet, error: quiet });
  await store.close();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query(
      `INSERT INTO settings (guild_id, value, version)
       SELECT id, jsonb_set($3::jsonb, '{channelId}', to_jsonb(channel)), 1
       FROM unnest($1::text[], $2::text[]) AS t(id, channel)`,
      [
        world.guilds.map((g) => g.id),
        world.guilds.map(generalChannel),
        JSON.stringify(guildSettings({ activeSince: '2026-01-01T00:00:00.000Z' })),
      ],
    );
  } finally {
    await pool.end();
  }
  return url;
}

/** Create-message requests per channel (every attempt, a repeat with the same nonce included). */
export function postRequestsByChannel(handles: readonly EmulatorHandle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const handle of handles) {
    for (const request of handle.requests) {
      const match = /^\/channels\/(\d+)\/messages$/.exec(request.path);
      if (request.method === 'POST' && match) {
        counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Messages that exist per channel: what members see, after Discord's nonce deduplication. */
export function messagesByChannel(handles: readonly EmulatorHandle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const handle of handles) {
    for (const message of handle.messages()) {
      if (message.source !== 'channel') continue;
      counts.set(message.channelId, (counts.get(message.channelId) ?? 0) + 1);
    }
  }
  return counts;
}

/** Partitions held per owner, as the database has them now. */
export async function leasesByOwner(url: string): Promise<Map<string, number>> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ owner: string; n: number }>(
      `SELECT owner, count(*)::int AS n FROM partition_leases
       WHERE owner IS NOT NULL AND lease_until > now() GROUP BY owner`,
    );
    return new Map(rows.map((row) => [row.owner, row.n]));
  } finally {
    await pool.end();
  }
}
