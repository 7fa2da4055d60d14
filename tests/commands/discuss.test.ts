import { beforeEach, describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/commands/cooldowns.js';
import {
  discuss,
  DISCUSS_CHANNEL_COOLDOWN_MS,
  DISCUSS_USER_COOLDOWN_MS,
} from '../../src/commands/discuss.js';
import { defaultSettings } from '../../src/schedule/settings-rules.js';
import type { CommandContext, CommandInput, ScheduleContext } from '../../src/commands/types.js';
import { en } from '../../src/i18n/en.js';
import { LIMITS } from '../../src/render/limits.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import { input, testContext, testData } from '../helpers/context.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { testStore, type TestStore } from '../helpers/store.js';

const scheduleEn = en.schedule;

const GUILD = '100000000000000001';
const CHANNEL = '100000000000000002';
const OTHER_CHANNEL = '100000000000000022';
const USER = '100000000000000003';
const OTHER_USER = '100000000000000033';
const T0 = Date.parse('2026-02-16T09:00:00.000Z');
const MINUTE = 60_000;
const prompts = loadPrompts(testData());

let view: TestStore;
let clock: { now: Date };
let ctx: CommandContext;

beforeEach(() => {
  clock = { now: new Date(T0) };
  view = testStore(clock);
  const schedule: ScheduleContext = {
    store: view.store,
    prompts,
    channels: { inspect: () => Promise.resolve({ kind: 'not-found' }) },
    cooldowns: new Cooldowns(),
  };
  ctx = testContext({ now: () => clock.now, schedule });
});

async function ask(who = USER, where = CHANNEL, overrides: Partial<CommandInput> = {}) {
  const reply = await discuss.respond(
    input({}, { userId: who, channelId: where, ...overrides }),
    ctx,
  );
  expectWithinDiscordLimits(reply);
  return reply;
}

async function withSchedule(promptsSeen: string[] = []): Promise<void> {
  await view.setGuild(GUILD, {
    ...defaultSettings('555555555555555555', 9, 0, 'Europe/Kyiv', new Date(T0)),
    promptsSeen,
  });
}

const later = (ms: number) => {
  clock.now = new Date(clock.now.getTime() + ms);
};

/** The question a reply asks: the line after the heading. */
const questionOf = (reply: ReplyBody) => reply.content?.split('\n')[1];

describe('/discuss posts a prompt', () => {
  test('GIVEN a server with a schedule WHEN /discuss THEN the next prompt of its rotation is posted publicly, with its poll and a thread, and marked seen', async () => {
    await withSchedule();
    const [first] = prompts.prompts;

    const reply = await ask();

    expect(isEphemeral(reply)).toBe(false);
    expect(questionOf(reply)).toBe(first?.question.en);
    expect(reply.poll?.question.text).toBe(first?.question.en);
    expect(reply.poll?.answers.map((a) => a.poll_media.text)).toEqual(first?.poll?.answers.en);
    expect(reply.poll?.answers.length).toBeLessThanOrEqual(LIMITS.pollAnswers);
    expect(reply.thread).toEqual({
      name: expect.stringMatching(/^💬 /) as unknown,
      auto_archive_duration: 10080,
    });
    expect(reply.thread?.name.length).toBeLessThanOrEqual(100);
    expect((await view.getGuild(GUILD))?.promptsSeen).toEqual([first?.id]);
  });

  test('GIVEN a prompt without answer options WHEN /discuss THEN it is posted without a poll, still with a thread', async () => {
    const index = prompts.prompts.findIndex((p) => p.poll === null);
    await withSchedule(prompts.prompts.slice(0, index).map((p) => p.id));

    const reply = await ask();

    expect(questionOf(reply)).toBe(prompts.prompts[index]?.question.en);
    expect(reply.poll).toBeUndefined();
    expect(reply.thread).toBeDefined();
  });

  test('GIVEN a server with a schedule WHEN /discuss runs three times (cooldowns passed) THEN it goes through the bank in order, shared with scheduled prompts', async () => {
    await withSchedule();
    const asked: (string | undefined)[] = [];
    for (const [who, where] of [
      [USER, CHANNEL],
      [OTHER_USER, OTHER_CHANNEL],
      ['100000000000000333', '100000000000000222'],
    ] as const) {
      asked.push(questionOf(await ask(who, where)));
    }
    expect(asked).toEqual(prompts.prompts.slice(0, 3).map((p) => p.question.en));
    expect((await view.getGuild(GUILD))?.promptsSeen).toEqual(
      prompts.prompts.slice(0, 3).map((p) => p.id),
    );
  });

  test('GIVEN a server that has seen every prompt but one WHEN /discuss THEN it gets that one and a new round starts', async () => {
    const last = prompts.prompts.at(-1)!;
    await withSchedule(prompts.prompts.slice(0, -1).map((p) => p.id));

    expect(questionOf(await ask())).toBe(last.question.en);
    expect((await view.getGuild(GUILD))?.promptsSeen).toEqual([last.id]);
  });

  test('GIVEN a server without a schedule WHEN /discuss THEN a prompt of the bank is posted and no settings are created', async () => {
    const reply = await ask();
    expect(prompts.prompts.map((p) => p.question.en)).toContain(questionOf(reply));
    expect(isEphemeral(reply)).toBe(false);
    expect(await view.getGuild(GUILD)).toBeUndefined();
  });

  test.each<[string, Partial<CommandInput>, CommandContext | null, string]>([
    ['outside a server', { guildId: null }, null, scheduleEn.notInGuild],
    ['without a channel', { channelId: null }, null, scheduleEn.notInGuild],
    ['where schedules are not served', {}, testContext(), scheduleEn.notServed],
  ])(
    'GIVEN /discuss %s WHEN run THEN an ephemeral explanation',
    async (_, overrides, context, content) => {
      const reply = await discuss.respond(input({}, overrides), context ?? ctx);
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe(content);
    },
  );
});

describe('/discuss cooldowns', () => {
  const at = (ms: number) => `<t:${Math.trunc(ms / 1000)}:R>`;

  test.each([
    // who, where, how long after the first, what happens
    [
      'the same member, another channel, a minute on',
      USER,
      OTHER_CHANNEL,
      MINUTE,
      T0 + DISCUSS_USER_COOLDOWN_MS,
    ],
    [
      'the same member, 9 min 59 s on',
      USER,
      OTHER_CHANNEL,
      DISCUSS_USER_COOLDOWN_MS - 1000,
      T0 + DISCUSS_USER_COOLDOWN_MS,
    ],
    [
      'another member, the same channel, a minute on',
      OTHER_USER,
      CHANNEL,
      MINUTE,
      T0 + DISCUSS_CHANNEL_COOLDOWN_MS,
    ],
    ['the same member, the same channel, at once', USER, CHANNEL, 0, T0 + DISCUSS_USER_COOLDOWN_MS],
  ])(
    'GIVEN a discussion started WHEN %s asks again THEN an ephemeral wait until the later cooldown, as a relative timestamp',
    async (_, who, where, afterMs, retryAt) => {
      await ask();
      later(afterMs);

      const reply = await ask(who, where);

      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe(scheduleEn.discussCooldown(at(retryAt)));
      expect(reply.poll).toBeUndefined();
    },
  );

  test.each([
    [
      'another member in the same channel, once the channel cooldown ends',
      OTHER_USER,
      CHANNEL,
      DISCUSS_CHANNEL_COOLDOWN_MS,
    ],
    [
      'the same member elsewhere, once the member cooldown ends',
      USER,
      OTHER_CHANNEL,
      DISCUSS_USER_COOLDOWN_MS,
    ],
    ['the same member in the same channel, once both end', USER, CHANNEL, DISCUSS_USER_COOLDOWN_MS],
    ['another member in another channel, at once', OTHER_USER, OTHER_CHANNEL, 0],
  ])(
    'GIVEN a discussion started WHEN %s THEN a prompt is posted',
    async (_, who, where, afterMs) => {
      await ask();
      later(afterMs);

      const reply = await ask(who, where);

      expect(isEphemeral(reply)).toBe(false);
      expect(reply.content).toContain('Discussion prompt');
    },
  );

  test('GIVEN a refused /discuss WHEN the member waits only for the first wait to end THEN the refusal did not extend it', async () => {
    await ask();
    later(MINUTE);
    await ask(OTHER_USER, CHANNEL); // refused: the channel waits until T0 + 3 min
    clock.now = new Date(T0 + DISCUSS_CHANNEL_COOLDOWN_MS);

    expect(isEphemeral(await ask(OTHER_USER, CHANNEL))).toBe(false);
  });

  test('GIVEN a refused /discuss WHEN answered THEN the rotation did not move', async () => {
    await withSchedule();
    await ask();
    await ask();
    expect((await view.getGuild(GUILD))?.promptsSeen).toEqual([prompts.prompts[0]?.id]);
  });
});

describe('Cooldowns', () => {
  test('GIVEN two keys waiting different times WHEN taken THEN the answer is the later end, and nothing is reset', () => {
    const cooldowns = new Cooldowns();
    const now = new Date(T0);
    expect(cooldowns.take([{ key: 'a', ms: 5 * MINUTE }], now)).toEqual({ ok: true });
    expect(cooldowns.take([{ key: 'b', ms: 2 * MINUTE }], now)).toEqual({ ok: true });

    const both = [
      { key: 'a', ms: 5 * MINUTE },
      { key: 'b', ms: 2 * MINUTE },
    ];
    expect(cooldowns.take(both, new Date(T0 + MINUTE))).toEqual({
      ok: false,
      retryAt: new Date(T0 + 5 * MINUTE),
    });
    expect(cooldowns.take(both, new Date(T0 + 5 * MINUTE))).toEqual({ ok: true });
  });

  test('GIVEN over 10,000 keys, so ended ones are pruned WHEN more are taken THEN live cooldowns still hold and ended ones pass', () => {
    const cooldowns = new Cooldowns();
    for (let i = 0; i <= 10_000; i += 1)
      cooldowns.take([{ key: `old${i}`, ms: MINUTE }], new Date(T0));
    cooldowns.take([{ key: 'live', ms: 10 * MINUTE }], new Date(T0));
    cooldowns.take([{ key: 'new', ms: MINUTE }], new Date(T0 + 2 * MINUTE));

    expect(cooldowns.take([{ key: 'live', ms: MINUTE }], new Date(T0 + 3 * MINUTE)).ok).toBe(false);
    expect(cooldowns.take([{ key: 'old1', ms: MINUTE }], new Date(T0 + 3 * MINUTE)).ok).toBe(true);
  });
});

describe('when the store is in trouble', () => {
  const down = () => Promise.reject(new Error('connect ECONNREFUSED'));

  test('GIVEN the store not answering WHEN /discuss runs THEN it says try again shortly, and the member’s cooldown is not spent', async () => {
    await withSchedule();
    const healthy = ctx;
    ctx = {
      ...healthy,
      schedule: {
        ...healthy.schedule!,
        store: { ...view.store, settings: { ...view.store.settings, get: down } },
      },
    };
    const reply = await ask();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(en.storage.unavailable);

    ctx = healthy;
    expect(isEphemeral(await ask())).toBe(false);
  });

  test('GIVEN a store that refuses to mark the prompt seen WHEN /discuss runs THEN it says not saved instead of posting a prompt out of rotation', async () => {
    await withSchedule();
    ctx = {
      ...ctx,
      schedule: {
        ...ctx.schedule!,
        store: { ...view.store, settings: { ...view.store.settings, put: down } },
      },
    };
    const reply = await ask();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe(en.storage.notSaved);
    expect((await view.getGuild(GUILD))?.promptsSeen).toEqual([]);
  });
});
