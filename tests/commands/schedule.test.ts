import { ButtonStyle, ComponentType, PermissionFlagsBits } from 'discord-api-types/v10';
import { beforeEach, describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/commands/cooldowns.js';
import { schedule } from '../../src/commands/schedule.js';
import type {
  ChannelInspector,
  ChannelPermission,
  CommandContext,
  CommandInput,
  ScheduleContext,
} from '../../src/commands/types.js';
import { en } from '../../src/i18n/en.js';
import { uk } from '../../src/i18n/uk.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { echoUserText } from '../../src/render/user-text.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import type { GuildSettings } from '../../src/store/domain.js';
import { openMemoryStore } from '../../src/store/memory.js';
import { input, testContext, testData } from '../helpers/context.js';
import { expectValidChoices, expectWithinDiscordLimits } from '../helpers/limits.js';
import { testStore, type PastPost, type TestStore } from '../helpers/store.js';

const scheduleEn = en.schedule;
const scheduleUk = uk.schedule;

const GUILD = '100000000000000001';
const CHANNEL = '555555555555555555';
const ROLE = '666666666666666666';
/** 07:00 in Kyiv on Monday 16 February 2026: the Germany and France anniversary is at 09:00. */
const NOW = '2026-02-16T05:00:00.000Z';
const NINE_KYIV_UNIX = Date.parse('2026-02-16T07:00:00.000Z') / 1000;
const ADMIN = PermissionFlagsBits.ManageGuild;
const prompts = loadPrompts(testData());

type Inspection = Awaited<ReturnType<ChannelInspector['inspect']>>;
const canPost = (missing: ChannelPermission[] = []): Inspection => ({
  kind: 'ok',
  name: 'general',
  missing,
});

let view: TestStore;
let channel: Inspection;
let inspected: string[];
let clock: { now: Date };
let ctx: CommandContext;

beforeEach(() => {
  channel = canPost();
  inspected = [];
  clock = { now: new Date(NOW) };
  view = testStore(clock);
  const scheduleCtx: ScheduleContext = {
    store: view.store,
    prompts,
    channels: {
      inspect: (guildId, channelId) => {
        inspected.push(`${guildId}/${channelId}`);
        return Promise.resolve(channel);
      },
    },
    cooldowns: new Cooldowns(),
  };
  ctx = testContext({ now: () => clock.now, schedule: scheduleCtx });
});

/** Runs a subcommand as a server admin; every answer must be ephemeral and fit Discord. */
async function run(
  subcommand: string,
  options: CommandInput['options'] = {},
  overrides: Partial<CommandInput> = {},
  context: CommandContext = ctx,
): Promise<ReplyBody> {
  const reply = await schedule.respond(
    input(options, { subcommand, memberPermissions: ADMIN, ...overrides }),
    context,
  );
  expect(isEphemeral(reply)).toBe(true);
  expectWithinDiscordLimits(reply);
  return reply;
}

const setupOptions = (overrides: Record<string, string> = {}) => ({
  channel: CHANNEL,
  time: '09:00',
  timezone: 'Europe/Kyiv',
  ...overrides,
});

async function setUp(overrides: Record<string, string> = {}): Promise<GuildSettings> {
  const reply = await run('setup', setupOptions(overrides));
  expect(reply.content).toContain(scheduleEn.saved);
  return (await view.getGuild(GUILD))!;
}

/** A post an earlier run left: by default today's anniversary, posted at 09:00:05 Kyiv. */
function pastPost(overrides: Partial<PastPost> = {}): PastPost {
  return {
    guildId: GUILD,
    kind: 'anniversary',
    key: 'anniversary:2026-02-16',
    localDate: '2026-02-16',
    status: 'posted',
    messageId: '888888888888888888',
    at: '2026-02-16T07:00:05.000Z',
    reason: null,
    ...overrides,
  };
}

type Button = { label: string; style: ButtonStyle; custom_id: string };

/** The buttons of a reply, in order. */
function buttonsOf(reply: ReplyBody): Button[] {
  return (reply.components ?? []).flatMap((row) =>
    row.components.flatMap((c) =>
      c.type === ComponentType.Button && 'custom_id' in c
        ? [{ label: c.label ?? '', style: c.style, custom_id: c.custom_id }]
        : [],
    ),
  );
}

/** A click on a button, as the router hands it over: the custom_id after `schedule:`, split. */
async function click(
  customId: string,
  overrides: Partial<CommandInput> = {},
  context: CommandContext = ctx,
): Promise<ReplyBody> {
  const [name, ...args] = customId.split(':');
  expect(name).toBe('schedule');
  const answer = await schedule.button!(
    { ...input({}, { memberPermissions: ADMIN, ...overrides }), args },
    context,
  );
  expectWithinDiscordLimits(answer);
  return answer;
}

/** Everything a reply shows, as one string. */
function shown(reply: ReplyBody): string {
  const embeds = (reply.embeds ?? []).flatMap((embed) => [
    embed.title ?? '',
    embed.description ?? '',
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
  ]);
  return [reply.content ?? '', ...embeds].join('\n');
}

describe('who may use /schedule', () => {
  test.each([
    ['no permissions known (null)', null],
    ['no permissions known (undefined)', undefined],
    ['no permissions at all', 0n],
    [
      'Send Messages and Manage Channels only',
      PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageChannels,
    ],
  ])(
    'GIVEN a member with %s WHEN running setup THEN it is refused and nothing is saved',
    async (_, permissions) => {
      const reply = await run('setup', setupOptions(), { memberPermissions: permissions });
      expect(reply.content).toBe(scheduleEn.notAdmin);
      expect(await view.getGuild(GUILD)).toBeUndefined();
      expect(inspected).toEqual([]);
    },
  );

  test.each([
    ['Manage Server (0x20)', 0x20n],
    ['Administrator alone', PermissionFlagsBits.Administrator],
  ])('GIVEN a member with %s WHEN running setup THEN it is saved', async (_, permissions) => {
    await run('setup', setupOptions(), { memberPermissions: permissions });
    expect((await view.getGuild(GUILD))?.channelId).toBe(CHANNEL);
  });

  test('GIVEN a command outside a server WHEN run THEN it says schedules belong to a server', async () => {
    const reply = await run('status', {}, { guildId: null, memberPermissions: null });
    expect(reply.content).toBe(scheduleEn.notInGuild);
  });

  test('GIVEN an instance that does not serve schedules WHEN run THEN it says so', async () => {
    const reply = await run('status', {}, {}, testContext({ now: () => clock.now }));
    expect(reply.content).toBe(scheduleEn.notServed);
  });

  test('GIVEN a Ukrainian member without Manage Server WHEN run THEN the refusal is in Ukrainian', async () => {
    const reply = await run('status', {}, { locale: 'uk', memberPermissions: 0n });
    expect(reply.content).toBe(scheduleUk.notAdmin);
  });

  test.each(['set', 'status', 'preview', 'pause', 'resume'])(
    'GIVEN no schedule yet WHEN running %s THEN it points to /schedule setup',
    async (subcommand) => {
      const reply = await run(subcommand, subcommand === 'preview' ? { kind: 'digest' } : {});
      expect(reply.content).toBe(scheduleEn.notSetUp);
      expect(await view.getGuild(GUILD)).toBeUndefined();
    },
  );
});

describe('/schedule setup', () => {
  test('GIVEN a channel where the bot may do everything WHEN set up THEN the settings are saved with the defaults, active from now', async () => {
    const reply = await run('setup', setupOptions());

    expect(reply.content).toBe(scheduleEn.saved);
    expect(inspected).toEqual([`${GUILD}/${CHANNEL}`]);
    expect(await view.getGuild(GUILD)).toEqual({
      channelId: CHANNEL,
      hour: 9,
      minute: 0,
      timeZone: 'Europe/Kyiv',
      paused: false,
      blocked: null,
      anniversaries: true,
      digest: { enabled: true, weekday: 1 },
      prompts: 'weekly',
      pingRoleId: null,
      language: null,
      promptsSeen: [],
      activeSince: NOW,
    });
  });

  test.each([['nine'], ['9:5'], ['24:00'], ['12:60'], ['9 am'], ['']])(
    'GIVEN the time %j WHEN set up THEN it is refused as unreadable, echoing it',
    async (time) => {
      const reply = await run('setup', setupOptions({ time }));
      expect(reply.content).toBe(scheduleEn.badTime(echoUserText(time, 20)));
      expect(await view.getGuild(GUILD)).toBeUndefined();
    },
  );

  // Kyiv's clocks go 03:00→04:00 in March and 04:00→03:00 in October; New York's 02:00→03:00 in
  // March and 02:00→01:00 in November.
  test.each<[string, string, string, string, string, string]>([
    ['03:00', 'Europe/Kyiv', '03:00', '03:00', '04:00', '03:59'],
    ['3:30', 'Europe/Kyiv', '03:30', '03:00', '04:00', '03:59'],
    ['03:59', 'Europe/Kyiv', '03:59', '03:00', '04:00', '03:59'],
    ['1:00', 'America/New_York', '01:00', '01:00', '03:00', '02:59'],
    ['02:30', 'America/New_York', '02:30', '01:00', '03:00', '02:59'],
  ])(
    'GIVEN the time %s in %s, which its clock changes skip or repeat WHEN set up THEN it is refused, naming the window and a time that is safe',
    async (time, timezone, at, from, to, last) => {
      const reply = await run('setup', setupOptions({ time, timezone }));
      expect(reply.content).toBe(scheduleEn.clockChange(timezone, at, from, to, last));
      expect(reply.content).toContain(`e.g. ${to}`);
      expect(await view.getGuild(GUILD)).toBeUndefined();
    },
  );

  test.each<[string, string, number, number]>([
    ['00:00', 'UTC', 0, 0],
    ['03:30', 'UTC', 3, 30],
    ['02:30', 'Asia/Tokyo', 2, 30],
    ['00:30', 'Europe/Kyiv', 0, 30],
    ['02:59', 'Europe/Kyiv', 2, 59],
    ['00:59', 'America/New_York', 0, 59],
    ['03:00', 'America/New_York', 3, 0],
  ])(
    'GIVEN the time %s in %s, which exists once on every day there WHEN set up THEN it is saved',
    async (time, timezone, hour, minute) => {
      const saved = await setUp({ time, timezone });
      expect(saved).toMatchObject({ hour, minute, timeZone: timezone });
    },
  );

  test.each([
    ['04:00', 4, 0],
    ['9', 9, 0],
    ['18.45', 18, 45],
    ['23:59', 23, 59],
  ])('GIVEN the time %s WHEN set up THEN it is saved as %i:%i', async (time, hour, minute) => {
    const saved = await setUp({ time });
    expect([saved.hour, saved.minute]).toEqual([hour, minute]);
  });

  test.each([
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['UTC', 'UTC'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['Europe/Kiev', 'Europe/Kiev'],
    ['America/New_York', 'America/New_York'],
  ])('GIVEN the zone %s WHEN set up THEN it is saved as %s', async (timezone, saved) => {
    expect((await setUp({ timezone })).timeZone).toBe(saved);
  });

  test.each([
    ['Kyiv', 'Europe/Kyiv'],
    ['new york', 'America/New_York'],
    ['Europe/Kyvi', 'Europe/Kyiv'],
    ['Amerca/New_York', 'America/New_York'],
  ])(
    'GIVEN the unknown zone %j WHEN set up THEN it is refused, suggesting %s',
    async (timezone, suggestion) => {
      const reply = await run('setup', setupOptions({ timezone }));
      expect(reply.content).toContain(`“${echoUserText(timezone, 40)}” is not a time zone I know`);
      expect(reply.content).toContain(`\`${suggestion}\``);
      expect(await view.getGuild(GUILD)).toBeUndefined();
    },
  );

  test.each(['Mars/Olympus_Mons', '   '])(
    'GIVEN the zone %j, near nothing WHEN set up THEN it is refused without random suggestions',
    async (timezone) => {
      const reply = await run('setup', setupOptions({ timezone }));
      expect(reply.content).toBe(scheduleEn.badZone(echoUserText(timezone, 40), ''));
    },
  );

  test('GIVEN a channel the bot cannot find WHEN set up THEN it says so and saves nothing', async () => {
    channel = { kind: 'not-found' };
    const reply = await run('setup', setupOptions());
    expect(reply.content).toBe(scheduleEn.channelGone);
    expect(await view.getGuild(GUILD)).toBeUndefined();
  });

  test.each<[ChannelPermission[], string]>([
    [['ViewChannel'], '**View Channel**'],
    [['SendMessages'], '**Send Messages**'],
    [['EmbedLinks'], '**Embed Links**'],
    [['SendMessages', 'EmbedLinks', 'SendPolls'], '**Send Messages**, **Embed Links**'],
  ])(
    'GIVEN the bot lacks %j in the channel WHEN set up THEN it names exactly %s and saves nothing',
    async (missing, names) => {
      channel = canPost(missing);
      const reply = await run('setup', setupOptions());
      expect(reply.content).toBe(scheduleEn.missing(`<#${CHANNEL}>`, names));
      expect(await view.getGuild(GUILD)).toBeUndefined();
    },
  );

  test.each<[ChannelPermission[], string]>([
    [['SendPolls'], '**Create Polls**'],
    [
      ['CreatePublicThreads', 'SendMessagesInThreads', 'SendPolls'],
      '**Create Public Threads**, **Send Messages in Threads**, **Create Polls**',
    ],
  ])('GIVEN the bot lacks only %j WHEN set up THEN it saves, noting %s', async (missing, names) => {
    channel = canPost(missing);
    const reply = await run('setup', setupOptions());
    expect(reply.content).toBe(`${scheduleEn.saved}\n${scheduleEn.missingOptional(names)}`);
    expect((await view.getGuild(GUILD))?.channelId).toBe(CHANNEL);
  });

  test('GIVEN a blocked, paused schedule with choices WHEN set up again THEN the new place and time apply, the choices stay, and it runs again from now', async () => {
    await setUp();
    await view.updateGuild(GUILD, (s) => ({
      ...s,
      prompts: 'daily',
      promptsSeen: ['shea-psychological'],
      paused: true,
      blocked: { reason: 'the channel was deleted', code: 10003, since: NOW },
    }));
    clock.now = new Date('2026-02-20T10:00:00.000Z');

    const saved = await setUp({ channel: '777777777777777777', time: '18:30', timezone: 'UTC' });

    expect(saved).toMatchObject({
      channelId: '777777777777777777',
      hour: 18,
      minute: 30,
      timeZone: 'UTC',
      prompts: 'daily',
      promptsSeen: ['shea-psychological'],
      paused: false,
      blocked: null,
      activeSince: '2026-02-20T10:00:00.000Z',
    });
  });
});

describe('/schedule set', () => {
  test.each<[string, CommandInput['options'], Partial<GuildSettings>]>([
    ['anniversaries off', { anniversaries: false }, { anniversaries: false }],
    ['the digest off', { digest: false }, { digest: { enabled: false, weekday: 1 } }],
    ['the digest on Wednesdays', { digest_day: '3' }, { digest: { enabled: true, weekday: 3 } }],
    ['daily prompts', { prompts: 'daily' }, { prompts: 'daily' }],
    ['no prompts', { prompts: 'off' }, { prompts: 'off' }],
    ['a role to ping', { ping_role: ROLE }, { pingRoleId: ROLE }],
  ])(
    'GIVEN a schedule WHEN setting %s THEN that setting changes and only it',
    async (_, options, change) => {
      const before = await setUp();
      const reply = await run('set', options);
      expect(reply.content).toBe(scheduleEn.saved);
      expect(await view.getGuild(GUILD)).toEqual({ ...before, ...change });
    },
  );

  test('GIVEN a role pinged WHEN setting no_ping THEN nobody is pinged, and the status says so', async () => {
    await setUp();
    await run('set', { ping_role: ROLE });
    expect(shown(await run('status'))).toContain(`<@&${ROLE}>`);

    const reply = await run('set', { no_ping: true });

    expect((await view.getGuild(GUILD))?.pingRoleId).toBeNull();
    expect(shown(reply)).not.toContain(ROLE);
  });

  test('GIVEN values Discord would never send WHEN setting THEN they are ignored', async () => {
    const before = await setUp();
    await run('set', { digest_day: '8', prompts: 'hourly', ping_role: 'everyone' });
    expect(await view.getGuild(GUILD)).toEqual(before);
  });
});

describe('/schedule status', () => {
  test('GIVEN a schedule set up before 09:00 Kyiv WHEN asked THEN the next posts show as Discord timestamps', async () => {
    await setUp();

    const reply = await run('status');

    const text = shown(reply);
    // The anniversary, the digest and the weekly prompt all come due today at 09:00 Kyiv.
    expect(text).toContain(`**Anniversaries**: next <t:${NINE_KYIV_UNIX}:R>`);
    expect(text).toContain(`**Weekly digest** (on Mondays): next <t:${NINE_KYIV_UNIX}:R>`);
    expect(text).toContain(`<#${CHANNEL}> at **09:00** (Europe/Kyiv)`);
    expect(text).toContain(scheduleEn.running);
    expect(text).toContain(scheduleEn.lastNone);
  });

  test('GIVEN the anniversary posted WHEN asked THEN the next anniversary is a later one and the last post is shown', async () => {
    await setUp();
    await view.recordPost(pastPost());
    clock.now = new Date('2026-02-16T07:01:00.000Z');

    const text = shown(await run('status'));

    // Denmark's, on 23 February at 09:00 Kyiv.
    const denmark = Date.parse('2026-02-23T07:00:00.000Z') / 1000;
    expect(text).toContain(`**Anniversaries**: next <t:${denmark}:R>`);
    const postedAt = Date.parse('2026-02-16T07:00:05.000Z') / 1000;
    expect(text).toContain(`Anniversaries, <t:${postedAt}:R>: posted`);
  });

  test.each([
    ['failed', 'Discord answered 503'],
    [
      'skipped',
      'came due 2026-02-16T07:00:00.000Z, more than the grace window before the bot could post',
    ],
  ] as const)(
    'GIVEN the last post %s WHEN asked THEN its reason is shown',
    async (status, reason) => {
      await setUp();
      await view.recordPost(
        pastPost({
          kind: 'digest',
          key: 'digest:2026-W08',
          status,
          messageId: null,
          at: '2026-02-16T13:01:00.000Z',
          reason,
        }),
      );
      const postedAt = Date.parse('2026-02-16T13:01:00.000Z') / 1000;
      expect(shown(await run('status'))).toContain(
        `Weekly digest, <t:${postedAt}:R>: ${status} (${reason})`,
      );
    },
  );

  test('GIVEN a blocked schedule WHEN asked THEN the reason and since when are shown', async () => {
    await setUp();
    await view.updateGuild(GUILD, (s) => ({
      ...s,
      blocked: {
        reason: 'the channel was deleted',
        code: 10003,
        since: '2026-02-16T07:00:00.000Z',
      },
    }));

    const reply = await run('status');

    expect(shown(reply)).toContain(
      scheduleEn.blocked('the channel was deleted', `<t:${NINE_KYIV_UNIX}:R>`),
    );
    expect(reply.embeds?.[0]?.color).toBe(0xed4245);
  });

  test('GIVEN kinds turned off WHEN asked THEN they show as off', async () => {
    await setUp();
    await run('set', { digest: false, prompts: 'off' });
    const text = shown(await run('status'));
    expect(text).toContain('**Weekly digest**: off');
    expect(text).toContain('**Discussion prompts**: off');
  });
});

describe('/schedule preview', () => {
  test.each([
    ['anniversary', ['Germany', 'France']],
    ['digest', []],
    ['prompt', [prompts.prompts[0]!.question.en]],
  ])(
    'GIVEN a schedule WHEN previewing the %s THEN the next one is shown only to the admin, with when it goes out',
    async (kind, mentions) => {
      await setUp();
      const reply = await run('preview', { kind });
      expect(reply.content).toMatch(
        new RegExp(`^${escape(scheduleEn.previewNote(`<t:${NINE_KYIV_UNIX}:F>`))}\\n\\n`),
      );
      for (const text of mentions) expect(shown(reply)).toContain(text);
      // Previewing posts nothing and settles nothing.
      expect(await view.postsFor(GUILD)).toEqual([]);
      expect((await view.getGuild(GUILD))?.promptsSeen).toEqual([]);
    },
  );

  test('GIVEN a paused schedule WHEN previewing THEN it still shows what resuming would bring', async () => {
    await setUp();
    await run('pause');
    expect((await run('preview', { kind: 'anniversary' })).content).toContain('Germany');
  });

  test('GIVEN a kind turned off WHEN previewed THEN there is nothing to show', async () => {
    await setUp();
    await run('set', { prompts: 'off' });
    expect((await run('preview', { kind: 'prompt' })).content).toBe(scheduleEn.previewNone);
  });
});

describe('/schedule pause, resume and off', () => {
  test('GIVEN a running schedule WHEN paused THEN it is saved paused and the status says so', async () => {
    await setUp();
    expect((await run('pause')).content).toBe(scheduleEn.paused_now);
    expect((await view.getGuild(GUILD))?.paused).toBe(true);
    expect(shown(await run('status'))).toContain('paused');
  });

  test('GIVEN a blocked, paused schedule and a fixed channel WHEN resumed THEN it runs again from now, unblocked', async () => {
    await setUp();
    await view.updateGuild(GUILD, (s) => ({
      ...s,
      paused: true,
      blocked: { reason: 'the bot can no longer see the channel', code: 50001, since: NOW },
    }));
    clock.now = new Date('2026-02-17T12:00:00.000Z');
    inspected = [];

    const reply = await run('resume');

    expect(reply.content).toBe(scheduleEn.resumed);
    expect(inspected).toEqual([`${GUILD}/${CHANNEL}`]);
    expect(await view.getGuild(GUILD)).toMatchObject({
      paused: false,
      blocked: null,
      activeSince: '2026-02-17T12:00:00.000Z',
    });
  });

  test.each<[string, Inspection, string]>([
    ['the channel gone', { kind: 'not-found' }, scheduleEn.channelGone],
    [
      'Send Messages still missing',
      canPost(['SendMessages', 'SendPolls']),
      scheduleEn.stillBlocked('**Send Messages**'),
    ],
  ])(
    'GIVEN a blocked schedule and %s WHEN resumed THEN it stays blocked and says why',
    async (_, inspection, content) => {
      await setUp();
      const blocked = { reason: 'the channel was deleted', code: 10003, since: NOW };
      await view.updateGuild(GUILD, (s) => ({ ...s, blocked }));
      channel = inspection;

      expect((await run('resume')).content).toBe(content);
      expect((await view.getGuild(GUILD))?.blocked).toEqual(blocked);
    },
  );

  test('GIVEN a schedule WHEN /schedule off is run THEN nothing is forgotten yet: it asks, with a button to confirm and one to keep it', async () => {
    await setUp();

    const reply = await run('off');

    expect(reply.content).toBe(
      scheduleEn.offConfirm.question(`<t:${Date.parse(NOW) / 1000 + 300}:f>`),
    );
    expect(buttonsOf(reply).map((b) => [b.label, b.style])).toEqual([
      [scheduleEn.offConfirm.confirm, ButtonStyle.Danger],
      [scheduleEn.offConfirm.cancel, ButtonStyle.Secondary],
    ]);
    expect(await view.getGuild(GUILD)).toBeDefined();
  });

  test('GIVEN no schedule WHEN /schedule off is run THEN it says there is none, with no buttons', async () => {
    const reply = await run('off');
    expect(reply.content).toBe(scheduleEn.notSetUp);
    expect(reply.components ?? []).toEqual([]);
  });

  test('GIVEN a schedule with a post log WHEN turning off is confirmed THEN the settings are forgotten and the log kept', async () => {
    await setUp();
    await view.recordPost(pastPost());
    const [confirm] = buttonsOf(await run('off'));

    const answer = await click(confirm!.custom_id);

    expect(answer).toEqual({ content: scheduleEn.turnedOff });
    expect(await view.getGuild(GUILD)).toBeUndefined();
    expect(await view.hasPost(GUILD, 'anniversary:2026-02-16')).toBe(true);
    expect((await run('status')).content).toBe(scheduleEn.notSetUp);
  });

  test('GIVEN the question WHEN the admin keeps the schedule THEN nothing changes and the buttons go', async () => {
    const before = await setUp();
    const [, keep] = buttonsOf(await run('off'));

    expect(await click(keep!.custom_id)).toEqual({ content: scheduleEn.offConfirm.kept });
    expect(await view.getGuild(GUILD)).toEqual(before);
  });

  test.each<[string, (id: string) => Promise<ReplyBody>, string]>([
    [
      'another member',
      (id) => click(id, { userId: '100000000000000999' }),
      scheduleEn.offConfirm.notYours,
    ],
    [
      'the asking admin, after losing Manage Server',
      (id) => click(id, { memberPermissions: 0n }),
      scheduleEn.notAdmin,
    ],
    [
      'the asking admin, 5 minutes and 1 second later',
      (id) => {
        clock.now = new Date(Date.parse(NOW) + 301_000);
        return click(id);
      },
      scheduleEn.offConfirm.expired,
    ],
    [
      'the asking admin, after the schedule was set up again',
      async (id) => {
        clock.now = new Date(Date.parse(NOW) + 60_000);
        await setUp({ time: '10:00' });
        return click(id);
      },
      scheduleEn.offConfirm.expired,
    ],
    [
      'the asking admin, with a custom_id cut short',
      (id) => click(id.split(':').slice(0, 3).join(':')),
      scheduleEn.offConfirm.expired,
    ],
  ])(
    'GIVEN the question WHEN %s clicks Turn off THEN it is refused clearly and the schedule stays',
    async (_label, clickWith, content) => {
      await setUp();
      const [confirm] = buttonsOf(await run('off'));

      const answer = await clickWith(confirm!.custom_id);

      expect(answer.content).toBe(content);
      expect(answer.components ?? []).toEqual([]);
      expect(await view.getGuild(GUILD)).toBeDefined();
    },
  );

  test('GIVEN the schedule already turned off WHEN an old Turn off is clicked THEN it says there is none', async () => {
    await setUp();
    const [confirm] = buttonsOf(await run('off'));
    await click(confirm!.custom_id);

    expect((await click(confirm!.custom_id)).content).toBe(scheduleEn.notSetUp);
  });

  test('GIVEN a Ukrainian admin WHEN asked and answered THEN the question, buttons and answer are Ukrainian', async () => {
    await setUp();
    const reply = await run('off', {}, { locale: 'uk' });
    expect(reply.content).toBe(
      scheduleUk.offConfirm.question(`<t:${Date.parse(NOW) / 1000 + 300}:f>`),
    );
    const [confirm, keep] = buttonsOf(reply);
    expect([confirm!.label, keep!.label]).toEqual([
      scheduleUk.offConfirm.confirm,
      scheduleUk.offConfirm.cancel,
    ]);
    expect((await click(keep!.custom_id, { locale: 'uk' })).content).toBe(
      scheduleUk.offConfirm.kept,
    );
  });
});

describe('time zone autocomplete', () => {
  test.each(['', 'a', 'europe', 'kyiv', 'x'.repeat(200)])(
    'GIVEN %j typed WHEN autocompleting THEN at most 25 valid choices',
    (value) => {
      const choices = schedule.autocomplete!(
        { ...input({}, { subcommand: 'setup' }), focused: { name: 'timezone', value } },
        ctx,
      );
      expectValidChoices(choices);
    },
  );

  test('GIVEN "kyiv" WHEN autocompleting THEN Europe/Kyiv comes first, with its offset now', () => {
    const [first] = schedule.autocomplete!(
      { ...input({}, { subcommand: 'setup' }), focused: { name: 'timezone', value: 'kyiv' } },
      ctx,
    );
    expect(first).toEqual({ name: 'Europe/Kyiv (UTC+2)', value: 'Europe/Kyiv' });
  });

  test('GIVEN another option focused WHEN autocompleting THEN no choices', () => {
    expect(
      schedule.autocomplete!(
        { ...input({}, { subcommand: 'setup' }), focused: { name: 'time', value: '9' } },
        ctx,
      ),
    ).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('when the store is in trouble', () => {
  const down = () => Promise.reject(new Error('connect ECONNREFUSED'));
  /** The context with the store's settings port replaced in part. */
  function withSettings(change: Partial<ScheduleContext['store']['settings']>): CommandContext {
    const store = { ...view.store, settings: { ...view.store.settings, ...change } };
    return { ...ctx, schedule: { ...ctx.schedule!, store } };
  }

  test.each([
    ['status', en.storage.unavailable],
    ['preview', en.storage.unavailable],
    ['resume', en.storage.unavailable],
    // A change that could not even read what it changes was not saved: said as such.
    ['set', en.storage.notSaved],
    ['pause', en.storage.notSaved],
  ])(
    'GIVEN the store not answering WHEN /schedule %s runs THEN it says try again shortly, ephemeral',
    async (subcommand, content) => {
      await setUp();
      const options = subcommand === 'preview' ? { kind: 'anniversary' } : {};
      const reply = await run(subcommand, options, {}, withSettings({ get: down }));
      expect(reply.content).toBe(content);
      expect(reply.content).toContain('try again shortly');
    },
  );

  test.each([
    ['pause', {}],
    ['set', { prompts: 'daily' }],
    ['setup', setupOptions({ time: '10:00' })],
  ] as const)(
    'GIVEN a store that refuses writes WHEN /schedule %s runs THEN it says not saved, and nothing changed',
    async (subcommand, options) => {
      const before = await setUp();
      const reply = await run(subcommand, options, {}, withSettings({ put: down }));
      expect(reply.content).toBe(en.storage.notSaved);
      expect(await view.getGuild(GUILD)).toEqual(before);
    },
  );

  test.each([
    ['setup', setupOptions({ time: '10:00' })],
    ['set', { prompts: 'daily' }],
    ['pause', {}],
    ['resume', {}],
    ['skip', { kind: 'anniversary' }],
    ['suggestions', { links: true }],
  ] as const)(
    'GIVEN a backend whose write fails after memory took the change WHEN /schedule %s runs THEN it says not saved, and the change did not take effect',
    async (subcommand, options) => {
      let refusing = false;
      const store = openMemoryStore({
        now: () => clock.now,
        persist: () => (refusing ? Promise.reject(new Error('disk full')) : Promise.resolve()),
      });
      const context = { ...ctx, schedule: { ...ctx.schedule!, store } };
      expect((await run('setup', setupOptions(), {}, context)).content).toContain(scheduleEn.saved);
      const before = await store.settings.get(GUILD);
      refusing = true;

      const reply = await run(subcommand, options, {}, context);

      expect(reply.content).toBe(en.storage.notSaved);
      expect(await store.settings.get(GUILD)).toEqual(before);
    },
  );

  test('GIVEN a store that refuses to delete WHEN turning off is confirmed THEN it says not saved, and the settings stay', async () => {
    const before = await setUp();
    const [confirm] = buttonsOf(await run('off'));
    const reply = await click(confirm!.custom_id, {}, withSettings({ delete: down }));
    expect(reply.content).toBe(en.storage.notSaved);
    expect(await view.getGuild(GUILD)).toEqual(before);
  });

  test('GIVEN the server’s settings were set aside at a start WHEN the admin next uses /schedule THEN they are told once, with the answer', async () => {
    let notice: { kind: 'settings-quarantined'; at: Date } | null = {
      kind: 'settings-quarantined',
      at: new Date(NOW),
    };
    const store = {
      ...view.store,
      notices: {
        take: () => {
          const taken = notice;
          notice = null;
          return Promise.resolve(taken);
        },
      },
    };
    const noticed: CommandContext = { ...ctx, schedule: { ...ctx.schedule!, store } };
    const first = await run('status', {}, {}, noticed);
    expect(first.content).toBe(`${en.storage.setAside}\n\n${scheduleEn.notSetUp}`);
    const second = await run('status', {}, {}, noticed);
    expect(second.content).toBe(scheduleEn.notSetUp);
  });

  test('GIVEN a claim in flight newer than the last post WHEN status is asked THEN the last post shown is the settled one', async () => {
    await setUp();
    await view.recordPost(pastPost());
    clock.now = new Date('2026-02-16T07:01:00.000Z');
    await view.store.ledger.claim({
      guildId: GUILD,
      key: 'digest:2026-W08',
      kind: 'digest',
      localDate: '2026-02-16',
      nonce: 'n',
      owner: 'runner',
      leaseMs: 60_000,
      retakeWindowMs: 150_000,
    });
    const postedAt = Date.parse('2026-02-16T07:00:05.000Z') / 1000;
    expect(shown(await run('status'))).toContain(`Anniversaries, <t:${postedAt}:R>: posted`);
  });
});

// Data-change announcements (issue 12): `/schedule set changes`, its status line and preview.
describe('/schedule set changes', () => {
  /** Noon in Kyiv on 30 November 2026: the bundled changelog's entries are of 1 December. */
  const BEFORE_CHANGES = '2026-11-30T10:00:00.000Z';
  const DEC1_NINE_KYIV = Date.parse('2026-12-01T07:00:00.000Z') / 1000;

  test('GIVEN a schedule without the option WHEN changes are turned on THEN the opt-in records when, and only that changes', async () => {
    clock.now = new Date(BEFORE_CHANGES);
    const before = await setUp();
    expect(before.changes).toBeUndefined();
    expect(shown(await run('status'))).toContain('**Data changes**: off');

    const reply = await run('set', { changes: true });

    expect(await view.getGuild(GUILD)).toEqual({ ...before, changes: { since: BEFORE_CHANGES } });
    const since = Date.parse(BEFORE_CHANGES) / 1000;
    expect(shown(reply)).toContain(
      `**Data changes** (${scheduleEn.changesSince(`<t:${since}:D>`)}): next <t:${DEC1_NINE_KYIV}:R>`,
    );
  });

  test('GIVEN changes on WHEN turned on again a day later THEN the first opt-in stands', async () => {
    clock.now = new Date(BEFORE_CHANGES);
    await setUp();
    await run('set', { changes: true });
    clock.now = new Date('2026-12-01T10:00:00.000Z');
    await run('set', { changes: true, prompts: 'daily' });
    expect(await view.getGuild(GUILD)).toMatchObject({
      changes: { since: BEFORE_CHANGES },
      prompts: 'daily',
    });
  });

  test('GIVEN changes on WHEN turned off THEN the opt-in is gone and the status says off', async () => {
    clock.now = new Date(BEFORE_CHANGES);
    await setUp();
    await run('set', { changes: true });
    const reply = await run('set', { changes: false });
    expect((await view.getGuild(GUILD))?.changes).toBeNull();
    expect(shown(reply)).toContain('**Data changes**: off');
  });

  test('GIVEN changes on and a change coming WHEN previewed THEN the first change of 1 December is shown with its sources, only to the admin, and nothing is posted', async () => {
    clock.now = new Date(BEFORE_CHANGES);
    await setUp();
    await run('set', { changes: true });
    const reply = await run('preview', { kind: 'change' });
    expect(reply.content).toMatch(
      new RegExp(`^${escape(scheduleEn.previewNote(`<t:${DEC1_NINE_KYIV}:F>`))}\\n\\n`),
    );
    // Opted in on 30 November: the first change due is the first dated that day or later.
    const first = testData().changelog.find((c) => c.date >= BEFORE_CHANGES.slice(0, 10))!;
    expect(reply.embeds?.[0]?.description).toContain(first.text.en);
    for (const url of first.sources) expect(shown(reply)).toContain(url);
    expect(await view.postsFor(GUILD)).toEqual([]);
  });

  test('GIVEN changes off WHEN previewed THEN there is nothing to show', async () => {
    clock.now = new Date(BEFORE_CHANGES);
    await setUp();
    expect((await run('preview', { kind: 'change' })).content).toBe(scheduleEn.previewNone);
  });

  test('GIVEN a Ukrainian admin WHEN the status is shown THEN the line is in Ukrainian', async () => {
    clock.now = new Date(BEFORE_CHANGES);
    await setUp();
    const reply = await run('set', { changes: true }, { locale: 'uk' });
    expect(shown(reply)).toContain(`**${scheduleUk.kinds.change}**`);
  });
});
