import { describe, expect, test } from 'vitest';
import {
  computeDue,
  computeDueForGuilds,
  GRACE_MS,
  localDayMemoSize,
  nextDueTimes,
  postNonce,
  type DuePost,
} from '../../src/schedule/due.js';
import { data, due, GUILD, prompts, settings, simulate, withExtraAgreement } from './helpers.js';

const MINUTE = 60_000;

function ids(post: DuePost | undefined): string[] {
  if (post?.status !== 'due') return [];
  return (post.body.embeds[0]?.fields ?? []).map((f) => f.name);
}

function dueOnly(...args: Parameters<typeof due>): DuePost[] {
  return due(...args).filter((p) => p.status === 'due');
}

function minus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) - ms).toISOString();
}

describe('anniversaries in the server time zone', () => {
  test.each([
    // Kyiv on both sides of the 2026 and 2027 clock changes (EET = UTC+2, EEST = UTC+3).
    ['Europe/Kyiv', '2026-03-01T07:00:00.000Z', '2026-03-01', ['Netherlands']],
    ['Europe/Kyiv', '2026-04-03T06:00:00.000Z', '2026-04-03', ['Finland']],
    ['Europe/Kyiv', '2026-10-17T06:00:00.000Z', '2026-10-17', ['Greece']],
    ['Europe/Kyiv', '2027-01-12T07:00:00.000Z', '2027-01-12', ['United Kingdom']],
    ['Europe/Kyiv', '2027-04-11T06:00:00.000Z', '2027-04-11', ['Latvia']],
    ['Europe/Kyiv', '2027-10-09T06:00:00.000Z', '2027-10-09', ['Croatia']],
    ['America/New_York', '2026-02-16T14:00:00.000Z', '2026-02-16', ['Germany', 'France']],
    ['America/New_York', '2026-06-13T13:00:00.000Z', '2026-06-13', ['Japan', 'United States']],
    ['Asia/Tokyo', '2026-02-16T00:00:00.000Z', '2026-02-16', ['Germany', 'France']],
    // Auckland is a calendar day ahead: its 16 February morning is 15 February in UTC.
    ['Pacific/Auckland', '2026-02-15T20:00:00.000Z', '2026-02-16', ['Germany', 'France']],
    ['Pacific/Auckland', '2026-04-02T20:00:00.000Z', '2026-04-03', ['Finland']],
    ['Pacific/Auckland', '2026-04-10T21:00:00.000Z', '2026-04-11', ['Latvia']],
    ['UTC', '2026-07-12T09:00:00.000Z', '2026-07-12', ['G7 declaration']],
  ])(
    'GIVEN a server in %s posting at 09:00 WHEN the clock reaches %s THEN the anniversary of %s is due, and not a minute before',
    (timeZone, dueAt, localDate, partners) => {
      const s = settings({ timeZone });
      // Earlier days' anniversaries may be reported missed; nothing may be due yet.
      expect(dueOnly(minus(dueAt, MINUTE), s)).toEqual([]);
      const [post, ...rest] = dueOnly(dueAt, s);
      expect(rest).toEqual([]);
      expect(post).toMatchObject({
        status: 'due',
        kind: 'anniversary',
        key: `anniversary:${localDate}`,
        localDate,
      });
      expect(post!.dueAt.toISOString()).toBe(dueAt);
      const names = ids(post);
      expect(names).toHaveLength(partners.length);
      partners.forEach((partner, i) => expect(names[i]).toContain(partner));
    },
  );

  test('GIVEN 31 May, when Sweden, Iceland and Norway signed WHEN due THEN one post names all three', () => {
    const posts = dueOnly('2026-05-31T06:00:00.000Z', settings());
    expect(posts).toHaveLength(1);
    const [post] = posts;
    if (post?.status !== 'due') throw new Error('expected a due post');
    expect(post.body.content).toContain(
      '**2 years ago today** (<t:1717156800:D>), Ukraine signed security agreements with 🇮🇸 Iceland, 🇳🇴 Norway and 🇸🇪 Sweden.',
    );
    expect(ids(post).map((n) => n.split(':')[0])).toEqual(['🇮🇸 Iceland', '🇳🇴 Norway', '🇸🇪 Sweden']);
  });

  test('GIVEN 27 June (EU, Lithuania, Estonia) WHEN due THEN the EU, which states no duration, gets no term line', () => {
    const [post] = dueOnly('2025-06-27T06:00:00.000Z', settings());
    if (post?.status !== 'due') throw new Error('expected a due post');
    const fields = post.body.embeds[0]!.fields!;
    expect(fields.map((f) => f.name.split(':')[0])).toEqual([
      '🇪🇪 Estonia',
      '🇪🇺 European Union',
      '🇱🇹 Lithuania',
    ]);
    expect(fields[1]!.value).not.toContain('Term:');
    expect(fields[0]!.value).toContain('Term: 10 years, to <t:');
    expect(fields[0]!.value).toContain('9 years left');
  });

  test('GIVEN 11 July (Romania and the Ukraine Compact) WHEN due THEN the framework document is named as such', () => {
    const [post] = dueOnly('2026-07-11T06:00:00.000Z', settings());
    if (post?.status !== 'due') throw new Error('expected a due post');
    expect(post.body.content).toContain(
      'Ukraine and 🇷🇴 Romania signed their security agreement, and the Ukraine Compact was signed',
    );
  });

  test('GIVEN the first anniversary has not come WHEN the signing day itself arrives THEN nothing is due (year ≥ 1)', () => {
    expect(due('2024-02-16T07:00:00.000Z', settings())).toEqual([]);
    expect(due('2025-01-21T07:00:00.000Z', settings())).toEqual([]);
    expect(due('2026-01-21T07:00:00.000Z', settings())).toHaveLength(1);
  });

  test.each([
    ['2025-02-28T07:00:00.000Z', true, '1 year'],
    ['2025-03-01T07:00:00.000Z', false, ''],
    ['2028-02-28T07:00:00.000Z', false, ''],
    ['2028-02-29T07:00:00.000Z', true, '4 years'],
    ['2029-02-28T07:00:00.000Z', true, '5 years'],
  ])('GIVEN a 29 February signing WHEN it is %s in Kyiv THEN due=%s', (now, expected, years) => {
    const leap = withExtraAgreement('2024-02-29');
    const posts = dueOnly(now, settings(), [], leap);
    const leapPost = posts.find((p) => p.status === 'due' && p.body.content.includes('Leapland'));
    expect(leapPost !== undefined).toBe(expected);
    if (leapPost?.status === 'due')
      expect(leapPost.body.content).toContain(`**${years} ago today**`);
  });
});

describe('Kyiv clock changes', () => {
  test.each([
    [
      'spring 2026',
      '2026-03-28',
      ['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z'],
    ],
    [
      'autumn 2026',
      '2026-10-24',
      ['2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z', '2026-10-26T07:00:00.000Z'],
    ],
    [
      'spring 2027',
      '2027-03-27',
      ['2027-03-27T07:00:00.000Z', '2027-03-28T06:00:00.000Z', '2027-03-29T06:00:00.000Z'],
    ],
    [
      'autumn 2027',
      '2027-10-30',
      ['2027-10-30T06:00:00.000Z', '2027-10-31T07:00:00.000Z', '2027-11-01T07:00:00.000Z'],
    ],
  ])(
    'GIVEN daily prompts at 09:00 Kyiv WHEN ticking every 5 minutes across the %s change THEN one post a day, at 09:00 local each day',
    (_name, firstDay, expected) => {
      const from = `${firstDay}T00:00:00.000Z`;
      const to = new Date(Date.parse(from) + 3 * 24 * 3600_000 - MINUTE).toISOString();
      const s = settings({ anniversaries: false, prompts: 'daily', activeSince: from });
      const { posted, missed } = simulate(from, to, s);
      expect(missed).toEqual([]);
      expect(posted.map((p) => p.at)).toEqual(expected);
      expect(posted.map((p) => p.post.dueAt.toISOString())).toEqual(expected);
    },
  );

  test('GIVEN a stored time of 03:30, inside the spring gap WHEN the gap day passes THEN it posts once, just after the gap', () => {
    const s = settings({ anniversaries: false, prompts: 'daily', hour: 3, minute: 30 });
    const { posted } = simulate('2026-03-28T22:00:00.000Z', '2026-03-29T20:00:00.000Z', s);
    // 03:30 does not exist on 29 March: 03:00 EET jumps to 04:00 EEST; 04:30 EEST is 01:30Z.
    expect(posted.map((p) => [p.post.key, p.at])).toEqual([
      ['prompt:2026-03-29', '2026-03-29T01:30:00.000Z'],
    ]);
  });

  test('GIVEN a stored time of 03:30, inside the autumn overlap WHEN the clock passes 03:30 twice THEN it posts once', () => {
    const s = settings({ anniversaries: false, prompts: 'daily', hour: 3, minute: 30 });
    const { posted } = simulate('2026-10-24T22:00:00.000Z', '2026-10-25T20:00:00.000Z', s);
    expect(posted).toHaveLength(1);
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(posted[0]!.at);
  });
});

describe('the weekly digest', () => {
  const digestOn = (weekday: number) =>
    settings({ anniversaries: false, digest: { enabled: true, weekday } });

  test.each([
    ['the Sunday night before', '2026-02-15T21:59:00.000Z', 1, null],
    ['Monday 09:00', '2026-02-16T07:00:00.000Z', 1, 'digest:2026-W08'],
    [
      'Monday 29 December, in ISO week 1 of the next year',
      '2025-12-29T07:00:00.000Z',
      1,
      'digest:2026-W01',
    ],
    [
      'Sunday 4 January, the last day of the same ISO week',
      '2026-01-04T07:00:00.000Z',
      7,
      'digest:2026-W01',
    ],
  ])('GIVEN a Monday digest WHEN it is %s THEN the key is %s', (_name, now, weekday, key) => {
    const posts = due(now, digestOn(weekday));
    expect(posts.map((p) => p.key)).toEqual(key ? [key] : []);
  });

  test('GIVEN Monday 16 February WHEN the digest is due THEN it lists 17–23 February (Denmark) and not 24 February', () => {
    const [post] = due('2026-02-16T07:00:00.000Z', digestOn(1));
    if (post?.status !== 'due') throw new Error('expected a due post');
    const upcoming = post.body.embeds[0]!.fields![0]!.value;
    expect(upcoming).toBe('<t:1771848000:D>: 🇩🇰 Denmark, 2 years');
  });

  test('GIVEN Sunday 22 February WHEN the digest is due THEN 23 February to 1 March are listed', () => {
    const [post] = due('2026-02-22T07:00:00.000Z', digestOn(7));
    if (post?.status !== 'due') throw new Error('expected a due post');
    const upcoming = post.body.embeds[0]!.fields![0]!.value;
    for (const partner of ['Denmark', 'Italy', 'Canada', 'Netherlands'])
      expect(upcoming).toContain(partner);
    expect(upcoming.split('\n')).toHaveLength(4);
  });

  test('GIVEN the digest of two days in one week and of the next week WHEN compared THEN the featured agreement and quote change by week only', () => {
    const featured = (now: string, weekday: number) => {
      const [post] = due(now, digestOn(weekday));
      if (post?.status !== 'due') throw new Error('expected a due post');
      const fields = post.body.embeds[0]!.fields!;
      return [fields[1]!.name, fields[2]!.value];
    };
    const monday = featured('2026-02-16T07:00:00.000Z', 1);
    expect(featured('2026-02-22T07:00:00.000Z', 7)).toEqual(monday);
    expect(featured('2026-02-23T07:00:00.000Z', 1)).not.toEqual(monday);
  });

  test('GIVEN this week digest already posted on Monday WHEN the admin moves the digest to Thursday THEN nothing more is posted that week', () => {
    expect(due('2026-02-19T07:00:00.000Z', digestOn(4), ['digest:2026-W08'])).toEqual([]);
    expect(
      due('2026-02-26T07:00:00.000Z', digestOn(4), ['digest:2026-W08']).map((p) => p.key),
    ).toEqual(['digest:2026-W09']);
  });
});

describe('discussion prompts', () => {
  test('GIVEN daily prompts WHEN 60 days pass THEN every prompt is posted once before any repeats', () => {
    const s = settings({ anniversaries: false, prompts: 'daily' });
    const { posted } = simulate('2026-01-01T00:00:00.000Z', '2026-03-01T23:55:00.000Z', s, 60);
    const order = posted.map((p) => (p.post.status === 'due' ? p.post.promptId : null));
    const n = prompts.prompts.length;
    // More days than prompts, so the round ends and the next one starts from the top.
    expect(n).toBeLessThan(60);
    expect(order).toHaveLength(60);
    expect(order.slice(0, n)).toEqual(prompts.prompts.map((p) => p.id));
    expect(order.slice(n)).toEqual(prompts.prompts.slice(0, 60 - n).map((p) => p.id));
  });

  test('GIVEN weekly prompts with the digest day on Wednesday WHEN three weeks pass THEN three prompts come, each on a Wednesday', () => {
    const s = settings({
      anniversaries: false,
      prompts: 'weekly',
      digest: { enabled: false, weekday: 3 },
    });
    const { posted } = simulate('2026-02-01T00:00:00.000Z', '2026-02-21T23:00:00.000Z', s, 60);
    expect(posted.map((p) => [p.post.key, p.post.localDate])).toEqual([
      ['prompt:2026-W06', '2026-02-04'],
      ['prompt:2026-W07', '2026-02-11'],
      ['prompt:2026-W08', '2026-02-18'],
    ]);
  });

  test('GIVEN a server that has seen the first prompts WHEN a prompt is due THEN it gets the next unseen one, with a poll and a thread', () => {
    const seen = prompts.prompts.slice(0, 3).map((p) => p.id);
    const [post] = dueOnly(
      '2026-02-16T07:00:00.000Z',
      settings({ anniversaries: false, prompts: 'daily', promptsSeen: seen }),
    );
    if (post?.status !== 'due') throw new Error('expected a due post');
    expect(post.promptId).toBe(prompts.prompts[3]!.id);
    expect(post.thread?.auto_archive_duration).toBe(1440);
  });
});

describe('restarts, catch-up and double ticks', () => {
  const dueAt = '2026-02-16T07:00:00.000Z'; // Germany and France, 09:00 Kyiv

  test.each([
    ['just after', '2026-02-16T07:01:00.000Z', 'due'],
    ['5 hours late', '2026-02-16T12:00:00.000Z', 'due'],
    ['exactly at the end of the grace window', '2026-02-16T13:00:00.000Z', 'due'],
    ['a second past the grace window', '2026-02-16T13:00:01.000Z', 'missed'],
    ['the next morning', '2026-02-17T09:00:00.000Z', 'missed'],
  ])(
    'GIVEN the bot was down over the post WHEN it starts %s THEN the post is %s',
    (_name, now, status) => {
      const posts = due(now, settings());
      expect(posts.map((p) => [p.key, p.status])).toEqual([['anniversary:2026-02-16', status]]);
      expect(posts[0]!.dueAt.toISOString()).toBe(dueAt);
    },
  );

  test('GIVEN the bot was down for days WHEN it starts THEN posts older than the lookback are not enumerated', () => {
    expect(due('2026-02-18T12:00:00.000Z', settings())).toEqual([]);
  });

  test('GIVEN a 22:00 daily prompt WHEN the bot restarts at 03:00 the next local day THEN yesterday’s prompt is still due', () => {
    const s = settings({
      anniversaries: false,
      prompts: 'daily',
      hour: 22,
      activeSince: '2026-02-16T00:00:00.000Z',
    });
    expect(due('2026-02-17T01:00:00.000Z', s).map((p) => [p.key, p.status])).toEqual([
      ['prompt:2026-02-16', 'due'],
    ]);
    expect(due('2026-02-17T02:00:01.000Z', s).map((p) => [p.key, p.status])).toEqual([
      ['prompt:2026-02-16', 'missed'],
    ]);
  });

  test('GIVEN the post was logged WHEN a second tick, a reconnect or a restart computes again THEN nothing is due', () => {
    const s = settings({ prompts: 'daily' });
    const first = due('2026-02-16T07:00:00.000Z', s);
    expect(first.map((p) => [p.key, p.status])).toEqual([
      ['prompt:2026-02-15', 'missed'],
      ['anniversary:2026-02-16', 'due'],
      ['prompt:2026-02-16', 'due'],
    ]);
    const logged = first.map((p) => p.key);
    for (const now of [
      '2026-02-16T07:00:00.000Z',
      '2026-02-16T07:05:00.000Z',
      '2026-02-16T12:59:00.000Z',
    ]) {
      expect(due(now, s, logged)).toEqual([]);
    }
  });

  test('GIVEN a failed or skipped entry WHEN computed again THEN the key stays settled', () => {
    expect(due('2026-02-16T08:00:00.000Z', settings(), ['anniversary:2026-02-16'])).toEqual([]);
  });

  test('GIVEN the schedule was set up after today’s time WHEN computed THEN today’s post is neither due nor missed', () => {
    const s = settings({ activeSince: '2026-02-16T08:00:00.000Z' });
    expect(due('2026-02-16T08:05:00.000Z', s)).toEqual([]);
    expect(due('2026-02-23T07:00:00.000Z', s).map((p) => p.key)).toEqual([
      'anniversary:2026-02-23',
    ]);
  });

  test('GIVEN a post WHEN its nonce is computed twice THEN it is the same and fits Discord’s 25 characters', () => {
    expect(postNonce(GUILD, 'anniversary:2026-02-16')).toBe(
      postNonce(GUILD, 'anniversary:2026-02-16'),
    );
    expect(postNonce(GUILD, 'anniversary:2026-02-16')).not.toBe(
      postNonce(GUILD, 'anniversary:2027-02-16'),
    );
    expect(postNonce(GUILD, 'x').length).toBe(25);
  });
});

describe('servers that post nothing', () => {
  const all = { prompts: 'daily' as const, digest: { enabled: true, weekday: 1 } };
  test.each([
    ['paused', settings({ ...all, paused: true })],
    [
      'blocked',
      settings({
        ...all,
        blocked: {
          reason: 'The channel was deleted.',
          code: 10003,
          since: '2026-02-01T00:00:00.000Z',
        },
      }),
    ],
    [
      'with every kind off',
      settings({ anniversaries: false, prompts: 'off', digest: { enabled: false, weekday: 1 } }),
    ],
    [
      'with a time zone the runtime no longer knows',
      settings({ ...all, timeZone: 'Mars/Olympus_Mons' }),
    ],
  ])('GIVEN a server %s WHEN its time comes THEN nothing is due', (_name, s) => {
    expect(due('2026-02-16T07:00:00.000Z', s)).toEqual([]);
  });
});

describe('computeDueForGuilds', () => {
  test('GIVEN three configured servers WHEN a runner serves two of them THEN only those two are computed', () => {
    const guilds = new Map([
      ['100000000000000001', settings()],
      ['100000000000000002', settings({ timeZone: 'Asia/Tokyo' })],
      ['100000000000000003', settings()],
    ]);
    const posts = computeDueForGuilds({
      now: new Date('2026-02-16T07:00:00.000Z'),
      guildIds: ['100000000000000001', '100000000000000002', '100000000000000009'],
      settingsFor: (id) => guilds.get(id),
      postLogFor: () => new Set(),
      data,
      prompts,
    });
    expect(posts.map((p) => [p.guildId, p.status])).toEqual([
      ['100000000000000001', 'due'],
      // 09:00 in Tokyo was 7 hours ago: past the grace window.
      ['100000000000000002', 'missed'],
    ]);
  });

  test('GIVEN a narrower grace window WHEN passed THEN it is used', () => {
    const posts = computeDue({
      now: new Date('2026-02-16T08:00:00.000Z'),
      guildId: GUILD,
      settings: settings(),
      postLog: new Set(),
      data,
      prompts,
      graceMs: 30 * MINUTE,
    });
    expect(posts.map((p) => p.status)).toEqual(['missed']);
    expect(GRACE_MS).toBe(6 * 3600_000);
  });
});

describe('nextDueTimes', () => {
  test('GIVEN a server on Sunday night WHEN asked THEN each kind’s next time is its next local 09:00', () => {
    const next = nextDueTimes(
      new Date('2026-02-15T20:00:00.000Z'),
      settings({ prompts: 'weekly', digest: { enabled: true, weekday: 3 } }),
      new Set(),
      data,
    );
    expect(next.anniversary?.toISOString()).toBe('2026-02-16T07:00:00.000Z');
    expect(next.digest?.toISOString()).toBe('2026-02-18T07:00:00.000Z');
    expect(next.prompt?.toISOString()).toBe('2026-02-18T07:00:00.000Z');
  });
});

describe('the memo of local days', () => {
  /** A copy of the data: its own, empty memos, so counts are this test's alone. */
  const freshData = () => ({ ...data });
  const weekly = settings({ prompts: 'weekly', digest: { enabled: true, weekday: 3 } });
  /** 07:00 Kyiv on Monday 16 February 2026, and `minutes` later. */
  const mondayMorning = (minutes: number) =>
    new Date(Date.parse('2026-02-16T05:00:00.000Z') + minutes * MINUTE);

  test('GIVEN 1,000 /schedule status calls at distinct instants of one Kyiv day WHEN each asks for the next times THEN the memo holds one entry, not one per instant', () => {
    const dataset = freshData();
    for (let i = 0; i < 1_000; i += 1) {
      nextDueTimes(mondayMorning(i), weekly, new Set(), dataset);
    }
    expect(localDayMemoSize(dataset)).toBe(1);
  });

  test('GIVEN 1,000 ticks at distinct instants of one Kyiv day WHEN each computes what is due THEN the memo holds one entry', () => {
    const dataset = freshData();
    for (let i = 0; i < 1_000; i += 1) {
      due(mondayMorning(i).toISOString(), weekly, [], dataset);
    }
    expect(localDayMemoSize(dataset)).toBe(1);
  });

  test.each([
    [
      'either side of Kyiv’s midnight, on one UTC date',
      '2026-02-15T21:59:00Z',
      '2026-02-15T22:01:00Z',
      2,
    ],
    [
      'either side of UTC midnight, on one Kyiv date',
      '2026-02-15T23:59:00Z',
      '2026-02-16T00:01:00Z',
      1,
    ],
  ])(
    'GIVEN two status calls %s WHEN asked THEN the memo is keyed by the local date (%s, %s → %i)',
    (_label, first, second, entries) => {
      const dataset = freshData();
      nextDueTimes(new Date(first), weekly, new Set(), dataset);
      nextDueTimes(new Date(second), weekly, new Set(), dataset);
      expect(localDayMemoSize(dataset)).toBe(entries);
    },
  );

  test('GIVEN the memo warmed earlier that day WHEN asked again THEN the answer is the one a cold memo gives', () => {
    const warm = freshData();
    nextDueTimes(mondayMorning(0), weekly, new Set(), warm);
    for (const minutes of [119, 121, 600]) {
      const at = mondayMorning(minutes);
      expect(nextDueTimes(at, weekly, new Set(), warm)).toEqual(
        nextDueTimes(at, weekly, new Set(), freshData()),
      );
    }
    // 08:59 Kyiv: today's 09:00 is next; 09:01: it has passed, so the next is another day.
    expect(
      nextDueTimes(mondayMorning(119), weekly, new Set(), warm).anniversary?.toISOString(),
    ).toBe('2026-02-16T07:00:00.000Z');
    expect(
      nextDueTimes(mondayMorning(121), weekly, new Set(), warm).anniversary?.getTime(),
    ).toBeGreaterThan(Date.parse('2026-02-16T07:00:00.000Z'));
  });
});

describe('the server’s language', () => {
  const everything = (language: string | null) =>
    settings({
      language,
      digest: { enabled: true, weekday: 1 },
      prompts: 'weekly',
    });

  test.each([
    ['uk', '📅 **Цього дня', '🗞️ **Щотижневий огляд**', '💬 **Питання для обговорення**'],
    ['uk-UA', '📅 **Цього дня', '🗞️ **Щотижневий огляд**', '💬 **Питання для обговорення**'],
    ['en', '📅 **2 years ago today**', '🗞️ **Weekly digest**', '💬 **Discussion prompt**'],
    [null, '📅 **2 years ago today**', '🗞️ **Weekly digest**', '💬 **Discussion prompt**'],
  ])(
    'GIVEN language %j WHEN Monday 16 February 2026 is due THEN all three posts are written in it',
    (language, anniversary, digest, prompt) => {
      const posts = dueOnly('2026-02-16T07:00:00.000Z', everything(language));
      const content = (kind: string) => {
        const post = posts.find((p) => p.kind === kind);
        return post?.status === 'due' ? post.body.content : '';
      };
      expect(content('anniversary').startsWith(anniversary)).toBe(true);
      expect(content('digest').startsWith(digest)).toBe(true);
      expect(content('prompt').startsWith(prompt)).toBe(true);
    },
  );

  test('GIVEN two servers alike but for the language WHEN due at the same instant THEN neither gets the other’s memoised body', () => {
    const at = '2026-02-16T07:00:00.000Z';
    const english = dueOnly(at, everything('en'));
    const ukrainian = dueOnly(at, everything('uk'));
    const englishAgain = dueOnly(at, everything('en'));
    expect(ukrainian.map((p) => p.key)).toEqual(english.map((p) => p.key));
    for (const [i, post] of ukrainian.entries()) {
      if (post.status !== 'due' || english[i]?.status !== 'due') throw new Error('expected due');
      expect(post.body.content).not.toBe(english[i].body.content);
      // Same key, same nonce: the language changes the words, not which post it is.
      expect(post.nonce).toBe(english[i].nonce);
    }
    expect(englishAgain).toEqual(english);
  });

  test('GIVEN a Ukrainian server’s prompt with a poll WHEN due THEN the poll asks the Ukrainian question', () => {
    const [post] = dueOnly(
      '2026-02-16T07:00:00.000Z',
      settings({ language: 'uk', anniversaries: false, prompts: 'daily' }),
    );
    if (post?.status !== 'due') throw new Error('expected a due prompt');
    const prompt = prompts.byId.get(post.promptId!)!;
    expect(post.body.poll?.question.text).toBe(prompt.question.uk);
  });
});
