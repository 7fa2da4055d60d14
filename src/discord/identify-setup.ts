import { hostname } from 'node:os';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createFileStartLog, createPostgresStartLog, startLogPathFor } from './identify-backoff.js';
import type { StartLog } from './identify-backoff.js';
import { createSharedThrottler, type IdentifyThrottler } from './identify-throttler.js';

/** How this process coordinates its logins with the bot's other processes, if any. */
export interface LoginCoordination {
  /** The shared identify throttler; undefined: discord.js's own (one process, JSON store). */
  identifyThrottler?: (maxConcurrency: number) => IdentifyThrottler;
  startLog: StartLog;
  close(): Promise<void>;
}

/**
 * With PostgreSQL the bot may run as several processes (and, during a rolling deploy, two hold
 * the same shards), and no process can tell it is alone: so identifies are always spaced through
 * the database, on a pool of their own (two connections) so a busy store cannot hold up a login.
 * With the JSON file the bot is one process: discord.js's throttler is right, and the start count
 * lives in a file beside the store. Call after the store opened (its migrations made the tables).
 */
export async function openLoginCoordination(
  config: Pick<Config, 'DATABASE_URL' | 'STORE_PATH'>,
  log: Logger,
): Promise<LoginCoordination> {
  if (config.DATABASE_URL === undefined) {
    return {
      startLog: createFileStartLog(startLogPathFor(config.STORE_PATH)),
      close: () => Promise.resolve(),
    };
  }
  const { createPool } = await import('../store/postgres/pool.js');
  const { createPostgresSlots } = await import('./identify-postgres.js');
  const pool = createPool(config.DATABASE_URL, log, {
    maxConnections: 2,
    applicationName: 'ukraine-security-pacts-bot identify',
  });
  const slots = createPostgresSlots(pool);
  const holder = `${hostname()}:${process.pid}`;
  return {
    identifyThrottler: (maxConcurrency) =>
      createSharedThrottler({ slots, maxConcurrency, holder, log }),
    startLog: createPostgresStartLog(pool),
    close: () => pool.end(),
  };
}
