import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../log.js';
import { createLeanCache, createOwnRoles, LEAN_SWEEPERS } from './cache.js';
import type { IdentifyThrottler } from './identify-throttler.js';
import { logRateLimits } from './rate-limits.js';
import { NO_PINGS } from './send.js';
import type { ShardPlan } from './shards.js';

export interface ClientOptions {
  /** A REST base URL other than Discord's: a local emulator in tests, or a REST proxy. */
  apiUrl?: string | undefined;
  /** The shards this process holds; 'auto' (Discord's recommended count, all here) by default. */
  shards?: ShardPlan;
  /**
   * Identify spacing shared with the bot's other processes, built once `max_concurrency` is known
   * from GET /gateway/bot. Absent: discord.js's own throttler, which holds within this process.
   */
  identifyThrottler?: (maxConcurrency: number) => IdentifyThrottler;
  log: Logger;
}

/**
 * The bot's client: the Guilds intent only, caches cut to what the bot reads, and no pings unless
 * a message opts in.
 *
 * Identify spacing is discord.js's own throttler (one per `shard_id % max_concurrency` bucket per
 * 5 s) unless `identifyThrottler` is given: that one holds within this process only, and
 * processes on several machines sharing one bot need a shared one (identify-throttler.ts, on
 * PostgreSQL), passed to discord.js as `ws: { buildIdentifyThrottler }`.
 */
export function createClient({
  apiUrl,
  shards = { kind: 'auto' },
  identifyThrottler,
  log,
}: ClientOptions): Client {
  const ownRoles = createOwnRoles();
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_PINGS,
    rest: apiUrl ? { api: apiUrl } : {},
    makeCache: createLeanCache(ownRoles),
    sweepers: LEAN_SWEEPERS,
    ...(shards.kind === 'fixed'
      ? { shards: shards.ids, shardCount: shards.count }
      : { shards: 'auto' as const }),
    ...(identifyThrottler
      ? {
          ws: {
            // discord.js caches GET /gateway/bot, so this costs no extra request.
            buildIdentifyThrottler: async (manager) => {
              const info = await manager.fetchGatewayInformation();
              return identifyThrottler(info.session_start_limit.max_concurrency);
            },
          },
        }
      : {}),
  });
  ownRoles.watch(client);
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  logRateLimits(client.rest, log);
  return client;
}
