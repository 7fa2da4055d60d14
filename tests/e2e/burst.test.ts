import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRestPoster } from '../../src/discord/poster.js';
import { countPendingPosts, watchRateLimited } from '../../src/discord/rest-backlog.js';
import { createMetrics, type Metrics } from '../../src/ops/metrics.js';
import { GRACE_MS } from '../../src/schedule/due.js';
import { createRunner, type TickSummary } from '../../src/schedule/runner.js';
import { openMemoryStore } from '../../src/store/memory.js';
import { guildSettings } from '../helpers/settings.js';
import { data, prompts } from '../schedule/helpers.js';
import { ANNIVERSARY_DUE } from './bot/schedule.js';
import type { EmulatorHandle } from './emulator/index.js';
import { createLargeWorld, shardOf, startEmulator } from './emulator/index.js';

/**
 * The 09:00 burst against Discord's global REST limit, which every process of the bot shares:
 * two runners (two processes, each with its own discord.js REST and its own 50-a-second limiter)
 * post the day's anniversary post (Germany and France, both 16 February) for 300 servers at once, through an emulator that allows 50
 * bot requests a second in all. Together they ask for twice that; Discord's 429s pace them.
 */
const SERVERS = 300;
/** One anniversary post a server that day (both agreements in it). */
const POSTS = SERVERS;
const LIMIT = 50;

function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : NaN;
}

describe('GIVEN two processes posting a 09:00 burst under a global limit of 50 a second', () => {
  let handle: EmulatorHandle;
  const quiet = () => undefined;
  const log = { info: quiet, warn: quiet, error: quiet, debug: quiet };
  let summaries: TickSummary[];
  let elapsedMs: number;
  let peakPending = 0;
  let metrics: Metrics[];
  let pendings: (() => number)[];

  beforeAll(async () => {
    handle = await startEmulator({
      globalRateLimit: { perSecond: LIMIT },
      world: (ids) => createLargeWorld(ids, SERVERS),
    });
    const store = openMemoryStore();
    for (const guild of handle.world.guilds) {
      const channelId = guild.channels.find((c) => c.name === 'general')!.id;
      await store.settings.put(guild.id, guildSettings({ channelId }), null);
    }
    const start = Date.now();
    const now = () => new Date(Date.parse(ANNIVERSARY_DUE) + (Date.now() - start));
    metrics = [];
    pendings = [];
    const runners = [0, 1].map((p) => {
      const rest = new REST({ api: handle.restUrl }).setToken(handle.token);
      const counted = countPendingPosts(createRestPoster(rest));
      const m = createMetrics({ processMetrics: false });
      m.watchRestBacklog(() => counted.pending());
      watchRateLimited(rest, (scope) => m.recordRateLimited(scope));
      metrics.push(m);
      pendings.push(() => counted.pending());
      return createRunner({
        store,
        data,
        prompts,
        poster: counted.poster,
        log,
        now,
        owner: `process-${p}`,
        // Each process serves the servers of its own shard of two.
        guildIds: () => handle.world.guilds.map((g) => g.id).filter((id) => shardOf(id, 2) === p),
        onOutcome: (kind, outcome) => m.recordPost(kind, outcome),
      });
    });
    const sampler = setInterval(() => {
      void Promise.all(metrics.map((m) => m.render())).then((texts) => {
        const pending = texts.reduce((sum, t) => sum + metricValue(t, 'bot_rest_posts_pending'), 0);
        peakPending = Math.max(peakPending, pending);
      });
    }, 100);
    const began = Date.now();
    summaries = await Promise.all(runners.map((r) => r.tick()));
    elapsedMs = Date.now() - began;
    clearInterval(sampler);
  }, 120_000);
  afterAll(() => handle.close());

  test('WHEN the burst drains THEN every server gets its post once, in its own channel', () => {
    expect(summaries.reduce((sum, s) => sum + s.posted, 0)).toBe(POSTS);
    for (const guild of handle.world.guilds) {
      const general = guild.channels.find((c) => c.name === 'general')!;
      const posts = handle.channelMessages(general.id);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.content).toContain('Germany');
    }
    expect(handle.messages()).toHaveLength(POSTS);
  });

  test('WHEN the two together ask for more than the limit THEN Discord answers global 429s and never lets more than 50 through in a second', async () => {
    expect(handle.globalLimit.limited).toBeGreaterThan(0);
    expect(Math.max(...handle.globalLimit.acceptedPerSecond)).toBeLessThanOrEqual(LIMIT);
    const texts = await Promise.all(metrics.map((m) => m.render()));
    const globals = texts.map((t) =>
      metricValue(t, 'bot_discord_rate_limited_total{scope="global"}'),
    );
    expect(globals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  test('WHEN it drains THEN it goes at close to the rate allowed, and 20,000 servers would fit the grace window', () => {
    const perSecond = POSTS / (elapsedMs / 1000);
    console.log(
      `burst: ${POSTS} posts in ${(elapsedMs / 1000).toFixed(1)} s = ${perSecond.toFixed(1)}/s against ${LIMIT}/s; ` +
        `${handle.globalLimit.limited} global 429s; peak backlog ${peakPending}`,
    );
    // The limit is a ceiling (and the first second's window starts full)…
    expect(perSecond).toBeLessThanOrEqual(LIMIT * 1.2);
    // …and the pace is set by it, not by the bot: at least 60 % of it.
    expect(perSecond).toBeGreaterThanOrEqual(LIMIT * 0.6);
    const twentyThousandMs = (20_000 / perSecond) * 1000;
    expect(twentyThousandMs).toBeLessThan(GRACE_MS);
  });

  test('WHEN the burst was on THEN /metrics showed the backlog, and it is empty after', async () => {
    expect(peakPending).toBeGreaterThan(0);
    expect(pendings.map((p) => p())).toEqual([0, 0]);
    const texts = await Promise.all(metrics.map((m) => m.render()));
    for (const t of texts) expect(metricValue(t, 'bot_rest_posts_pending')).toBe(0);
  });
});
