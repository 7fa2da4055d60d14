import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyPostError } from '../../../src/discord/channel-errors.js';
import { createRunner, type Poster } from '../../../src/schedule/runner.js';
import type { StorePorts } from '../../../src/store/ports.js';
import { data, prompts, settings } from '../../schedule/helpers.js';
import { freshDatabase, guildId, noPostgres, openOn, recordingLog } from './harness.js';

/** 09:00 in Kyiv on Monday 16 February 2026: Germany's and France's anniversary. */
const DUE_AT = new Date('2026-02-16T07:00:00.000Z');
const ANNIVERSARY_KEY = 'anniversary:2026-02-16';
const SERVERS = 200;

/** Each server posts to a channel of its own, so sends can be counted per (channel, nonce). */
const channelOf = (n: number) => String(300000000000000000n + BigInt(n));

/** A fake Discord that counts every accepted send per (channel, nonce). */
function countingPoster() {
  const sends = new Map<string, number>();
  let nextId = 900_000_000_000_000_000n;
  const poster: Poster = {
    post(channelId, body) {
      const key = `${channelId}|${body.nonce}`;
      sends.set(key, (sends.get(key) ?? 0) + 1);
      nextId += 1n;
      return Promise.resolve({ messageId: String(nextId) });
    },
    openThread: () => Promise.resolve(),
    classify: classifyPostError,
  };
  return { poster, sends };
}

describe.skipIf(noPostgres)('the runner against PostgreSQL, under faults', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase('runner_faults');
  });

  describe('two runners ticking at once', () => {
    const guilds = Array.from({ length: SERVERS }, (_, i) => guildId(1000 + i));
    let stores: StorePorts[] = [];
    beforeAll(async () => {
      stores = await Promise.all([openOn(url), openOn(url)]);
      await Promise.all(
        guilds.map((g, i) =>
          stores[0]!.settings.put(g, settings({ channelId: channelOf(i) }), null),
        ),
      );
    });
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
    });

    // Can fail: without the ledger's claim both runners read the same empty ledger, both find
    // all 200 anniversaries due and both send, so every (channel, nonce) would count 2.
    test('GIVEN 200 servers all due and two runners (two pools, two owners) WHEN both tick at the same moment THEN each post is sent exactly once and settled', async () => {
      const discord = countingPoster();
      const runners = stores.map((store, i) =>
        createRunner({
          store,
          data,
          prompts,
          poster: discord.poster,
          log: recordingLog(),
          now: () => DUE_AT,
          guildIds: () => guilds,
          owner: `runner-${i}`,
        }),
      );
      const summaries = await Promise.all(runners.map((r) => r.tick()));

      expect(discord.sends.size).toBe(SERVERS);
      expect([...discord.sends.values()].every((count) => count === 1)).toBe(true);
      expect(summaries.reduce((sum, s) => sum + s.posted, 0)).toBe(SERVERS);
      expect(summaries.reduce((sum, s) => sum + s.failed, 0)).toBe(0);
      const settled = await stores[1]!.ledger.settledKeys(guilds);
      expect(guilds.every((g) => settled.get(g)?.has(ANNIVERSARY_KEY))).toBe(true);
      // Settled as posted, once: a third claim finds it done, with a message id.
      const again = await stores[0]!.ledger.claim({
        guildId: guilds[0]!,
        key: ANNIVERSARY_KEY,
        kind: 'anniversary',
        localDate: '2026-02-16',
        nonce: 'probe',
        owner: 'probe',
        leaseMs: 60_000,
        retakeWindowMs: 150_000,
      });
      expect(again.kind).toBe('settled');
      expect(again.entry.state).toBe('posted');
      expect(again.entry.messageId).not.toBeNull();
    });
  });
});
