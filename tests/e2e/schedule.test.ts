import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import promptBank from '../../src/data/prompts.json' with { type: 'json' };
import { RATE_LIMIT_EVENT } from '../../src/discord/rate-limits.js';
import { MAX_ATTEMPTS } from '../../src/schedule/runner.js';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, LOG_LEVEL, startBot } from './bot/bot-process.js';
import {
  botsOnOneStore,
  ANNIVERSARY_DUE,
  ANNIVERSARY_KEY,
  EVERY_SECOND,
  adminSchedule,
  embedText,
  postsTo,
  readStoreFile,
  setupOptions,
  shifted,
  sleep,
  unixSeconds,
} from './bot/schedule.js';
import {
  EPHEMERAL,
  callbacksFor,
  canPing,
  customIds,
  finalAnswer,
  messageOf,
  roundTrip,
} from './bot/wire.js';
import type { EmulatorHandle, RecordedCallback, StoredMessage } from './emulator/index.js';
import { CallbackType, DEFAULT_CHANNELS, startEmulator } from './emulator/index.js';

/*
 * /schedule and /discuss against the real bot process (tests/e2e/bot.test.ts leaves them out of
 * its command cases: they are covered here). Shutdown under SIGTERM is in shutdown.test.ts.
 */

/**
 * How far before 09:00 Kyiv the bot's clock starts. Start-up (tsx compiling the bot) takes a few
 * seconds on a busy machine and every setup must land before the post is due; a test
 * checks that they did, so a slow start fails loudly instead of looking like a missed post.
 */
const LEAD_MS = 20_000;
/** After the posts, this many more seconds of ticks must bring nothing new. */
const WATCH_MS = 3_000;

/** One request as discord.js makes it on 5xx: the first try and its 3 retries. */
const DISCORD_JS_TRIES = 4;

const GERMANY_AND_FRANCE = /Germany[\s\S]*France|France[\s\S]*Germany/;

function isEphemeral(callback: RecordedCallback): boolean {
  return ((messageOf(callback).flags ?? 0) & EPHEMERAL) === EPHEMERAL;
}

/** The request body of a create-message call, as the bot put it on the wire. */
function bodyOf(request: { body: unknown }): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}

/** The servers of the first run, by what happens to them. */
const G = {
  /** Posts normally, with daily prompts and the digest on Tuesdays. */
  normal: 0,
  /** Pings a role; its post meets a 429. */
  pinging: 1,
  /** Its channel is deleted before the post is due. */
  deleted: 2,
  /** No schedule: /discuss and a refused non-admin setup. */
  unscheduled: 3,
  /** Its post meets one request's worth of 502s. */
  flaky: 4,
  /** Its post meets nothing but 502s. */
  failing: 5,
  /** Daily prompts in a channel where the bot may not create polls. */
  noPolls: 6,
  /** The bot loses View Channel before the post is due. */
  lostView: 7,
  /** The bot loses Send Messages before the post is due. */
  lostSend: 8,
} as const;

describe('GIVEN the real bot waking every second, its clock 20 s before 09:00 in Kyiv on 2027-02-16 (Germany and France signed on 16 Feb 2024), and nine servers', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;
  const channel = (guildIndex: number) =>
    handle.channel(DEFAULT_CHANNELS.general, handle.guild(guildIndex).id).id;
  const setups = new Map<number, RecordedCallback>();
  let setGuild0: RecordedCallback;
  const pingRoleId = () => handle.guild(G.pinging).roles.find((r) => r.name === 'Admin')!.id;

  beforeAll(async () => {
    handle = await startEmulator({
      token: FAKE_TOKEN,
      guildCount: Object.keys(G).length,
      heartbeatIntervalMs: 1_000,
    });
    bot = await startBot({
      apiUrl: handle.restUrl,
      env: { BOT_CLOCK_START: shifted(ANNIVERSARY_DUE, -LEAD_MS), SCHEDULE_CRON: EVERY_SECOND },
    });
    // Everything before the posts are due: the setups, then the settings and faults above.
    const denyBot = (g: number, bits: bigint) => {
      const botRole = handle.guild(g).roles.find((r) => r.name === 'Bot')!;
      handle.setOverwrites(channel(g), [{ id: botRole.id, type: 'role', allow: 0n, deny: bits }]);
    };
    denyBot(G.noPolls, PermissionFlagsBits.SendPolls);
    const scheduled = Object.values(G).filter((g) => g !== G.unscheduled);
    const replies = await Promise.all(
      scheduled.map((g) =>
        roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(channel(g)), g)),
      ),
    );
    scheduled.forEach((g, i) => setups.set(g, replies[i]!));
    setGuild0 = await roundTrip(
      handle,
      adminSchedule(handle, 'set', { prompts: 'daily', digest_day: '2' }, G.normal),
    );
    await roundTrip(handle, adminSchedule(handle, 'set', { prompts: 'daily' }, G.noPolls));
    const setPing = await roundTrip(
      handle,
      adminSchedule(
        handle,
        'set',
        { ping_role: { type: ApplicationCommandOptionType.Role, value: pingRoleId() } },
        G.pinging,
      ),
    );
    expect(messageOf(setPing).content).toContain('Schedule saved.');
    handle.faults.rateLimit({
      method: 'POST',
      path: `/channels/${channel(G.pinging)}/messages`,
      retryAfterSeconds: 0.5,
    });
    handle.deleteChannel(channel(G.deleted));
    denyBot(G.lostView, PermissionFlagsBits.ViewChannel);
    denyBot(G.lostSend, PermissionFlagsBits.SendMessages);
    // discord.js sends a request up to 1 + 3 times on 5xx: 4 fail one runner attempt, 12 all three.
    const serverErrors = (g: number, count: number) =>
      handle.faults.serverError({
        method: 'POST',
        path: `/channels/${channel(g)}/messages`,
        count,
      });
    serverErrors(G.flaky, DISCORD_JS_TRIES);
    serverErrors(G.failing, DISCORD_JS_TRIES * MAX_ATTEMPTS);
  }, 40_000);

  afterAll(async () => {
    await bot?.stop();
    await handle?.close();
  });

  test('WHEN a member without Manage Server runs /schedule setup THEN only they see a refusal, and nothing is saved', async () => {
    const guild = handle.guild(G.unscheduled);
    const callback = await roundTrip(
      handle,
      handle.interactions.slash({
        name: 'schedule',
        subcommand: 'setup',
        options: setupOptions(channel(G.unscheduled)),
        guildId: guild.id,
      }),
    );
    expect(callback).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
    expect(isEphemeral(callback)).toBe(true);
    expect(messageOf(callback).content).toContain('Manage Server');
    expect(readStoreFile(bot.storePath).guilds[guild.id]).toBeUndefined();
  });

  test('WHEN an admin sets up in a channel the bot cannot see THEN only they are asked for View Channel, and nothing is saved', async () => {
    const guild = handle.guild(G.unscheduled);
    const botRole = guild.roles.find((r) => r.name === 'Bot')!;
    const hidden = handle.createChannel('hidden', {
      guildId: guild.id,
      overwrites: [
        { id: botRole.id, type: 'role', allow: 0n, deny: PermissionFlagsBits.ViewChannel },
      ],
    });
    const callback = await roundTrip(
      handle,
      adminSchedule(handle, 'setup', setupOptions(hidden.id), G.unscheduled),
    );
    expect(isEphemeral(callback)).toBe(true);
    expect(messageOf(callback).content).toBe(
      `I can’t post in <#${hidden.id}> yet. Give me these permissions there, then run the setup again: **View Channel**.`,
    );
    // The bot keeps no channels (src/discord/cache.ts): it asked Discord, which refused it.
    const asked = handle.requests.filter(
      (r) => r.method === 'GET' && r.path === `/channels/${hidden.id}`,
    );
    expect(asked.map((r) => r.status)).toEqual([403]);
    expect(readStoreFile(bot.storePath).guilds[guild.id]).toBeUndefined();
  });

  test('WHEN an admin runs /schedule setup before 09:00 THEN only they see "saved", with the next anniversary at 07:00Z today', () => {
    for (const callback of setups.values()) {
      expect(callback).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
      expect(isEphemeral(callback)).toBe(true);
      const message = messageOf(callback);
      expect(message.content).toContain('Schedule saved.');
      // The proof that setup came before the post was due: after it, the next would be in 2028.
      expect(
        embedText(message.embeds?.[0]),
        `setup must land before 09:00 Kyiv; the bot was ready ${Math.round(bot.readyAfterMs)} ms after spawn`,
      ).toContain(`**Anniversaries**: next <t:${unixSeconds(ANNIVERSARY_DUE)}:R>`);
      expect(canPing(message)).toBe(false);
    }
    // Where the bot may post but not create polls, setup says posts go out without them.
    expect(messageOf(setups.get(G.noPolls)!).content).toContain(
      'Posts will go out, but without threads or polls until I also have: **Create Polls**.',
    );
    expect(messageOf(setups.get(G.normal)!).content).toBe('Schedule saved.');
    expect(isEphemeral(setGuild0)).toBe(true);
    const settings = embedText(messageOf(setGuild0).embeds?.[0]);
    expect(settings).toContain(
      `**Weekly digest** (on Tuesdays): next <t:${unixSeconds(ANNIVERSARY_DUE)}:R>`,
    );
    expect(settings).toContain(
      `**Discussion prompts** (daily): next <t:${unixSeconds(ANNIVERSARY_DUE)}:R>`,
    );
  });

  test(
    'WHEN 09:00 passes THEN the anniversary lands once, naming Germany and France, with no pings, a nonce and enforce_nonce, and later ticks post nothing more',
    async () => {
      await handle.waitFor(
        () =>
          postsTo(handle, channel(G.normal)).filter((r) => r.status === 200).length >= 3 &&
          postsTo(handle, channel(G.pinging)).some((r) => r.status === 200) &&
          [G.deleted, G.lostView, G.lostSend].every(
            (g) => postsTo(handle, channel(g)).length > 0,
          ) &&
          postsTo(handle, channel(G.flaky)).some((r) => r.status === 200) &&
          postsTo(handle, channel(G.failing)).length >= DISCORD_JS_TRIES * MAX_ATTEMPTS &&
          postsTo(handle, channel(G.noPolls)).length >= 2,
        LEAD_MS + 15_000,
        'the scheduled posts of all three servers',
      );
      await sleep(WATCH_MS);

      const requests = postsTo(handle, channel(G.normal));
      const anniversaries = requests.filter((r) =>
        GERMANY_AND_FRANCE.test(String(bodyOf(r).content)),
      );
      expect(anniversaries).toHaveLength(1);
      expect(anniversaries[0]!.status).toBe(200);
      const body = bodyOf(anniversaries[0]!);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.enforce_nonce).toBe(true);
      expect(typeof body.nonce).toBe('string');
      expect(String(body.nonce).length).toBeGreaterThan(0);
      expect(String(body.nonce).length).toBeLessThanOrEqual(25);
      expect(String(body.content)).toContain('3 years ago today');

      const stored = handle
        .channelMessages(channel(G.normal))
        .filter((m) => GERMANY_AND_FRANCE.test(m.content));
      expect(stored).toHaveLength(1);

      const entry = readStoreFile(bot.storePath).ledger.find(
        (p) => p.guildId === handle.guild(G.normal).id && p.key === ANNIVERSARY_KEY,
      );
      expect(entry).toMatchObject({ state: 'posted', messageId: stored[0]!.id });
      // Posted at 09:00 Kyiv, not before, and within a few ticks of it.
      expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(Date.parse(ANNIVERSARY_DUE));
      expect(Date.parse(entry!.at)).toBeLessThan(Date.parse(ANNIVERSARY_DUE) + 10_000);
    },
    LEAD_MS + 30_000,
  );

  test('WHEN the digest is on Tuesdays THEN the weekly digest lands once too, without a thread', () => {
    const digests = handle
      .channelMessages(channel(G.normal))
      .filter((m) => m.content.includes('Weekly digest'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.allowedMentions).toEqual({ parse: [] });
    expect(handle.threads.filter((t) => t.messageId === digests[0]!.id)).toEqual([]);
  });

  test('WHEN prompts are daily THEN one prompt from the bank lands too, once, with a thread on it and its poll', () => {
    const requests = postsTo(handle, channel(G.normal));
    // Anniversary, digest and prompt, each sent once: a repeat would show here even if the
    // nonce made Discord return the first message.
    expect(requests.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(requests.map((r) => bodyOf(r).nonce)).size).toBe(3);
    const prompts = handle
      .channelMessages(channel(G.normal))
      .filter((m) => m.content.includes('Discussion prompt'));
    expect(prompts).toHaveLength(1);
    const message: StoredMessage = prompts[0]!;
    const prompt = promptBank.find((p) => message.content.includes(p.question.en));
    expect(prompt, message.content).toBeDefined();
    expect(message.allowedMentions).toEqual({ parse: [] });

    const threads = handle.threads.filter((t) => t.parentId === channel(G.normal));
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ messageId: message.id, autoArchiveDuration: 1440 });
    expect(threads[0]!.name.length).toBeLessThanOrEqual(100);

    if (prompt!.poll) {
      const poll = message.poll as {
        question: { text: string };
        answers: { poll_media: { text: string } }[];
      };
      expect(poll.question.text).toBe(prompt!.question.en);
      expect(poll.answers.map((a) => a.poll_media.text)).toEqual(prompt!.poll.answers.en);
    } else {
      expect(message.poll).toBeNull();
    }
  });

  test('WHEN the post meets a 429 THEN discord.js waits it out and the anniversary is delivered exactly once, pinging only the chosen role', () => {
    const requests = postsTo(handle, channel(G.pinging));
    expect(requests.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate-limit'],
      [200, null],
    ]);
    expect(bodyOf(requests[1]!).nonce).toBe(bodyOf(requests[0]!).nonce);
    const messages = handle.channelMessages(channel(G.pinging));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content.startsWith(`<@&${pingRoleId()}> `)).toBe(true);
    expect(messages[0]!.allowedMentions).toEqual({ parse: [], roles: [pingRoleId()] });
    const entry = readStoreFile(bot.storePath).ledger.find(
      (p) => p.guildId === handle.guild(G.pinging).id && p.key === ANNIVERSARY_KEY,
    );
    expect(entry).toMatchObject({ state: 'posted' });
    // The one 429 of the run is logged as Discord's, once, with its route and wait.
    const limited = bot.logs().filter((r) => r.event === RATE_LIMIT_EVENT.discord);
    expect(limited).toEqual([
      expect.objectContaining({
        level: LOG_LEVEL.warn,
        route: '/channels/:id/messages',
        retryAfterMs: 500,
      }),
    ]);
  });

  test.each<[string, keyof typeof G, number, number, string]>([
    ['the channel was deleted', 'deleted', 404, 10003, 'the channel was deleted'],
    ['the bot lost View Channel', 'lostView', 403, 50001, 'the bot can no longer see the channel'],
    [
      'the bot lost Send Messages',
      'lostSend',
      403,
      50013,
      'the bot lacks a permission it needs in the channel',
    ],
  ])(
    'WHEN %s before 09:00 THEN one attempt (%i/%i), the schedule is blocked, later ticks try no more, and /schedule status says why',
    async (_label, key, httpStatus, code, reason) => {
      const guildId = handle.guild(G[key]).id;
      expect(postsTo(handle, channel(G[key])).map((r) => r.status)).toEqual([httpStatus]);
      const saved = readStoreFile(bot.storePath);
      // Stored as the code alone, worded at render time (issue 14): no English prose in the store.
      const blocked = saved.guilds[guildId]?.blocked;
      expect(blocked).toMatchObject({ code });
      expect(Object.keys(blocked ?? {}).sort()).toEqual(['code', 'since']);
      // Nothing settled: the one claim was let go (no owner), for nothing was posted.
      const entries = saved.ledger.filter((p) => p.guildId === guildId);
      expect(entries.map((p) => [p.state, p.owner])).toEqual([['claimed', null]]);

      const status = await roundTrip(handle, adminSchedule(handle, 'status', {}, G[key]));
      expect(status).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
      expect(isEphemeral(status)).toBe(true);
      const text = embedText(messageOf(status).embeds?.[0]);
      expect(text).toContain('⛔ stopped');
      expect(text).toContain(reason);
      expect(text).toContain('/schedule resume');
      // Still one attempt after the ticks that ran while status was asked for.
      expect(postsTo(handle, channel(G[key]))).toHaveLength(1);
      expect(
        bot.logs().filter((r) => r.msg === 'schedule blocked' && r.guildId === guildId),
      ).toHaveLength(1);
    },
  );

  test('WHEN a post meets 502s on one tick THEN the next tick posts it: delivered exactly once', () => {
    const statuses = postsTo(handle, channel(G.flaky)).map((r) => r.status);
    expect(statuses).toEqual([...Array<number>(DISCORD_JS_TRIES).fill(502), 200]);
    expect(handle.channelMessages(channel(G.flaky))).toHaveLength(1);
    const entry = readStoreFile(bot.storePath).ledger.find(
      (p) => p.guildId === handle.guild(G.flaky).id && p.key === ANNIVERSARY_KEY,
    );
    expect(entry).toMatchObject({ state: 'posted' });
  });

  test(`WHEN a post meets nothing but 502s THEN it is tried on ${MAX_ATTEMPTS} ticks, then logged as failed and tried no more; the schedule keeps running`, async () => {
    expect(postsTo(handle, channel(G.failing))).toHaveLength(DISCORD_JS_TRIES * MAX_ATTEMPTS);
    expect(handle.channelMessages(channel(G.failing))).toEqual([]);
    const guildId = handle.guild(G.failing).id;
    const saved = readStoreFile(bot.storePath);
    expect(saved.ledger.filter((p) => p.guildId === guildId)).toEqual([
      expect.objectContaining({ key: ANNIVERSARY_KEY, state: 'failed', messageId: null }),
    ]);
    expect(saved.guilds[guildId]?.blocked).toBeNull();
    const status = await roundTrip(handle, adminSchedule(handle, 'status', {}, G.failing));
    const text = embedText(messageOf(status).embeds?.[0]);
    expect(text).toMatch(/Anniversaries, <t:\d+:R>: failed/);
    expect(text).toContain('✅ running');
  });

  test('WHEN the bot may not create polls in the channel THEN, as setup said, the prompt goes out without its poll (with its thread) and the schedule is not blocked', () => {
    const guildId = handle.guild(G.noPolls).id;
    const saved = readStoreFile(bot.storePath);
    expect(saved.guilds[guildId]?.blocked).toBeNull();
    expect(
      saved.ledger
        .filter((p) => p.guildId === guildId)
        .map((p) => [p.key, p.state])
        .sort(),
    ).toEqual([
      [ANNIVERSARY_KEY, 'posted'],
      ['prompt:2027-02-16', 'posted'],
    ]);
    const prompts = handle
      .channelMessages(channel(G.noPolls))
      .filter((m) => m.content.includes('Discussion prompt'));
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.poll).toBeNull();
    expect(handle.threads.filter((t) => t.messageId === prompts[0]!.id)).toHaveLength(1);
  });

  test('WHEN /discuss runs in a channel THEN a public reply asks a prompt from the bank with a thread for answers, and the same user again at once gets an ephemeral cooldown', async () => {
    const guild = handle.guild(G.unscheduled);
    const discuss = () =>
      handle.interactions.slash({
        name: 'discuss',
        guildId: guild.id,
        channelId: channel(G.unscheduled),
      });
    const first = await roundTrip(handle, discuss());
    expect(first).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
    expect(isEphemeral(first)).toBe(false);
    const reply = messageOf(first);
    expect(canPing(reply)).toBe(false);
    const prompt = promptBank.find((p) => reply.content?.includes(p.question.en));
    expect(prompt, reply.content).toBeDefined();
    const poll = (first.data as { poll?: { question: { text: string } } } | null)?.poll;
    if (prompt!.poll) expect(poll?.question.text).toBe(prompt!.question.en);
    else expect(poll).toBeUndefined();
    const original = handle.interactionMessages(first.interactionId).original;
    const thread = await handle.waitFor(
      () => handle.threads.find((t) => t.messageId === original?.id),
      5_000,
      'the thread on the /discuss reply',
    );
    expect(thread.parentId).toBe(channel(G.unscheduled));

    const again = await roundTrip(handle, discuss());
    expect(again).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
    expect(isEphemeral(again)).toBe(true);
    expect(messageOf(again).content).toMatch(/Try again <t:\d+:R>/);
    expect(callbacksFor(handle, again.interactionId)).toHaveLength(1);
  });

  test('WHEN the run is over THEN no unknown route, no emulator error, no refused callback, no error in the bot log', () => {
    expect(handle.unknownRoutes).toEqual([]);
    expect(handle.internalErrors).toEqual([]);
    expect(handle.callbacks.filter((c) => c.status >= 400)).toEqual([]);
    // The one error: the post that met nothing but 502s, given up.
    expect(
      bot
        .logs()
        .filter((r) => r.level >= LOG_LEVEL.error)
        .map((r) => [r.msg, r.guildId]),
    ).toEqual([['post failed, given up', handle.guild(G.failing).id]]);
  });
});

describe('GIVEN a schedule set up before 09:00 and the bot killed with -9 before the post was due', () => {
  let handle: EmulatorHandle;
  const bots = botsOnOneStore(() => handle);
  const { start } = bots;
  const general = () => handle.channel(DEFAULT_CHANNELS.general).id;

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 1_000 });
    // 08:30 in Kyiv: set up, then killed between ticks, half an hour before the post.
    const before = await start(shifted(ANNIVERSARY_DUE, -30 * 60_000));
    const setup = await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(general())));
    expect(messageOf(setup).content).toContain('Schedule saved.');
    await sleep(1_500);
    expect(await before.kill9()).toMatchObject({ signal: 'SIGKILL' });
  }, 40_000);

  afterAll(async () => {
    await bots.stopAll();
    await handle?.close();
  });

  test('WHEN it restarts on the same store at 09:30 (within the 6 h grace) THEN the missed anniversary is caught up exactly once and the settings are intact', async () => {
    const bot = await start(shifted(ANNIVERSARY_DUE, 30 * 60_000));
    await bot.waitForLog((r) => r.msg === 'posted', 10_000, "the catch-up 'posted' log");
    await sleep(WATCH_MS);

    expect(postsTo(handle, general()).map((r) => r.status)).toEqual([200]);
    const [message] = handle.channelMessages(general());
    expect(message?.content).toMatch(GERMANY_AND_FRANCE);

    const status = await roundTrip(handle, adminSchedule(handle, 'status'));
    expect(isEphemeral(status)).toBe(true);
    const text = embedText(messageOf(status).embeds?.[0]);
    expect(text).toContain(`<#${general()}> at **09:00** (Europe/Kyiv)`);
    expect(text).toContain('✅ running');
    expect(text).toMatch(/Anniversaries, <t:\d+:R>: posted/);
    const entry = readStoreFile(bot.storePath).ledger.find((p) => p.key === ANNIVERSARY_KEY);
    expect(entry).toMatchObject({ state: 'posted', messageId: message!.id });
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  }, 30_000);

  test('WHEN it restarts once more THEN it posts nothing new', async () => {
    const bot = await start(shifted(ANNIVERSARY_DUE, 31 * 60_000));
    await sleep(WATCH_MS);
    expect(postsTo(handle, general())).toHaveLength(1);
    expect(handle.channelMessages(general())).toHaveLength(1);
    expect(bot.logs().filter((r) => r.msg === 'posted')).toEqual([]);
  }, 30_000);

  test('WHEN the run is over THEN no unknown route, no emulator error, no error in any bot log', () => {
    expect(handle.unknownRoutes).toEqual([]);
    expect(handle.internalErrors).toEqual([]);
    for (const bot of bots.started) {
      expect(bot.logs().filter((r) => r.level >= LOG_LEVEL.error)).toEqual([]);
    }
  });
});

describe('GIVEN a catch-up post that Discord accepted but whose answer the bot never read (killed with -9 while it was in flight)', () => {
  let handle: EmulatorHandle;
  const bots = botsOnOneStore(() => handle);
  const { start } = bots;
  const general = () => handle.channel(DEFAULT_CHANNELS.general).id;

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 1_000 });
    const before = await start(shifted(ANNIVERSARY_DUE, -30 * 60_000));
    await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(general())));
    await before.kill9();

    // The answer to the catch-up post is held; the bot dies waiting; Discord makes the post.
    handle.faults.delay({ method: 'POST', path: `/channels/${general()}/messages`, ms: 2_000 });
    const dying = await start(shifted(ANNIVERSARY_DUE, 5 * 60_000));
    const held = await handle.waitFor(
      () => postsTo(handle, general()).find((r) => r.fault === 'delay'),
      10_000,
      'the held catch-up post',
    );
    expect(held.status, 'the post must still be in flight when the bot is killed').toBe(0);
    await dying.kill9();
    await handle.waitFor(() => held.status === 200, 5_000, 'the held post to be made');
  }, 40_000);

  afterAll(async () => {
    await bots.stopAll();
    await handle?.close();
  });

  test('WHEN the bot restarts within the nonce window THEN it sends the post again with the same nonce, Discord returns the first message, and the log records it: one message', async () => {
    const bot = await start(shifted(ANNIVERSARY_DUE, 6 * 60_000));
    await bot.waitForLog((r) => r.msg === 'posted', 10_000, "the retried post's 'posted' log");

    const requests = postsTo(handle, general());
    expect(requests.map((r) => r.status)).toEqual([200, 200]);
    expect(bodyOf(requests[1]!).nonce).toBe(bodyOf(requests[0]!).nonce);
    const messages = handle.channelMessages(general());
    expect(messages).toHaveLength(1);
    // A completion reaches the file with the next write or within 250 ms (persistSoon), not
    // before the 'posted' log: wait for it, then check what it recorded.
    const entry = await handle.waitFor(
      () => {
        const found = readStoreFile(bot.storePath).ledger.find((p) => p.key === ANNIVERSARY_KEY);
        return found?.state === 'posted' ? found : undefined;
      },
      5_000,
      'the completion on disk',
    );
    expect(entry).toMatchObject({ state: 'posted', messageId: messages[0]!.id });
  }, 30_000);
});

describe('GIVEN Discord slow to answer for a channel the bot has not seen', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 1_000 });
    bot = await startBot({ apiUrl: handle.restUrl });
  }, 30_000);

  afterAll(async () => {
    await bot?.stop();
    await handle?.close();
  });

  test('WHEN an admin runs /schedule setup with it THEN the reply is deferred as ephemeral, and the answer stays only theirs', async () => {
    // Not in the guild's cache, so the channel check asks Discord, which holds the answer past
    // the router's 2 s deadline and then says it does not exist.
    const unseen = '123456789012345678';
    handle.faults.delay({ method: 'GET', path: `/channels/${unseen}`, ms: 2_600 });
    const { id } = handle.dispatchInteraction(adminSchedule(handle, 'setup', setupOptions(unseen)));
    const first = await handle.waitForCallback(id, 5_000);
    expect(first.type).toBe(CallbackType.DeferredChannelMessage);
    expect(isEphemeral(first)).toBe(true);

    const answer = await finalAnswer(handle, first);
    expect(answer.content).toContain('I can’t find that channel');
    const original = handle.interactionMessages(id).original!;
    expect((original.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callbacksFor(handle, id)).toHaveLength(1);
  }, 15_000);
});

describe('GIVEN a schedule on the real bot', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;
  const general = () => handle.channel(DEFAULT_CHANNELS.general).id;

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 1_000 });
    bot = await startBot({ apiUrl: handle.restUrl });
    const setup = await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(general())));
    expect(messageOf(setup).content).toContain('Schedule saved.');
  }, 30_000);

  afterAll(async () => {
    await bot?.stop();
    await handle?.close();
  });

  test('WHEN an admin runs /schedule off and confirms THEN it first asks (ephemeral, two buttons), and the click turns it off in the same message', async () => {
    const ask = await roundTrip(handle, adminSchedule(handle, 'off'));
    expect(ask).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
    expect(isEphemeral(ask)).toBe(true);
    const question = handle.interactionMessages(ask.interactionId).original!;
    const [confirm, keep] = customIds(question);
    expect(confirm).toMatch(/^schedule:off:\d+:[0-9a-z]+:[0-9a-z]+$/);
    expect(keep).toMatch(/^schedule:keep:\d+$/);
    // Asking forgot nothing: the settings are still on disk.
    expect(readStoreFile(bot.storePath).guilds[handle.guild(0).id]).toBeDefined();

    const owner = handle.guild(0).ownerId;
    const click = await roundTrip(
      handle,
      handle.interactions.button({ customId: confirm!, messageId: question.id, userId: owner }),
    );

    expect(click).toMatchObject({ type: CallbackType.UpdateMessage, status: 204 });
    expect(messageOf(click).content).toContain('Scheduled posts are off');
    expect(customIds(messageOf(click))).toEqual([]);
    expect(readStoreFile(bot.storePath).guilds[handle.guild(0).id]).toBeUndefined();

    const again = await roundTrip(
      handle,
      handle.interactions.button({ customId: confirm!, userId: owner }),
    );
    expect(messageOf(again).content).toContain('no schedule yet');
    expect(bot.logs().filter((r) => r.level >= LOG_LEVEL.error)).toEqual([]);
  }, 20_000);
});
