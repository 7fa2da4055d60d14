import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The shape of @discordjs/ws 1.2's `IIdentifyThrottler`, stated here so this module needs no
 * runtime value of discord.js: `waitForIdentify` resolves when the shard may send IDENTIFY, and
 * rejects once `signal` aborts (the shard closed while waiting; discord.js then gives up quietly).
 */
export interface IdentifyThrottler {
  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void>;
}

/** Discord allows one IDENTIFY per `shard_id % max_concurrency` bucket per 5 s (gateway docs). */
export const IDENTIFY_WINDOW_MS = 5_000;

/**
 * Added to Discord's window: a grant is stamped when it is taken, and the IDENTIFY reaches Discord
 * a network trip later, so two grants exactly 5 s apart could arrive closer than that.
 */
export const IDENTIFY_MARGIN_MS = 250;

export type SlotAnswer = { granted: true; grantedAt: Date } | { granted: false; waitMs: number };

/**
 * Where the buckets' last grants are kept: one process's memory, or a table every process of the
 * bot shares (identify-postgres.ts). `take` is atomic: of two callers for one free bucket, one wins.
 */
export interface IdentifySlots {
  take(rateLimitKey: number, windowMs: number, holder: string): Promise<SlotAnswer>;
}

/** The part of a logger the throttler needs (pino's fits). */
export interface ThrottlerLog {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface SharedThrottlerOptions {
  slots: IdentifySlots;
  maxConcurrency: number;
  /** Names this process in the table, e.g. `host:pid`. */
  holder: string;
  log: ThrottlerLog;
  /** Discord's window plus the margin by default; tests use a shorter one. */
  windowMs?: number;
  /** When the slots cannot be read (the database is away): the first retry, doubled up to 10 s. */
  retryMs?: number;
}

const MAX_RETRY_MS = 10_000;

/**
 * An identify throttler whose buckets live in `slots`. When the store cannot answer, it waits and
 * asks again rather than identify unspaced: a refused IDENTIFY costs a reconnect, and identifying
 * blind from several processes is how a bot gets there. It never throws except on abort, since
 * discord.js answers a throw by destroying the shard.
 */
export function createSharedThrottler(options: SharedThrottlerOptions): IdentifyThrottler {
  const windowMs = options.windowMs ?? IDENTIFY_WINDOW_MS + IDENTIFY_MARGIN_MS;
  const retryMs = options.retryMs ?? 500;
  const maxConcurrency = Math.max(1, options.maxConcurrency);
  return {
    async waitForIdentify(shardId, signal) {
      const key = shardId % maxConcurrency;
      for (let failures = 0; ;) {
        signal.throwIfAborted();
        let waitMs: number;
        try {
          const answer = await options.slots.take(
            key,
            windowMs,
            `${options.holder} shard ${shardId}`,
          );
          if (answer.granted) {
            options.log.debug({ shardId, rateLimitKey: key }, 'identify slot granted');
            return;
          }
          failures = 0;
          // A little jitter, so processes woken for one bucket do not all ask in the same ms.
          waitMs = answer.waitMs + Math.floor(Math.random() * 50);
        } catch (error) {
          waitMs = Math.min(retryMs * 2 ** failures, MAX_RETRY_MS);
          failures += 1;
          options.log.warn(
            {
              err: error instanceof Error ? error.message : String(error),
              shardId,
              retryInMs: waitMs,
            },
            'identify throttle: cannot reach the shared buckets; waiting before asking again',
          );
        }
        await sleep(waitMs, undefined, { signal });
      }
    },
  };
}

/** The buckets of one process, for tests of the throttler without a database. */
export function createMemorySlots(now: () => number = Date.now): IdentifySlots {
  const last = new Map<number, number>();
  return {
    take(rateLimitKey, windowMs) {
      const at = now();
      const previous = last.get(rateLimitKey);
      if (previous !== undefined && at - previous < windowMs) {
        return Promise.resolve({ granted: false, waitMs: previous + windowMs - at });
      }
      last.set(rateLimitKey, at);
      return Promise.resolve({ granted: true, grantedAt: new Date(at) });
    },
  };
}
