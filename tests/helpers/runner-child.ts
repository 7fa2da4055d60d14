/**
 * A bot process for the kill -9 tests (tests/store/postgres/runner-faults.test.ts): the real
 * runner on the real PostgreSQL store, with a poster that tells the parent on stdout where it
 * is and then hangs forever, so the parent can SIGKILL it at that exact point.
 *
 * argv: url guildId mode leaseMs retakeWindowMs nowIso
 *   mode "before-send": prints `SENDING <nonce>` and hangs before Discord sees anything.
 *   mode "after-send": prints `ACCEPTED <nonce> <messageId>` (Discord took it) and hangs before
 *   the runner can record completion.
 */
import { classifyPostError } from '../../src/discord/channel-errors.js';
import { createRunner, type Poster } from '../../src/schedule/runner.js';
import { openPostgresStore } from '../../src/store/postgres/index.js';
import { data, prompts } from '../schedule/helpers.js';

const [url, guild, mode, leaseMs, retakeWindowMs, nowIso] = process.argv.slice(2);
const quiet = () => undefined;
const log = { info: quiet, warn: quiet, error: quiet };
const store = await openPostgresStore(url!, log);
const hang = () => new Promise<never>(() => undefined);
const poster: Poster = {
  post(_channelId, body) {
    if (mode === 'before-send') process.stdout.write(`SENDING ${body.nonce}\n`);
    else process.stdout.write(`ACCEPTED ${body.nonce} 777000000000000001\n`);
    return hang();
  },
  openThread: () => hang(),
  classify: classifyPostError,
};
const runner = createRunner({
  store,
  data,
  prompts,
  poster,
  log,
  now: () => new Date(nowIso!),
  guildIds: () => [guild!],
  owner: 'child',
  leaseMs: Number(leaseMs),
  retakeWindowMs: Number(retakeWindowMs),
});
process.stdout.write('READY\n');
await runner.tick();
