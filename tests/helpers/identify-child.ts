/**
 * One bot process's identify throttler for tests/discord/identify-postgres.test.ts: the shared
 * throttler on the real PostgreSQL buckets, asked for every shard at once (as discord.js does when
 * it connects its shards), from a given instant so two children contend.
 *
 * argv: url windowMs maxConcurrency shardIds(comma) startAtMs label
 * Prints one line per grant: `GRANT <shardId> <dbGrantedAtMs> <localMs> <label>`, then `DONE`.
 */
import { createPostgresSlots } from '../../src/discord/identify-postgres.js';
import { createSharedThrottler, type IdentifySlots } from '../../src/discord/identify-throttler.js';
import { createPool } from '../../src/store/postgres/pool.js';

const [url, windowMs, maxConcurrency, shardIds, startAtMs, label] = process.argv.slice(2);
const quiet = () => undefined;
const log = { info: quiet, warn: quiet, error: quiet, debug: quiet };
const pool = createPool(url!, log, { maxConnections: 2 });
const slots = createPostgresSlots(pool);
/** The database's stamp of each grant, by shard: what the buckets were spaced on. */
const grantedAt = new Map<number, number>();
const recording: IdentifySlots = {
  async take(key, window, holder) {
    const answer = await slots.take(key, window, holder);
    if (answer.granted)
      grantedAt.set(Number(/shard (\d+)$/.exec(holder)![1]), answer.grantedAt.getTime());
    return answer;
  },
};
const throttler = createSharedThrottler({
  slots: recording,
  maxConcurrency: Number(maxConcurrency),
  holder: label!,
  log,
  windowMs: Number(windowMs),
});
await pool.query('SELECT 1');
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAtMs) - Date.now())));
const controller = new AbortController();
await Promise.all(
  shardIds!.split(',').map(async (id) => {
    const shardId = Number(id);
    await throttler.waitForIdentify(shardId, controller.signal);
    process.stdout.write(`GRANT ${shardId} ${grantedAt.get(shardId)} ${Date.now()} ${label}\n`);
  }),
);
process.stdout.write('DONE\n');
await pool.end();
