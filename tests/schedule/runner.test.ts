import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { classifyPostError } from '../../src/discord/channel-errors.js';
import type { PostBody, ThreadSpec } from '../../src/render/posts.js';
import { GRACE_MS, postNonce } from '../../src/schedule/due.js';
import { createRunner, MAX_ATTEMPTS, type Poster } from '../../src/schedule/runner.js';
import type { GuildSettings } from '../../src/store/domain.js';
import { openStore, type Store, type StoreLog } from '../../src/store/legacy/store.js';
import { data, GUILD, prompts, settings } from './helpers.js';

const OTHER = '222222222222222222';
const CHANNEL = '333333333333333333';
const OTHER_CHANNEL = '444444444444444444';
/** 09:00 in Kyiv on Monday 16 February 2026: Germany's and France's anniversary. */
const DUE_AT = '2026-02-16T07:00:00.000Z';
const ANNIVERSARY_KEY = 'anniversary:2026-02-16';
const MINUTE = 60_000;

/** An error as discord.js's REST throws it: DiscordAPIError carries Discord's code and the HTTP status. */
function discordError(code: number, status: number, message: string): Error {
  return Object.assign(new Error(message), { name: `DiscordAPIError[${code}]`, code, status });
}

interface Attempt {
  channelId: string;
  body: PostBody & { nonce: string };
  /** Set when Discord accepted it. */
  messageId: string | null;
}

/**
 * Records every post and thread; `failures` queues errors per channel (one taken per attempt),
 * `threadError` makes every thread fail. Classifies errors as the REST poster does.
 */
function fakePoster() {
  const attempts: Attempt[] = [];
  const threads: { channelId: string; messageId: string; thread: ThreadSpec }[] = [];
  const failures = new Map<string, Error[]>();
  let threadError: Error | null = null;
  let pollsRefused = false;
  let nextId = 900_000_000_000_000_000n;
  const poster: Poster = {
    post(channelId, body) {
      const error =
        failures.get(channelId)?.shift() ??
        (pollsRefused && body.poll ? discordError(50013, 403, 'Missing Permissions') : undefined);
      const attempt: Attempt = { channelId, body, messageId: null };
      attempts.push(attempt);
      if (error !== undefined) return Promise.reject(error);
      nextId += 1n;
      attempt.messageId = String(nextId);
      return Promise.resolve({ messageId: attempt.messageId });
    },
    openThread(channelId, messageId, thread) {
      threads.push({ channelId, messageId, thread });
      return threadError === null ? Promise.resolve() : Promise.reject(threadError);
    },
    classify: classifyPostError,
  };
  return {
    poster,
    attempts,
    threads,
    /** Posts Discord accepted. */
    sent: () => attempts.filter((a) => a.messageId !== null),
    to: (channelId: string) => attempts.filter((a) => a.channelId === channelId),
    failNext(channelId: string, ...errors: Error[]) {
      failures.set(channelId, [...(failures.get(channelId) ?? []), ...errors]);
    },
    failThreads(error: Error) {
      threadError = error;
    },
    /** As Discord does where the bot lacks Create Polls: a message with a poll is refused. */
    refusePolls() {
      pollsRefused = true;
    },
  };
}

function recordingLog(): StoreLog & { messages: string[] } {
  const messages: string[] = [];
  const push = (_obj: object, msg: string) => void messages.push(msg);
  return { messages, info: push, warn: push, error: push };
}

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-test-'));
  path = join(dir, 'store.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface WorldOptions {
  guilds?: Record<string, GuildSettings>;
  at?: string;
  /** Which of the stored servers this runner serves; all by default. */
  serve?: string[];
  store?: Store;
  poster?: Poster;
}

/** A store on disk, a fake Discord and a runner with a pinned clock that tests move. */
async function world(options: WorldOptions = {}) {
  const log = recordingLog();
  const store = options.store ?? (await openStore(path, log));
  for (const [id, s] of Object.entries(options.guilds ?? {})) await store.setGuild(id, s);
  const discord = fakePoster();
  const clock = { now: new Date(options.at ?? DUE_AT) };
  const runner = createRunner({
    store,
    data,
    prompts,
    poster: options.poster ?? discord.poster,
    log,
    now: () => clock.now,
    guildIds: () => options.serve ?? store.guildIds(),
  });
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { store, discord, clock, runner, log, later };
}

const anniversariesOnly = (overrides: Partial<GuildSettings> = {}) => settings(overrides);
const twoGuilds = () => ({
  [GUILD]: anniversariesOnly(),
  [OTHER]: anniversariesOnly({ channelId: OTHER_CHANNEL }),
});

describe('a due post', () => {
  test('GIVEN a server whose anniversary comes due WHEN the runner ticks THEN it posts once, with its nonce, and logs it', async () => {
    const { store, discord, runner, log } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });

    const summary = await runner.tick();

    expect(summary).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0 });
    const [sent, ...more] = discord.attempts;
    expect(more).toEqual([]);
    expect(sent?.channelId).toBe(CHANNEL);
    expect(sent?.body.nonce).toBe(postNonce(GUILD, ANNIVERSARY_KEY));
    expect(sent?.body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(sent?.body);
    expect(text).toContain('Germany');
    expect(text).toContain('France');
    expect(store.postsFor(GUILD)).toEqual([
      {
        guildId: GUILD,
        kind: 'anniversary',
        key: ANNIVERSARY_KEY,
        localDate: '2026-02-16',
        status: 'posted',
        messageId: sent?.messageId,
        at: DUE_AT,
        reason: null,
      },
    ]);
    expect(log.messages).toContain('posted');
  });

  test.each([
    ['at the same instant', 0],
    ['a minute later', MINUTE],
    ['five hours later, still within the grace window', 5 * 60 * MINUTE],
  ])(
    'GIVEN a post already made WHEN the runner ticks again %s THEN nothing more is posted',
    async (_, ms) => {
      const { discord, runner, later } = await world({ guilds: { [GUILD]: anniversariesOnly() } });
      await runner.tick();
      later(ms);

      expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
      expect(discord.attempts).toHaveLength(1);
    },
  );

  test('GIVEN a tick running WHEN another tick is asked for before it ends THEN the second does nothing and one post is made', async () => {
    const { discord, runner } = await world({ guilds: { [GUILD]: anniversariesOnly() } });

    const [first, second] = await Promise.all([runner.tick(), runner.tick()]);

    expect(first.posted).toBe(1);
    expect(second).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0, busy: true });
    expect(discord.attempts).toHaveLength(1);
    // And once both have ended, a third finds nothing left.
    expect((await runner.tick()).posted).toBe(0);
    expect(discord.attempts).toHaveLength(1);
  });

  test('GIVEN a post made WHEN the bot restarts (store reopened from its file, a new runner) THEN nothing is posted again', async () => {
    const before = await world({ guilds: { [GUILD]: anniversariesOnly() } });
    await before.runner.tick();
    await before.store.flush();

    const reopened = await openStore(path, recordingLog());
    const after = await world({ store: reopened, at: '2026-02-16T07:03:00.000Z' });

    expect(await after.runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
    expect(after.discord.attempts).toEqual([]);
    expect(reopened.postsFor(GUILD)).toHaveLength(1);
  });

  test('GIVEN a tick in flight WHEN shutdown waits on idle() THEN it resolves only after the post is logged', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const base = fakePoster();
    const slow: Poster = {
      ...base.poster,
      post: async (channelId, body) => {
        await gate;
        return base.poster.post(channelId, body);
      },
    };
    const { store, runner } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
      poster: slow,
    });

    const tick = runner.tick();
    let idle = false;
    const waiting = runner.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(idle).toBe(false);
    release();
    await waiting;

    expect(store.hasPost(GUILD, ANNIVERSARY_KEY)).toBe(true);
    expect((await tick).posted).toBe(1);
  });

  test('GIVEN an admin pauses while a tick posts WHEN the tick goes on THEN the server gets nothing more', async () => {
    const store = await openStore(path, recordingLog());
    const base = fakePoster();
    const pausing: Poster = {
      ...base.poster,
      post: async (channelId, body) => {
        const sent = await base.poster.post(channelId, body);
        // /schedule pause, answered while this tick still has the digest to post.
        await store.updateGuild(GUILD, (current) => ({ ...current, paused: true }));
        return sent;
      },
    };
    const { runner } = await world({
      guilds: { [GUILD]: anniversariesOnly({ digest: { enabled: true, weekday: 1 } }) },
      store,
      poster: pausing,
    });

    expect((await runner.tick()).posted).toBe(1);
    expect(base.sent()).toHaveLength(1);
    expect(store.postsFor(GUILD).map((p) => p.kind)).toEqual(['anniversary']);
  });
});

describe('catch-up after downtime (grace window of 6 hours)', () => {
  test.each([
    ['on time', 0, 'posted'],
    ['5 h 59 min late', 5 * 60 * MINUTE + 59 * MINUTE, 'posted'],
    ['exactly 6 h late', GRACE_MS, 'posted'],
    ['6 h 1 min late', GRACE_MS + MINUTE, 'skipped'],
    ['20 h late', 20 * 60 * MINUTE, 'skipped'],
  ] as const)(
    'GIVEN the bot down when a post came due WHEN it first ticks %s THEN the post is %s',
    async (_, lateMs, status) => {
      const at = new Date(Date.parse(DUE_AT) + lateMs).toISOString();
      const { store, discord, runner, later } = await world({
        guilds: { [GUILD]: anniversariesOnly() },
        at,
      });

      const summary = await runner.tick();

      const [entry, ...rest] = store.postsFor(GUILD);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ key: ANNIVERSARY_KEY, status, at });
      if (status === 'posted') {
        expect(summary.posted).toBe(1);
        expect(discord.attempts).toHaveLength(1);
      } else {
        expect(summary).toEqual({ posted: 0, skipped: 1, failed: 0, blocked: 0 });
        expect(discord.attempts).toEqual([]);
        expect(entry?.messageId).toBeNull();
        expect(entry?.reason).toContain('grace window');
      }
      // Either way the key is settled: the next tick neither posts nor logs it again.
      later(MINUTE);
      expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
      expect(store.postsFor(GUILD)).toHaveLength(1);
    },
  );
});

describe('Discord errors', () => {
  test.each([
    [10003, 404, 'Unknown Channel', 'the channel was deleted'],
    [50001, 403, 'Missing Access', 'the bot can no longer see the channel'],
    [50013, 403, 'Missing Permissions', 'the bot lacks a permission it needs in the channel'],
  ])(
    'GIVEN Discord answers %i WHEN a server posts THEN its schedule is blocked with the reason, its other posts stop, and other servers still post',
    async (code, status, message, reason) => {
      // The first server has an anniversary and a digest due; the second only the anniversary.
      const { store, discord, runner, later } = await world({
        guilds: {
          [GUILD]: anniversariesOnly({ digest: { enabled: true, weekday: 1 } }),
          [OTHER]: anniversariesOnly({ channelId: OTHER_CHANNEL }),
        },
      });
      discord.failNext(
        CHANNEL,
        ...Array.from({ length: 5 }, () => discordError(code, status, message)),
      );

      const summary = await runner.tick();

      expect(summary).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 1 });
      expect(store.getGuild(GUILD)?.blocked).toEqual({ code, reason, since: DUE_AT });
      expect(discord.to(CHANNEL)).toHaveLength(1);
      expect(discord.to(OTHER_CHANNEL).map((a) => a.messageId)).not.toContain(null);
      expect(store.postsFor(GUILD)).toEqual([]);

      later(MINUTE);
      expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
      expect(discord.to(CHANNEL)).toHaveLength(1);
    },
  );

  test.each([
    ['a 503', discordError(0, 503, 'Service Unavailable'), 'Discord answered 503'],
    [
      'a 500 without a code',
      Object.assign(new Error('Internal Server Error'), { status: 500 }),
      'Discord answered 500',
    ],
    ['a 429', discordError(0, 429, 'You are being rate limited.'), 'Discord answered 429'],
    [
      'a reset connection',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      'read ECONNRESET',
    ],
  ])(
    'GIVEN %s on every attempt WHEN the runner ticks THEN it tries on later ticks up to MAX_ATTEMPTS, then logs the post failed',
    async (_, error, reason) => {
      const { store, discord, runner, later } = await world({
        guilds: { [GUILD]: anniversariesOnly() },
      });
      discord.failNext(CHANNEL, ...Array.from({ length: MAX_ATTEMPTS + 2 }, () => error));

      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
        expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 1, blocked: 0 });
        expect(store.postsFor(GUILD)).toEqual([]);
        later(MINUTE);
      }
      expect((await runner.tick()).failed).toBe(1);
      expect(discord.attempts).toHaveLength(MAX_ATTEMPTS);
      expect(store.postsFor(GUILD)).toEqual([
        expect.objectContaining({
          key: ANNIVERSARY_KEY,
          status: 'failed',
          messageId: null,
          reason,
        }),
      ]);
      expect(store.getGuild(GUILD)?.blocked).toBeNull();

      later(MINUTE);
      expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
      expect(discord.attempts).toHaveLength(MAX_ATTEMPTS);
    },
  );

  test('GIVEN a post that failed once WHEN its server is paused THEN its retry count is let go, and counted afresh after resuming', async () => {
    const { store, discord, runner, later } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });
    discord.failNext(CHANNEL, discordError(0, 503, 'Service Unavailable'));
    expect((await runner.tick()).failed).toBe(1);
    expect(runner.retriesPending()).toBe(1);

    await store.updateGuild(GUILD, (current) => ({ ...current, paused: true }));
    later(MINUTE);
    expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
    expect(runner.retriesPending()).toBe(0);

    await store.updateGuild(GUILD, (current) => ({ ...current, paused: false }));
    later(MINUTE);
    expect((await runner.tick()).posted).toBe(1);
    expect(runner.retriesPending()).toBe(0);
  });

  test('GIVEN one passing 503 WHEN the next tick tries again THEN the post is made once, with the same nonce both times', async () => {
    const { store, discord, runner, later } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });
    discord.failNext(CHANNEL, discordError(0, 503, 'Service Unavailable'));

    await runner.tick();
    later(MINUTE);
    expect((await runner.tick()).posted).toBe(1);

    expect(discord.attempts.map((a) => a.body.nonce)).toEqual([
      postNonce(GUILD, ANNIVERSARY_KEY),
      postNonce(GUILD, ANNIVERSARY_KEY),
    ]);
    expect(discord.sent()).toHaveLength(1);
    expect(store.postsFor(GUILD).map((e) => e.status)).toEqual(['posted']);
  });

  test('GIVEN an answer Discord will give again (400 Invalid Form Body) WHEN posting THEN the post is logged failed at once, not retried', async () => {
    const { store, discord, runner, later } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });
    discord.failNext(
      CHANNEL,
      discordError(50035, 400, 'Invalid Form Body'),
      discordError(50035, 400, 'Invalid Form Body'),
    );

    expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 1, blocked: 0 });
    expect(store.postsFor(GUILD)).toEqual([
      expect.objectContaining({ status: 'failed', reason: 'Invalid Form Body' }),
    ]);
    later(MINUTE);
    await runner.tick();
    expect(discord.attempts).toHaveLength(1);
  });

  test('GIVEN one server whose posting throws a non-Discord error WHEN the runner ticks THEN the other server still posts', async () => {
    const { store, discord, runner } = await world({ guilds: twoGuilds() });
    discord.failNext(CHANNEL, new TypeError("Cannot read properties of undefined (reading 'id')"));

    const summary = await runner.tick();

    expect(summary).toEqual({ posted: 1, skipped: 0, failed: 1, blocked: 0 });
    expect(store.hasPost(OTHER, ANNIVERSARY_KEY)).toBe(true);
    expect(store.getGuild(GUILD)?.blocked).toBeNull();
  });

  test('GIVEN one server’s channel answering slowly (a long rate limit) WHEN the runner ticks THEN another server is posted for meanwhile', async () => {
    const { discord, store } = await world({ guilds: twoGuilds() });
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: Poster = {
      ...discord.poster,
      async post(channelId, body) {
        if (channelId === CHANNEL) await held;
        return discord.poster.post(channelId, body);
      },
    };
    const slowRunner = createRunner({
      store,
      data,
      prompts,
      poster: slow,
      log: recordingLog(),
      now: () => new Date(DUE_AT),
      guildIds: () => store.guildIds(),
    });

    const tick = slowRunner.tick();
    await expect.poll(() => discord.to(OTHER_CHANNEL).length).toBe(1);
    expect(discord.to(CHANNEL)).toHaveLength(0);
    release();

    expect((await tick).posted).toBe(2);
    expect(discord.to(CHANNEL)).toHaveLength(1);
  });

  test('GIVEN a bug that throws out of one server’s handling WHEN the runner ticks THEN it is logged and the other server still posts', async () => {
    const base = fakePoster();
    const broken: Poster = {
      ...base.poster,
      post: (channelId, body) =>
        channelId === CHANNEL
          ? Promise.reject(new Error('boom'))
          : base.poster.post(channelId, body),
      classify: () => {
        throw new Error('classify is broken');
      },
    };
    const { store, runner, log } = await world({ guilds: twoGuilds(), poster: broken });

    const summary = await runner.tick();

    expect(summary).toEqual({ posted: 1, skipped: 0, failed: 1, blocked: 0 });
    expect(log.messages).toContain('scheduled post crashed');
    expect(store.hasPost(OTHER, ANNIVERSARY_KEY)).toBe(true);
    expect(store.hasPost(GUILD, ANNIVERSARY_KEY)).toBe(false);
  });
});

describe('prompts and threads', () => {
  const promptsDaily = (overrides: Partial<GuildSettings> = {}) =>
    // Active from today, so yesterday's prompt is not reported missed.
    settings({
      anniversaries: false,
      prompts: 'daily',
      activeSince: '2026-02-16T00:00:00.000Z',
      ...overrides,
    });

  test('GIVEN daily prompts WHEN one is posted THEN a thread is opened on it and the prompt is marked seen', async () => {
    const { store, discord, runner } = await world({ guilds: { [GUILD]: promptsDaily() } });

    expect(await runner.tick()).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0 });

    const [first] = prompts.prompts;
    const [sent] = discord.sent();
    expect(sent?.body.content).toContain(first?.question);
    expect(sent?.body.poll?.answers.map((a) => a.poll_media.text)).toEqual(first?.poll?.answers);
    expect(discord.threads).toEqual([
      {
        channelId: CHANNEL,
        messageId: sent?.messageId,
        thread: expect.objectContaining({ auto_archive_duration: 1440 }) as unknown,
      },
    ]);
    expect(store.getGuild(GUILD)?.promptsSeen).toEqual([first?.id]);
  });

  test('GIVEN a prompt posted yesterday WHEN today’s comes due THEN it is the next prompt of the bank', async () => {
    const { discord, runner, later } = await world({ guilds: { [GUILD]: promptsDaily() } });
    await runner.tick();
    later(24 * 60 * MINUTE);
    await runner.tick();

    expect(discord.sent().map((a) => a.body.content.split('\n')[1])).toEqual([
      prompts.prompts[0]?.question,
      prompts.prompts[1]?.question,
    ]);
  });

  test('GIVEN the bot may not open threads WHEN a prompt is posted THEN the post stands, logged, and the server is not blocked', async () => {
    const { store, discord, runner, log } = await world({ guilds: { [GUILD]: promptsDaily() } });
    discord.failThreads(discordError(50013, 403, 'Missing Permissions'));

    expect(await runner.tick()).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0 });

    expect(discord.threads).toHaveLength(1);
    expect(store.postsFor(GUILD)).toEqual([
      expect.objectContaining({ key: 'prompt:2026-02-16', status: 'posted' }),
    ]);
    expect(store.getGuild(GUILD)?.blocked).toBeNull();
    expect(log.messages).toContain('could not open a thread');
  });
});

describe('a channel where the bot may not create polls', () => {
  test('GIVEN a prompt with a poll refused for Missing Permissions WHEN posted THEN it goes out without the poll, same nonce, and the server is not blocked', async () => {
    const { store, discord, runner, log } = await world({
      guilds: {
        [GUILD]: settings({
          anniversaries: false,
          prompts: 'daily',
          activeSince: '2026-02-16T00:00:00.000Z',
        }),
      },
    });
    discord.refusePolls();

    expect(await runner.tick()).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0 });

    const [refused, accepted, ...more] = discord.attempts;
    expect(more).toEqual([]);
    expect(refused?.body.poll).toBeDefined();
    expect(accepted?.body.poll).toBeUndefined();
    // Without a poll there is nothing to vote on: it invites answers instead.
    expect(refused?.body.content).toContain('Vote, then say why.');
    expect(accepted?.body.content).not.toContain('Vote');
    expect(accepted?.body.content).toContain('What do you think?');
    expect(accepted?.body.embeds).toEqual(refused?.body.embeds);
    expect(accepted?.body.nonce).toBe(refused?.body.nonce);
    expect(store.getGuild(GUILD)?.blocked).toBeNull();
    expect(store.getGuild(GUILD)?.promptsSeen).toEqual([prompts.prompts[0]?.id]);
    expect(store.postsFor(GUILD)).toEqual([
      expect.objectContaining({ status: 'posted', messageId: accepted?.messageId }),
    ]);
    expect(discord.threads.map((t) => t.messageId)).toEqual([accepted?.messageId]);
    expect(log.messages).toContain(
      'posting without the poll: the bot may not create polls in the channel',
    );
  });

  test('GIVEN a prompt refused with and without its poll WHEN posted THEN the server is blocked', async () => {
    const { store, discord, runner } = await world({
      guilds: {
        [GUILD]: settings({
          anniversaries: false,
          prompts: 'daily',
          activeSince: '2026-02-16T00:00:00.000Z',
        }),
      },
    });
    discord.failNext(
      CHANNEL,
      discordError(50013, 403, 'Missing Permissions'),
      discordError(50013, 403, 'Missing Permissions'),
    );

    expect((await runner.tick()).blocked).toBe(1);
    expect(discord.attempts).toHaveLength(2);
    expect(store.getGuild(GUILD)?.blocked?.code).toBe(50013);
  });

  test('GIVEN a post without a poll refused for Missing Permissions WHEN posted THEN it is not tried again: the server is blocked', async () => {
    const { discord, runner } = await world({ guilds: { [GUILD]: anniversariesOnly() } });
    discord.refusePolls();
    discord.failNext(CHANNEL, discordError(50013, 403, 'Missing Permissions'));

    expect((await runner.tick()).blocked).toBe(1);
    expect(discord.attempts).toHaveLength(1);
  });
});

describe('nonces and the servers served', () => {
  test('GIVEN the same server and key WHEN posted by two runners (a crash before the log) THEN the nonce is the same; another server’s differs', async () => {
    const first = await world({ guilds: twoGuilds() });
    // The first process "dies" before logging: Discord failed the post, nothing was recorded.
    first.discord.failNext(CHANNEL, discordError(0, 503, 'Service Unavailable'));
    await first.runner.tick();
    await first.store.flush();

    const second = await world({ store: await openStore(path, recordingLog()) });
    await second.runner.tick();

    const nonceOf = (attempts: Attempt[], channelId: string) =>
      attempts.find((a) => a.channelId === channelId)?.body.nonce;
    expect(nonceOf(second.discord.attempts, CHANNEL)).toBe(
      nonceOf(first.discord.attempts, CHANNEL),
    );
    expect(nonceOf(first.discord.attempts, CHANNEL)).toBe(postNonce(GUILD, ANNIVERSARY_KEY));
    expect(nonceOf(first.discord.attempts, OTHER_CHANNEL)).not.toBe(
      nonceOf(first.discord.attempts, CHANNEL),
    );
    expect(nonceOf(first.discord.attempts, CHANNEL)?.length).toBeLessThanOrEqual(25);
  });

  test('GIVEN two servers in the store WHEN the runner serves only one (a shard) THEN only that one is posted for', async () => {
    const { store, discord, runner } = await world({ guilds: twoGuilds(), serve: [OTHER] });

    expect((await runner.tick()).posted).toBe(1);

    expect(discord.attempts.map((a) => a.channelId)).toEqual([OTHER_CHANNEL]);
    expect(store.postsFor(GUILD)).toEqual([]);
  });

  test('GIVEN a served server id with no settings WHEN the runner ticks THEN it is passed over', async () => {
    const { discord, runner } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
      serve: ['555555555555555555', GUILD],
    });

    expect((await runner.tick()).posted).toBe(1);
    expect(discord.attempts).toHaveLength(1);
  });
});
