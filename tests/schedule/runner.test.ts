import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { classifyPostError } from '../../src/discord/channel-errors.js';
import { blockedReason, stringsFor } from '../../src/i18n/index.js';
import type { PostBody, ThreadSpec } from '../../src/render/posts.js';
import { GRACE_MS, postNonce } from '../../src/schedule/due.js';
import {
  createRunner,
  LEASE_MS,
  MAX_ATTEMPTS,
  NONCE_RETAKE_WINDOW_MS,
  type Poster,
  type TickSummary,
} from '../../src/schedule/runner.js';
import type { GuildSettings } from '../../src/store/domain.js';
import { openMemoryStore } from '../../src/store/memory.js';
import type { LedgerEntry, StorePorts } from '../../src/store/ports.js';
import { openJsonStore, type StoreLog } from '../../src/store/store.js';
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

/** Records each log line's stable `event` field: tests assert on it, not on the wording. */
function recordingLog(): StoreLog & { events: unknown[] } {
  const events: unknown[] = [];
  const push = (obj: object) => void events.push((obj as { event?: unknown }).event);
  return { events, info: push, warn: push, error: push };
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
  /** A store to run on (a reopened file); by default one in memory, on the world's clock. */
  store?: StorePorts;
  poster?: Poster;
  /** The clock, when a test shares it between a store and the world. */
  clock?: { now: Date };
}

/** A store, a fake Discord and a runner with a pinned clock that tests move. */
async function world(options: WorldOptions = {}) {
  const log = recordingLog();
  const clock = options.clock ?? { now: new Date(options.at ?? DUE_AT) };
  const store = options.store ?? openMemoryStore({ now: () => clock.now });
  for (const [id, s] of Object.entries(options.guilds ?? {})) await putSettings(store, id, s);
  const discord = fakePoster();
  const served = options.serve ?? Object.keys(options.guilds ?? {});
  const runner = createRunner({
    store,
    data,
    prompts,
    poster: options.poster ?? discord.poster,
    log,
    now: () => clock.now,
    guildIds: () => (served.length > 0 ? served : [GUILD, OTHER]),
  });
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { store, discord, clock, runner, log, later };
}

async function putSettings(store: StorePorts, id: string, s: GuildSettings): Promise<void> {
  const current = await store.settings.get(id);
  const result = await store.settings.put(id, s, current?.version ?? null);
  expect(result.kind).toBe('written');
}
async function changeSettings(
  store: StorePorts,
  id: string,
  change: (s: GuildSettings) => GuildSettings,
): Promise<void> {
  const current = await store.settings.get(id);
  await putSettings(store, id, change(current!.value));
}
const settingsOf = async (store: StorePorts, id = GUILD) => (await store.settings.get(id))?.value;
/** The guild's settled ledger entries (posted, skipped, failed), newest first. */
const postsFor = async (store: StorePorts, id = GUILD): Promise<LedgerEntry[]> =>
  (await store.ledger.recent(id, 50)).filter((e) => e.state !== 'claimed');
const hasPost = async (store: StorePorts, id: string, key: string) =>
  (await postsFor(store, id)).some((e) => e.key === key);
const openFile = (clock: { now: Date }) =>
  openJsonStore(path, recordingLog(), { now: () => clock.now });

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
    expect(await postsFor(store, GUILD)).toEqual([
      {
        guildId: GUILD,
        kind: 'anniversary',
        key: ANNIVERSARY_KEY,
        localDate: '2026-02-16',
        state: 'posted',
        owner: runner.owner,
        nonce: postNonce(GUILD, ANNIVERSARY_KEY),
        attempts: 1,
        firstClaimedAt: new Date(DUE_AT),
        leaseUntil: null,
        messageId: sent?.messageId,
        reason: null,
        pendingThread: null,
        at: new Date(DUE_AT),
      },
    ]);
    expect(log.events).toContain('posted');
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

  test('GIVEN a tick running WHEN another tick is asked for before it ends THEN the second leaves the server in flight alone and one post is made', async () => {
    const { discord, runner } = await world({ guilds: { [GUILD]: anniversariesOnly() } });

    const [first, second] = await Promise.all([runner.tick(), runner.tick()]);

    expect(first.posted).toBe(1);
    expect(second).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0, inFlight: 1 });
    expect(discord.attempts).toHaveLength(1);
    // And once both have ended, a third finds nothing left.
    expect((await runner.tick()).posted).toBe(0);
    expect(discord.attempts).toHaveLength(1);
  });

  test('GIVEN a post made WHEN the bot restarts (store reopened from its file, a new runner) THEN nothing is posted again', async () => {
    const clock = { now: new Date(DUE_AT) };
    const file = await openFile(clock);
    const before = await world({ guilds: { [GUILD]: anniversariesOnly() }, store: file, clock });
    await before.runner.tick();
    await file.close();

    clock.now = new Date('2026-02-16T07:03:00.000Z');
    const reopened = await openFile(clock);
    const after = await world({ store: reopened, clock });

    expect(await after.runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
    expect(after.discord.attempts).toEqual([]);
    expect(await postsFor(reopened, GUILD)).toHaveLength(1);
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

    expect(await hasPost(store, GUILD, ANNIVERSARY_KEY)).toBe(true);
    expect((await tick).posted).toBe(1);
  });

  test('GIVEN an admin pauses while a tick posts WHEN the tick goes on THEN the server gets nothing more', async () => {
    const store = openMemoryStore({ now: () => new Date(DUE_AT) });
    const base = fakePoster();
    const pausing: Poster = {
      ...base.poster,
      post: async (channelId, body) => {
        const sent = await base.poster.post(channelId, body);
        // /schedule pause, answered while this tick still has the digest to post.
        await changeSettings(store, GUILD, (current) => ({ ...current, paused: true }));
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
    expect((await postsFor(store, GUILD)).map((p) => p.kind)).toEqual(['anniversary']);
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

      const [entry, ...rest] = await postsFor(store, GUILD);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ key: ANNIVERSARY_KEY, state: status, at: new Date(at) });
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
      expect(await postsFor(store, GUILD)).toHaveLength(1);
    },
  );
});

describe('Discord errors', () => {
  test.each([
    [10003, 404, 'Unknown Channel', 'the channel was deleted'],
    [50001, 403, 'Missing Access', 'the bot can no longer see the channel'],
    [50013, 403, 'Missing Permissions', 'the bot lacks a permission it needs in the channel'],
  ])(
    'GIVEN Discord answers %i WHEN a server posts THEN its schedule is blocked with the code (worded as the reason), its other posts stop, and other servers still post',
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
      // The code is stored; the reason is worded from it, in the reader's language (issue 14).
      const blocked = (await settingsOf(store, GUILD))?.blocked;
      expect(blocked).toEqual({ code, since: DUE_AT });
      expect(blockedReason(blocked!.code, stringsFor('en').schedule)).toBe(reason);
      expect(discord.to(CHANNEL)).toHaveLength(1);
      expect(discord.to(OTHER_CHANNEL).map((a) => a.messageId)).not.toContain(null);
      expect(await postsFor(store, GUILD)).toEqual([]);

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
        expect(await postsFor(store, GUILD)).toEqual([]);
        later(MINUTE);
      }
      expect((await runner.tick()).failed).toBe(1);
      expect(discord.attempts).toHaveLength(MAX_ATTEMPTS);
      expect(await postsFor(store, GUILD)).toEqual([
        expect.objectContaining({
          key: ANNIVERSARY_KEY,
          state: 'failed',
          messageId: null,
          reason,
        }),
      ]);
      expect((await settingsOf(store, GUILD))?.blocked).toBeNull();

      later(MINUTE);
      expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
      expect(discord.attempts).toHaveLength(MAX_ATTEMPTS);
    },
  );

  test('GIVEN a post that failed once WHEN its server is paused and later resumed THEN its count is kept in the ledger and it is posted on the next attempt', async () => {
    const { store, discord, runner, later } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });
    discord.failNext(CHANNEL, discordError(0, 503, 'Service Unavailable'));
    expect((await runner.tick()).failed).toBe(1);
    expect(await store.ledger.recent(GUILD, 5)).toEqual([
      expect.objectContaining({ state: 'claimed', owner: null, attempts: 1, leaseUntil: null }),
    ]);
    // Nothing is held in the runner's memory between ticks.
    expect(runner.inFlight()).toBe(0);

    await changeSettings(store, GUILD, (current) => ({ ...current, paused: true }));
    later(MINUTE);
    expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });

    await changeSettings(store, GUILD, (current) => ({ ...current, paused: false }));
    later(MINUTE);
    expect((await runner.tick()).posted).toBe(1);
    expect(await postsFor(store)).toEqual([
      expect.objectContaining({ state: 'posted', attempts: 2 }),
    ]);
  });

  test('GIVEN a post that failed twice WHEN the bot restarts (a new runner on the reopened file) THEN the count goes on: the third failure gives it up', async () => {
    const clock = { now: new Date(DUE_AT) };
    const file = await openFile(clock);
    const first = await world({ guilds: { [GUILD]: anniversariesOnly() }, store: file, clock });
    const unavailable = () => discordError(0, 503, 'Service Unavailable');
    first.discord.failNext(CHANNEL, unavailable(), unavailable());
    await first.runner.tick();
    first.later(MINUTE);
    await first.runner.tick();
    await file.close();

    first.later(MINUTE);
    const reopened = await openFile(clock);
    const second = await world({ store: reopened, clock });
    second.discord.failNext(CHANNEL, unavailable());
    expect(await second.runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 1, blocked: 0 });
    expect(first.discord.attempts.length + second.discord.attempts.length).toBe(MAX_ATTEMPTS);
    expect(await postsFor(reopened)).toEqual([
      expect.objectContaining({ state: 'failed', attempts: MAX_ATTEMPTS }),
    ]);
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
    expect((await postsFor(store, GUILD)).map((e) => e.state)).toEqual(['posted']);
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
    expect(await postsFor(store, GUILD)).toEqual([
      expect.objectContaining({ state: 'failed', reason: 'Invalid Form Body' }),
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
    expect(await hasPost(store, OTHER, ANNIVERSARY_KEY)).toBe(true);
    expect((await settingsOf(store, GUILD))?.blocked).toBeNull();
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
      guildIds: () => [GUILD, OTHER],
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
    expect(log.events).toContain('post-crashed');
    expect(await hasPost(store, OTHER, ANNIVERSARY_KEY)).toBe(true);
    expect(await hasPost(store, GUILD, ANNIVERSARY_KEY)).toBe(false);
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
    expect(sent?.body.content).toContain(first?.question.en);
    expect(sent?.body.poll?.answers.map((a) => a.poll_media.text)).toEqual(first?.poll?.answers.en);
    expect(discord.threads).toEqual([
      {
        channelId: CHANNEL,
        messageId: sent?.messageId,
        thread: expect.objectContaining({ auto_archive_duration: 1440 }) as unknown,
      },
    ]);
    expect((await settingsOf(store, GUILD))?.promptsSeen).toEqual([first?.id]);
  });

  test('GIVEN a prompt posted yesterday WHEN today’s comes due THEN it is the next prompt of the bank', async () => {
    const { discord, runner, later } = await world({ guilds: { [GUILD]: promptsDaily() } });
    await runner.tick();
    later(24 * 60 * MINUTE);
    await runner.tick();

    expect(discord.sent().map((a) => a.body.content.split('\n')[1])).toEqual([
      prompts.prompts[0]?.question.en,
      prompts.prompts[1]?.question.en,
    ]);
  });

  test('GIVEN the bot may not open threads WHEN a prompt is posted THEN the post stands, logged, and the server is not blocked', async () => {
    const { store, discord, runner, log } = await world({ guilds: { [GUILD]: promptsDaily() } });
    discord.failThreads(discordError(50013, 403, 'Missing Permissions'));

    expect(await runner.tick()).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0 });

    expect(discord.threads).toHaveLength(1);
    expect(await postsFor(store, GUILD)).toEqual([
      expect.objectContaining({ key: 'prompt:2026-02-16', state: 'posted' }),
    ]);
    expect((await settingsOf(store, GUILD))?.blocked).toBeNull();
    expect(log.events).toContain('thread-failed');
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
    expect((await settingsOf(store, GUILD))?.blocked).toBeNull();
    expect((await settingsOf(store, GUILD))?.promptsSeen).toEqual([prompts.prompts[0]?.id]);
    expect(await postsFor(store, GUILD)).toEqual([
      expect.objectContaining({ state: 'posted', messageId: accepted?.messageId }),
    ]);
    expect(discord.threads.map((t) => t.messageId)).toEqual([accepted?.messageId]);
    expect(log.events).toContain('poll-dropped');
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
    expect((await settingsOf(store, GUILD))?.blocked?.code).toBe(50013);
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
    const clock = { now: new Date(DUE_AT) };
    const file = await openFile(clock);
    const first = await world({ guilds: twoGuilds(), store: file, clock });
    // Discord failed the first process's post; then that process stopped.
    first.discord.failNext(CHANNEL, discordError(0, 503, 'Service Unavailable'));
    await first.runner.tick();
    await file.close();

    const second = await world({ store: await openFile(clock), clock });
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
    expect(await postsFor(store, GUILD)).toEqual([]);
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

/** A poster whose posts to `channelId` wait until released; other channels answer at once. */
function gatedPoster(base: ReturnType<typeof fakePoster>, channelId: string) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const poster: Poster = {
    ...base.poster,
    async post(channel, body) {
      if (channel === channelId) await gate;
      return base.poster.post(channel, body);
    },
  };
  return { poster, release: () => release() };
}

describe('one server stalled does not hold up the others', () => {
  test('GIVEN one server’s post held by a long rate limit WHEN later wake-ups come THEN another server’s later post goes out on time, and the held one once released', async () => {
    const base = fakePoster();
    const gated = gatedPoster(base, CHANNEL);
    const { runner, later, store } = await world({
      guilds: {
        [GUILD]: anniversariesOnly(),
        // Due a minute later than the first.
        [OTHER]: anniversariesOnly({ channelId: OTHER_CHANNEL, minute: 1 }),
      },
      poster: gated.poster,
    });

    const first = runner.tick();
    await expect.poll(() => runner.inFlight()).toBe(1);
    later(MINUTE);
    const second = await runner.tick();

    expect(second).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0, inFlight: 1 });
    expect(base.to(OTHER_CHANNEL).map((a) => a.messageId)).not.toContain(null);
    expect(base.to(CHANNEL)).toEqual([]);
    gated.release();
    expect((await first).posted).toBe(1);
    expect(await hasPost(store, GUILD, ANNIVERSARY_KEY)).toBe(true);
  });

  test('GIVEN one server stalled past the grace window WHEN wake-ups go on THEN the other server’s posts are posted, not skipped, and the stalled server’s next post is never sent late', async () => {
    const base = fakePoster();
    const gated = gatedPoster(base, CHANNEL);
    const { runner, later, store } = await world({
      guilds: {
        // An anniversary and a digest, one after the other.
        [GUILD]: anniversariesOnly({ digest: { enabled: true, weekday: 1 } }),
        [OTHER]: anniversariesOnly({ channelId: OTHER_CHANNEL, hour: 12 }),
      },
      poster: gated.poster,
    });

    const stalled = runner.tick();
    await expect.poll(() => runner.inFlight()).toBe(1);
    // 12:00 in Kyiv: the other server's post comes due while the first is still stalled.
    later(3 * 60 * MINUTE);
    expect((await runner.tick()).posted).toBe(1);
    // Seven hours on, the first server's stall ends.
    later(4 * 60 * MINUTE);
    expect((await runner.tick()).skipped).toBe(0);
    gated.release();
    const summary = await stalled;

    // Its anniversary had been sent on time, so it is recorded; the digest, due at 09:00 too,
    // would now go out 7 h late: skipped instead.
    expect(summary).toEqual({ posted: 1, skipped: 1, failed: 0, blocked: 0 });
    expect(base.to(CHANNEL)).toHaveLength(1);
    expect((await postsFor(store, OTHER)).map((e) => e.state)).toEqual(['posted']);
    const digest = (await postsFor(store, GUILD)).find((e) => e.kind === 'digest');
    expect(digest).toMatchObject({ state: 'skipped', messageId: null });
    expect(digest?.reason).toContain('grace window');
  });
});

describe('shutdown (drain)', () => {
  test('GIVEN a post in flight and another server waiting for a slot WHEN drained THEN no new post starts, the one in flight is recorded, and later ticks do nothing', async () => {
    const base = fakePoster();
    const gated = gatedPoster(base, CHANNEL);
    const log = recordingLog();
    const store = openMemoryStore({ now: () => new Date(DUE_AT) });
    for (const [id, s] of Object.entries(twoGuilds())) await putSettings(store, id, s);
    const runner = createRunner({
      store,
      data,
      prompts,
      poster: gated.poster,
      log,
      now: () => new Date(DUE_AT),
      guildIds: () => [GUILD, OTHER],
      concurrency: 1,
    });

    const tick = runner.tick();
    // Both servers taken on: the first posting (held), the second waiting for the one slot.
    await expect.poll(() => runner.inFlight()).toBe(2);
    let drained = false;
    const draining = runner.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(drained).toBe(false);
    gated.release();
    await draining;

    expect(await tick).toEqual({ posted: 1, skipped: 0, failed: 0, blocked: 0 });
    expect(base.sent().map((a) => a.channelId)).toEqual([CHANNEL]);
    expect(await hasPost(store, GUILD, ANNIVERSARY_KEY)).toBe(true);
    // The second server's post never started: no claim, nothing recorded, due on the next start.
    expect(await store.ledger.recent(OTHER, 5)).toEqual([]);
    expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
    expect(base.attempts).toHaveLength(1);
  });
});

describe('a thread left pending', () => {
  const promptsDaily = settings({
    anniversaries: false,
    prompts: 'daily',
    activeSince: '2026-02-16T00:00:00.000Z',
  });

  test('GIVEN a prompt recorded but its thread not opened (a passing error) WHEN the bot starts again THEN the thread is opened on the first tick, once', async () => {
    const clock = { now: new Date(DUE_AT) };
    const file = await openFile(clock);
    const before = await world({ guilds: { [GUILD]: promptsDaily }, store: file, clock });
    before.discord.failThreads(discordError(0, 503, 'Service Unavailable'));
    expect((await before.runner.tick()).posted).toBe(1);
    const [sent] = before.discord.sent();
    expect(await file.ledger.pendingThreads([GUILD])).toEqual([
      expect.objectContaining({ key: 'prompt:2026-02-16', messageId: sent?.messageId }),
    ]);
    await file.close();

    before.later(MINUTE);
    const reopened = await openFile(clock);
    const after = await world({ store: reopened, clock });
    expect(await after.runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
    expect(after.discord.threads).toEqual([
      {
        channelId: CHANNEL,
        messageId: sent?.messageId,
        thread: expect.objectContaining({ auto_archive_duration: 1440 }) as unknown,
      },
    ]);
    expect(after.discord.attempts).toEqual([]);
    expect(await reopened.ledger.pendingThreads([GUILD])).toEqual([]);
    after.later(MINUTE);
    await after.runner.tick();
    expect(after.discord.threads).toHaveLength(1);
  });
});

describe('claims in the ledger', () => {
  /** What a process that died after claiming (maybe after sending) leaves behind. */
  async function deadClaim(store: StorePorts): Promise<void> {
    const result = await store.ledger.claim({
      guildId: GUILD,
      key: ANNIVERSARY_KEY,
      kind: 'anniversary',
      localDate: '2026-02-16',
      nonce: postNonce(GUILD, ANNIVERSARY_KEY),
      owner: 'a-process-that-died',
      leaseMs: LEASE_MS,
      retakeWindowMs: NONCE_RETAKE_WINDOW_MS,
    });
    expect(result.kind).toBe('claimed');
  }

  test('GIVEN a claim left by a process that died WHEN ticks come THEN nothing is sent while its lease lives; after it, the post is sent once with the same nonce', async () => {
    const { store, discord, runner, later, log } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });
    await deadClaim(store);

    later(LEASE_MS / 2);
    expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
    expect(discord.attempts).toEqual([]);

    later(LEASE_MS);
    expect((await runner.tick()).posted).toBe(1);
    expect(discord.attempts.map((a) => a.body.nonce)).toEqual([postNonce(GUILD, ANNIVERSARY_KEY)]);
    expect(await postsFor(store)).toEqual([
      expect.objectContaining({ state: 'posted', attempts: 2, owner: runner.owner }),
    ]);
    expect(log.events).toContain('post-retaken');
  });

  test('GIVEN a claim left by a process that died WHEN the bot is back only after the nonce window THEN the post is recorded skipped, outcome unknown: never a second or late message', async () => {
    const { store, discord, runner, later } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
    });
    await deadClaim(store);

    later(NONCE_RETAKE_WINDOW_MS + MINUTE);
    expect(await runner.tick()).toEqual({ posted: 0, skipped: 1, failed: 0, blocked: 0 });
    expect(discord.attempts).toEqual([]);
    const [entry] = await postsFor(store);
    expect(entry).toMatchObject({ state: 'skipped', messageId: null });
    expect(entry?.reason).toMatch(/outcome unknown/);
    later(MINUTE);
    expect(await runner.tick()).toEqual({ posted: 0, skipped: 0, failed: 0, blocked: 0 });
  });

  test('GIVEN two runners (two processes) on one store WHEN both tick at once THEN each post is sent once', async () => {
    const clock = { now: new Date(DUE_AT) };
    const store = openMemoryStore({ now: () => clock.now });
    const guilds = {
      ...twoGuilds(),
      ['555555555555555555']: anniversariesOnly({ channelId: '666666666666666666' }),
    };
    const a = await world({ guilds, store, clock });
    const b = await world({ guilds, store, clock });

    const summaries: TickSummary[] = await Promise.all([a.runner.tick(), b.runner.tick()]);

    expect(summaries.reduce((sum, s) => sum + s.posted, 0)).toBe(3);
    expect(a.discord.sent().length + b.discord.sent().length).toBe(3);
    const channels = [...a.discord.sent(), ...b.discord.sent()].map((s) => s.channelId).sort();
    expect(channels).toEqual([CHANNEL, OTHER_CHANNEL, '666666666666666666'].sort());
  });

  test('GIVEN outcomes WHEN posts are made, retried and skipped THEN the onOutcome hook hears each', async () => {
    const heard: string[] = [];
    const store = openMemoryStore({ now: () => new Date(DUE_AT) });
    for (const [id, s] of Object.entries(twoGuilds())) await putSettings(store, id, s);
    const discord = fakePoster();
    discord.failNext(CHANNEL, discordError(0, 503, 'Service Unavailable'));
    const runner = createRunner({
      store,
      data,
      prompts,
      poster: discord.poster,
      log: recordingLog(),
      now: () => new Date(DUE_AT),
      guildIds: () => [GUILD, OTHER],
      onOutcome: (kind, outcome) => heard.push(`${kind}:${outcome}`),
    });
    await runner.tick();
    expect(heard.sort()).toEqual(['anniversary:posted', 'anniversary:retry']);
  });

  test('GIVEN ticks over hours WHEN the runner runs THEN it prunes the ledger at most once an hour, with the retention', async () => {
    const clock = { now: new Date(DUE_AT) };
    const memory = openMemoryStore({ now: () => clock.now });
    const cuts: Date[] = [];
    const store: StorePorts = {
      ...memory,
      ledger: {
        ...memory.ledger,
        prune: (before) => {
          cuts.push(before);
          return memory.ledger.prune(before);
        },
      },
    };
    const { runner, later } = await world({
      guilds: { [GUILD]: anniversariesOnly() },
      store,
      clock,
    });
    await runner.tick();
    later(30 * MINUTE);
    await runner.tick();
    later(31 * MINUTE);
    await runner.tick();
    expect(cuts.map((c) => c.toISOString())).toEqual([
      '2026-02-02T07:00:00.000Z',
      '2026-02-02T08:01:00.000Z',
    ]);
  });
});
