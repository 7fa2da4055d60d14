import { PermissionFlagsBits } from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { about } from '../../src/commands/about.js';
import { agreement } from '../../src/commands/agreement.js';
import { agreements } from '../../src/commands/agreements.js';
import { changes } from '../../src/commands/changes.js';
import { guarantees } from '../../src/commands/guarantees.js';
import { Cooldowns } from '../../src/commands/cooldowns.js';
import { discuss } from '../../src/commands/discuss.js';
import { commands } from '../../src/commands/index.js';
import { map } from '../../src/commands/map.js';
import { quote } from '../../src/commands/quote.js';
import { compare } from '../../src/commands/compare.js';
import { searchCommand } from '../../src/commands/search.js';
import { schedule } from '../../src/commands/schedule.js';
import { timeline } from '../../src/commands/timeline.js';
import type {
  ChannelInspector,
  ChannelPermission,
  Choice,
  CommandContext,
  CommandInput,
  ScheduleContext,
} from '../../src/commands/types.js';
import { loadData, type Dataset } from '../../src/data/load.js';
import type { Change } from '../../src/data/records-schema.js';
import { ARTICLE, type Agreement, type Person, type Quote } from '../../src/data/schema.js';
import { en } from '../../src/i18n/en.js';
import { stringsFor } from '../../src/i18n/index.js';
import { uk } from '../../src/i18n/uk.js';
import { formatAmount } from '../../src/render/format.js';
import { PAGE_SIZE } from '../../src/render/list.js';
import {
  renderAnniversaryPost,
  renderDigestPost,
  renderPromptPost,
  yearsSince,
  type ScheduledMessage,
} from '../../src/render/posts.js';
import type { ReplyBody } from '../../src/render/reply.js';
import { previewDue } from '../../src/preview/due.js';
import { seededRandom } from '../../src/preview/random.js';
import { anniversariesOn } from '../../src/schedule/due.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testData } from '../helpers/context.js';
import { testStore } from '../helpers/store.js';

/**
 * Data, not UI: it stays in the language of its source by design, so the leak check replaces it
 * with a marker before it looks for English. Each entry is a field of the data files; nothing else
 * is exempt.
 *  - agreement titles, commitment texts, notes: the wording of English-language sources;
 *  - a place, a signatory or a partner's short name only where the data has no Ukrainian one;
 *  - source and text URLs (their paths are English words), and the sentences sources hold;
 *  - quote texts and contexts (never machine-translated); a speaker's name, role and organisation
 *    only where the data has no Ukrainian one;
 *  - the seed article's title, a source's name ("…until Ukraine joins NATO"), which holds words
 *    that are also whole UI strings ("Ukraine" on the map's legend).
 */
const DATA = 'ДАНІ';

function withoutEnglishData(raw: Dataset): Dataset {
  const url = (id: string) => `https://example.org/${id}`;
  const agreementsRaw = raw.agreements.map((a): Agreement => ({
    ...a,
    title: DATA,
    partner: {
      ...a.partner,
      shortName: { ...a.partner.shortName, en: a.partner.shortName.uk ?? DATA },
    },
    place: a.place !== null && a.place.uk === null ? { en: DATA, uk: null } : a.place,
    signatories: {
      partner: a.signatories.partner.map((n) => (n.uk ? n : { en: DATA, uk: null })),
      ukraine: a.signatories.ukraine.map((n) => (n.uk ? n : { en: DATA, uk: null })),
    },
    commitments: a.commitments.map((c) => ({ ...c, text: DATA })),
    notes: a.notes.map(() => DATA),
    textUrl: a.textUrl === null ? null : url(`${a.id}/text`),
    sources: a.sources.map((s, i) => ({
      ...s,
      // A source's sentence is quoted verbatim, in the source's language (`/search` shows it).
      quote: DATA,
      url: s.url === 'article' ? s.url : url(`${a.id}/${i}`),
    })),
  }));
  const peopleRaw = raw.people.map((p): Person => ({
    ...p,
    name: { en: p.name.uk ?? `${DATA} ${p.id}`, uk: p.name.uk },
    role: p.role.uk === null ? { en: DATA, uk: null } : p.role,
    organisation: p.organisation.uk === null ? { en: DATA, uk: null } : p.organisation,
  }));
  const quotesRaw = raw.quotes.map((q, i): Quote => ({
    ...q,
    text: DATA,
    context: DATA,
    source: q.source === 'article' ? q.source : url(`quote/${i}`),
  }));
  // The changelog's corrections cite the agreements' pages: point them at the same stand-ins.
  const changelogRaw = raw.changelog.map((c): Change => ({
    ...c,
    sources: c.sources.map((source) => {
      for (const id of c.agreementIds) {
        const i = raw.agreementById.get(id)?.sources.findIndex((s) => s.url === source) ?? -1;
        if (i >= 0) return url(`${id}/${i}`);
      }
      return source;
    }),
  }));
  return loadData({
    agreements: agreementsRaw,
    people: peopleRaw,
    quotes: quotesRaw,
    changelog: changelogRaw,
  });
}

type Leaf = { path: string; value: unknown };

function leaves(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      leaves(child, path ? `${path}.${key}` : key),
    );
  }
  return [{ path, value }];
}

const ARG = '\u0001';

/**
 * The English text of every UI string: string leaves whole, and each function's output for
 * placeholder arguments, split where the arguments went (so "For ${partner}" gives "For").
 * Pieces with no Latin letter ("(", ": ") cannot leak English.
 */
function englishFragments(): { path: string; text: string }[] {
  return (
    leaves(en)
      // Codes, not words: the locale and the language a reader's data is picked in.
      .filter(({ path }) => path !== 'locale' && path !== 'language')
      .flatMap(({ path, value }) => {
        const text =
          typeof value === 'function'
            ? String((value as (...args: string[]) => string)(ARG, ARG, ARG, ARG))
            : String(value);
        return text.split(ARG).map((piece) => ({ path, text: piece.trim() }));
      })
      .filter(({ text }) => /\p{Script=Latin}{2}/u.test(text))
  );
}

/** Where an English fragment shows, as a whole phrase (not inside a longer word). */
function findLeaks(shown: string, fragments: { path: string; text: string }[]): string[] {
  return fragments
    .filter(({ text }) => {
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(shown);
    })
    .map(({ path, text }) => `${path}: "${text}"`);
}

/**
 * Names shown as they are: the seed article's title, the partners' English short names where
 * the data has no Ukrainian one ("Ukraine Compact", which a Ukrainian prompt also names), and the
 * Latin-script names inside the Ukrainian roles and organisations ("Friends of Europe").
 */
const NAMES_AS_DATA = [
  ARTICLE.title,
  ...testData()
    .agreements.filter((a) => a.partner.shortName.uk === null)
    .map((a) => a.partner.shortName.en),
  ...testData().people.flatMap((p) =>
    [p.role.uk ?? '', p.organisation.uk ?? ''].flatMap(
      (text) => text.match(/\p{Script=Latin}{2}[\p{Script=Latin}\d ]*\p{Script=Latin}/gu) ?? [],
    ),
  ),
];

/** A reply, a scheduled post (body and thread), or autocomplete choices. */
type Shown = ReplyBody | Choice[] | ScheduledMessage;

/**
 * The text a reader sees: every string in the reply or post except ids and addresses, with each
 * picture's alt text (its attachment `description`).
 */
function shownText(body: Shown): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key !== 'custom_id' && key !== 'url') parts.push(value);
    } else if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  if (Array.isArray(body)) {
    // A choice's value is an id the user never sees.
    parts.push(...body.map((choice) => choice.name));
  } else if ('files' in body) {
    const { files, ...rest } = body;
    walk(rest, '');
    // The file name ("timeline.png") is not shown; its description is the alt text.
    for (const file of files ?? []) parts.push(file.description);
  } else {
    walk(body, '');
  }
  // Markdown links show only their label. Names that are data are blanked with a marker that is
  // neither English nor Ukrainian, so the check of an English reply still sees no Cyrillic.
  let shown = parts.join('\n').replace(/\]\(https?:\/\/[^)\s]+\)/g, ']');
  for (const name of NAMES_AS_DATA) shown = shown.replaceAll(name, '§');
  return shown;
}

/** English that Intl or a hand-built format would let through: months, "bn", "€7.1", "Page". */
const ENGLISH_FORMATS = [
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
  /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/,
  /\d(bn|m|k)\b/,
  /\b(billion|million|thousand)\b/i,
  /[€£$]\s?\d/,
  // ISO codes where Ukrainian has currency names ("7,1 млрд EUR" for "7,1 млрд євро").
  /\d\s?(EUR|GBP|USD|CAD|SEK|NOK|ISK)\b/,
];

const real = testData();
const data = withoutEnglishData(real);
const fragments = englishFragments();

function ctx(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    data,
    now: () => new Date('2026-02-16T09:00:00Z'),
    random: seededRandom(7),
    reportUrl: null,
    ...overrides,
  };
}

const ukInput = (options: Record<string, string> = {}) => input(options, { locale: 'uk' });

async function everyUkrainianReply(): Promise<{ name: string; body: ReplyBody | Choice[] }[]> {
  const replies: { name: string; body: ReplyBody | Choice[] }[] = [];
  const add = async (name: string, body: ReplyBody | Choice[] | Promise<ReplyBody>) => {
    replies.push({ name, body: await body });
  };
  for (const a of data.agreements) {
    await add(`/agreement ${a.id}`, agreement.respond(ukInput({ partner: a.id }), ctx()));
  }
  const pages = Math.ceil(data.agreements.length / PAGE_SIZE);
  for (const order of ['date', 'name']) {
    await add(`/agreements ${order}`, agreements.respond(ukInput({ order }), ctx()));
    for (let page = 0; page < pages; page += 1) {
      const button = { ...ukInput(), args: ['page', order, String(page)] };
      await add(`/agreements ${order} page ${page}`, agreements.button!(button, ctx()));
    }
  }
  await add('/timeline', timeline.respond(ukInput(), ctx()));
  for (const r of data.records) {
    await add(`/agreement ${r.id}`, agreement.respond(ukInput({ partner: r.id }), ctx()));
  }
  await add('/agreement Slovakia', agreement.respond(ukInput({ partner: 'Словаччина' }), ctx()));
  await add('/agreement blank', agreement.respond(ukInput({ partner: ' ' }), ctx()));
  await add('/guarantees', guarantees.respond(ukInput(), ctx()));
  await add('/changes', changes.respond(ukInput(), ctx()));
  for (const show of ['all', '2024', '2025', 'dw21']) {
    await add(`/map ${show}`, map.respond(ukInput({ show }), ctx()));
  }
  for (const [speakerId, quotes] of data.quotesBySpeaker) {
    for (let i = 0; i < quotes.length; i += 1) {
      // A random number that lands on the i-th of the speaker's quotes.
      const random = () => (i + 0.5) / quotes.length;
      await add(
        `/quote ${speakerId} #${i}`,
        quote.respond(ukInput({ speaker: speakerId }), ctx({ random })),
      );
    }
  }
  await add('/quote', quote.respond(ukInput(), ctx()));
  await add('/about', about.respond(ukInput(), ctx()));
  await add(
    '/about with a report URL',
    about.respond(ukInput(), ctx({ reportUrl: 'https://example.org/report' })),
  );
  await add('/agreement not found', agreement.respond(ukInput({ partner: 'zzqx' }), ctx()));
  await add('/agreement near miss', agreement.respond(ukInput({ partner: 'Germny' }), ctx()));
  await add('/agreement ambiguous', agreement.respond(ukInput({ partner: '🇩🇪🇫🇷' }), ctx()));
  await add('/quote speaker not found', quote.respond(ukInput({ speaker: 'zzqx' }), ctx()));
  await add('/quote speaker near miss', quote.respond(ukInput({ speaker: 'Shae' }), ctx()));
  await add('/quote topic not found', quote.respond(ukInput({ topic: 'zzqx' }), ctx()));
  await add(
    '/quote speaker:Shea topic not found',
    quote.respond(ukInput({ speaker: 'jamie-shea', topic: 'zzqx' }), ctx()),
  );
  for (const query of ['Німеччина', 'Варшава', 'спірна', '24 години', 'ДАНІ', 'zzqx', 'та і']) {
    await add(`/search ${query}`, searchCommand.respond(ukInput({ query }), ctx()));
  }
  await add(
    '/search kind:quotes',
    searchCommand.respond(ukInput({ query: 'ДАНІ', kind: 'quotes' }), ctx()),
  );
  await add(
    '/search page 2',
    searchCommand.button!({ ...ukInput(), args: ['p', 'x', '1', 'ДАНІ'] }, ctx()),
  );
  for (const [first, second] of [
    ['de', 'jp'],
    ['g7-declaration', 'eu'],
    ['hr', 'ukraine-compact'],
  ] as const) {
    await add(`/compare ${first} ${second}`, compare.respond(ukInput({ first, second }), ctx()));
  }
  await add(
    '/compare with a chart',
    compare.respond(
      {
        ...ukInput({ first: 'gb', second: 'fr' }),
        options: { first: 'gb', second: 'fr', picture: true },
      },
      ctx(),
    ),
  );
  await add('/compare same', compare.respond(ukInput({ first: 'de', second: 'de' }), ctx()));
  for (const clause of ['stated', 'not-stated', 'none']) {
    await add(`/agreements clause:${clause}`, agreements.respond(ukInput({ clause }), ctx()));
  }
  for (const kind of ['official', 'framework', 'disputed']) {
    await add(`/agreements kind:${kind}`, agreements.respond(ukInput({ kind }), ctx()));
  }
  await add(
    '/agreements year:2024',
    agreements.respond({ ...ukInput(), options: { year: 2024 } }, ctx()),
  );
  await add(
    '/agreements none match',
    agreements.respond({ ...ukInput(), options: { year: 2023, kind: 'disputed' } }, ctx()),
  );
  await add(
    '/agreements filtered page 2',
    agreements.button!(
      { ...ukInput(), args: ['page', 'date', '1', 'not-stated', '2024', 'official'] },
      ctx(),
    ),
  );
  for (const command of commands) {
    const option = command.data.options?.find((o) => 'autocomplete' in o && o.autocomplete);
    if (!command.autocomplete || !option) continue;
    for (const value of ['', 'ні', 'g']) {
      const focused = { name: option.name, value };
      await add(
        `/${command.data.name} autocomplete "${value}"`,
        command.autocomplete({ ...ukInput(), focused }, ctx()),
      );
    }
  }
  return replies;
}

/** Every kind of scheduled post in Ukrainian: each anniversary day, a digest per agreement, each prompt. */
function everyUkrainianPost(): { name: string; body: Shown }[] {
  const posts: { name: string; body: Shown }[] = [];
  const bank = loadPrompts(data);
  const withSpeaker = (q: Quote) => ({ quote: q, speaker: data.personById.get(q.speakerId) });
  // 2026 has every anniversary so far; 2034 is past the ten-year terms (the "ended" wording).
  for (const year of [2026, 2034]) {
    for (let day = DateTime.fromISO(`${year}-01-01`, { zone: 'UTC' }); day.year === year;) {
      const found = anniversariesOn(data, day);
      const localDate = day.toISODate()!;
      if (found.length > 0) {
        posts.push({
          name: `anniversary ${localDate}`,
          body: renderAnniversaryPost({
            localDate,
            agreements: found,
            pingRoleId: null,
            language: 'uk',
          }),
        });
      }
      day = day.plus({ days: 1 });
    }
  }
  data.agreements.forEach((featured, i) => {
    const quoted = data.quotes[i % data.quotes.length]!;
    const upcoming = data.agreements.slice(i, i + 3).map((a) => ({
      date: '2026-02-16',
      agreement: a,
      years: yearsSince(a.signed, '2026-02-16'),
    }));
    posts.push({
      name: `digest featuring ${featured.id}`,
      body: renderDigestPost({
        localDate: '2026-02-16',
        upcoming: i % 2 === 0 ? upcoming : [],
        featured,
        quote: withSpeaker(quoted),
        pingRoleId: null,
        language: 'uk',
      }),
    });
  });
  for (const prompt of bank.prompts) {
    posts.push({
      name: `prompt ${prompt.id}`,
      body: renderPromptPost({
        prompt,
        agreements: prompt.agreementIds.map((id) => data.agreementById.get(id)!),
        quotes: prompt.quoteIds.map((id) => withSpeaker(data.quotes.find((q) => q.id === id)!)),
        cadence: 'weekly',
        localDate: '2026-02-16',
        pingRoleId: null,
        language: 'uk',
      }),
    });
  }
  return posts;
}

/** /schedule and /discuss in Ukrainian: every subcommand, every refusal, every state. */
async function everyUkrainianScheduleReply(): Promise<{ name: string; body: ReplyBody }[]> {
  const view = testStore();
  const GUILD = '100000000000000001';
  let channel: Awaited<ReturnType<ChannelInspector['inspect']>> = {
    kind: 'ok',
    name: 'general',
    missing: [],
  };
  const missing = (list: ChannelPermission[]) => ({
    kind: 'ok' as const,
    name: 'general',
    missing: list,
  });
  const deps: ScheduleContext = {
    store: view.store,
    prompts: loadPrompts(data),
    channels: { inspect: () => Promise.resolve(channel) },
    cooldowns: new Cooldowns(),
  };
  const withSchedule = ctx({ schedule: deps, now: () => new Date('2026-02-16T05:00:00Z') });
  const admin = (
    subcommand: string,
    options: Record<string, string | boolean> = {},
    more: Partial<CommandInput> = {},
  ) =>
    input(options, {
      locale: 'uk',
      guildLocale: 'uk',
      subcommand,
      memberPermissions: PermissionFlagsBits.ManageGuild,
      guildId: GUILD,
      ...more,
    });
  const replies: { name: string; body: ReplyBody }[] = [];
  const add = async (name: string, body: ReplyBody | Promise<ReplyBody>) => {
    replies.push({ name, body: await body });
  };
  const setup = { channel: '555555555555555555', time: '09:00', timezone: 'Europe/Kyiv' };
  await add('/schedule status, not set up', schedule.respond(admin('status'), withSchedule));
  await add(
    '/schedule outside a server',
    schedule.respond(admin('status', {}, { guildId: null }), withSchedule),
  );
  await add(
    '/schedule without Manage Server',
    schedule.respond(admin('status', {}, { memberPermissions: 0n }), withSchedule),
  );
  await add('/schedule where schedules are not served', schedule.respond(admin('status'), ctx()));
  await add(
    '/schedule setup, bad time',
    schedule.respond(admin('setup', { ...setup, time: 'soon' }), withSchedule),
  );
  await add(
    '/schedule setup, a time Kyiv’s clock changes touch',
    schedule.respond(admin('setup', { ...setup, time: '03:30' }), withSchedule),
  );
  await add(
    '/schedule setup, bad zone',
    schedule.respond(admin('setup', { ...setup, timezone: 'Europe/Kyvi' }), withSchedule),
  );
  channel = { kind: 'not-found' };
  await add('/schedule setup, channel gone', schedule.respond(admin('setup', setup), withSchedule));
  channel = missing(['SendMessages', 'EmbedLinks']);
  await add(
    '/schedule setup, missing permissions',
    schedule.respond(admin('setup', setup), withSchedule),
  );
  channel = missing(['CreatePublicThreads', 'SendPolls']);
  await add(
    '/schedule setup, missing optional permissions',
    schedule.respond(admin('setup', setup), withSchedule),
  );
  channel = missing([]);
  await add('/schedule setup', schedule.respond(admin('setup', setup), withSchedule));
  await add(
    '/schedule set',
    schedule.respond(
      admin('set', { prompts: 'daily', digest_day: '1', ping_role: '666666666666666666' }),
      withSchedule,
    ),
  );
  await add(
    '/schedule set language',
    schedule.respond(admin('set', { language: 'uk', no_ping: true }), withSchedule),
  );
  for (const kind of ['anniversary', 'digest', 'prompt']) {
    await add(
      `/schedule preview ${kind}`,
      schedule.respond(admin('preview', { kind }), withSchedule),
    );
  }
  await view.recordPost({
    guildId: GUILD,
    kind: 'digest',
    key: 'digest:2026-W07',
    localDate: '2026-02-16',
    status: 'posted',
    messageId: '777777777777777777',
    at: '2026-02-16T07:00:00.000Z',
    reason: null,
  });
  await add('/schedule status with a last post', schedule.respond(admin('status'), withSchedule));
  await add('/schedule pause', schedule.respond(admin('pause'), withSchedule));
  await add('/schedule status, paused', schedule.respond(admin('status'), withSchedule));
  for (const code of [10003, 10004, 50001, 50013]) {
    await view.updateGuild(GUILD, (s) => ({
      ...s,
      blocked: {
        reason: 'an English reason from the runner',
        code,
        since: '2026-02-15T07:00:00.000Z',
      },
    }));
    await add(
      `/schedule status, blocked by ${code}`,
      schedule.respond(admin('status'), withSchedule),
    );
  }
  channel = missing(['ViewChannel']);
  await add('/schedule resume, still blocked', schedule.respond(admin('resume'), withSchedule));
  channel = missing([]);
  await add('/schedule resume', schedule.respond(admin('resume'), withSchedule));
  await add('/discuss', discuss.respond(admin('', {}, { subcommand: null }), withSchedule));
  await add(
    '/discuss again, cooling down',
    discuss.respond(admin('', {}, { subcommand: null }), withSchedule),
  );
  await add(
    '/discuss outside a server',
    discuss.respond(admin('', {}, { subcommand: null, guildId: null }), withSchedule),
  );
  await add(
    '/discuss where schedules are not served',
    discuss.respond(admin('', {}, { subcommand: null }), ctx()),
  );
  const offQuestion = await schedule.respond(admin('off'), withSchedule);
  await add('/schedule off', offQuestion);
  // The answers to its buttons, as the router hands them over (custom_id after `schedule:`).
  const argsOf = (index: number) => {
    const button = offQuestion.components?.[0]?.components[index];
    return (button && 'custom_id' in button ? button.custom_id : '').split(':').slice(1);
  };
  const clickOff = (index: number, more: Partial<CommandInput> = {}, context = withSchedule) =>
    schedule.button!(
      { ...admin('', {}, { subcommand: null, ...more }), args: argsOf(index) },
      context,
    );
  const later = { ...withSchedule, now: () => new Date('2026-02-16T06:00:00Z') };
  await add('/schedule off, kept', clickOff(1));
  await add('/schedule off, not the asker', clickOff(0, { userId: '100000000000000999' }));
  await add('/schedule off, expired', clickOff(0, {}, later));
  await add('/schedule off, confirmed', clickOff(0));
  await add('/schedule off, confirmed again', clickOff(0));
  // The store's own troubles: not answering, not keeping a write, a server's entry set aside.
  const down = () => Promise.reject(new Error('connect ECONNREFUSED'));
  const unreachable = { ...view.store, settings: { ...view.store.settings, get: down, put: down } };
  const troubled = ctx({
    schedule: { ...deps, store: unreachable },
    now: () => new Date('2026-02-16T05:00:00Z'),
  });
  await add('/schedule status, store unreachable', schedule.respond(admin('status'), troubled));
  await add(
    '/discuss, store unreachable',
    discuss.respond(admin('', {}, { subcommand: null }), troubled),
  );
  const refusing = {
    ...view.store,
    settings: { ...view.store.settings, put: down },
    notices: {
      take: () => Promise.resolve({ kind: 'settings-quarantined' as const, at: new Date() }),
    },
  };
  const noticed = ctx({
    schedule: { ...deps, store: refusing },
    now: () => new Date('2026-02-16T05:00:00Z'),
  });
  await add('/schedule pause, not saved', schedule.respond(admin('pause'), noticed));
  await add('/schedule status, settings set aside', schedule.respond(admin('status'), noticed));
  return replies;
}

const replies = await everyUkrainianReply();
const englishTimeline = await timeline.respond(input(), ctx());
const posts = everyUkrainianPost();
const scheduleReplies = await everyUkrainianScheduleReply();

describe('Ukrainian replies', () => {
  test('GIVEN the English strings THEN the leak check knows a fragment of each', () => {
    expect(fragments.length).toBeGreaterThan(60);
    expect(fragments.map((f) => f.text)).toContain('Commitments');
    expect(fragments.map((f) => f.text)).toContain('years, until');
  });

  test('GIVEN an English reply WHEN checked the same way THEN the check finds English', async () => {
    const body = await agreement.respond(input({ partner: 'de' }), ctx());
    expect(findLeaks(shownText(body), fragments).length).toBeGreaterThan(5);
  });

  test.each([
    [
      'an anniversary',
      renderAnniversaryPost({
        localDate: '2026-02-16',
        agreements: [data.agreementById.get('de')!],
        pingRoleId: null,
      }),
    ],
    ['the English picture’s alt text', englishTimeline],
  ])('GIVEN %s in English WHEN checked the same way THEN the check finds English', (_, body) => {
    expect(findLeaks(shownText(body), fragments).length).toBeGreaterThan(1);
  });

  test.each([...replies, ...scheduleReplies].map((r) => [r.name, r.body] as const))(
    'GIVEN %s in Ukrainian THEN no English UI string or format shows',
    (_, body) => {
      const shown = shownText(body);
      expect(findLeaks(shown, fragments)).toEqual([]);
      for (const pattern of ENGLISH_FORMATS) expect(shown).not.toMatch(pattern);
      if (!Array.isArray(body)) expectWithinDiscordLimits(body);
    },
  );

  test('GIVEN the /schedule and /discuss replies THEN every path ran and answered', () => {
    expect(scheduleReplies.length).toBeGreaterThan(25);
    for (const { name, body } of scheduleReplies) {
      expect(
        `${body.content ?? ''}${JSON.stringify(body.embeds ?? [])}`.length,
        name,
      ).toBeGreaterThan(10);
    }
    // The discussion itself was posted (a poll or a thread), not refused.
    const started = scheduleReplies.find((r) => r.name === '/discuss')!.body;
    expect(started.thread?.name).toMatch(/\p{Script=Cyrillic}/u);
  });

  test.each(posts.map((p) => [p.name, p.body] as const))(
    'GIVEN the scheduled %s in Ukrainian THEN no English UI string or format shows',
    (_, body) => {
      const shown = shownText(body);
      expect(findLeaks(shown, fragments)).toEqual([]);
      for (const pattern of ENGLISH_FORMATS) expect(shown).not.toMatch(pattern);
    },
  );

  test('GIVEN the scheduled posts THEN all three kinds were checked', () => {
    const kinds = new Set(posts.map((p) => p.name.split(' ')[0]));
    expect([...kinds].sort()).toEqual(['anniversary', 'digest', 'prompt']);
    expect(posts.length).toBeGreaterThan(60);
  });

  test.each(
    replies
      .filter((r) => !Array.isArray(r.body) && r.body.files?.length)
      .map((r) => [r.name, r.body] as const),
  )('GIVEN %s in Ukrainian THEN its picture’s alt text is Ukrainian too', (_, body) => {
    const alt = (body as ReplyBody).files!.map((file) => file.description).join('\n');
    expect(alt).toMatch(/\p{Script=Cyrillic}{4}/u);
    expect(alt).not.toMatch(/\b(of|and|the|by)\b/);
    expect(findLeaks(alt, fragments)).toEqual([]);
  });

  test('GIVEN the router’s error messages in Ukrainian THEN they are not the English ones', () => {
    const errors = stringsFor('uk').errors;
    const worded = Object.values(errors).map((message) =>
      typeof message === 'function' ? message('partner') : message,
    );
    expect(findLeaks(worded.join('\n'), fragments)).toEqual([]);
    expect(stringsFor('uk-UA').errors).toBe(errors);
  });

  test('GIVEN every string leaf THEN Ukrainian differs from English (none copied across)', () => {
    const english = new Map(leaves(en).map((l) => [l.path, l.value]));
    const same = leaves(uk)
      .filter((l) => typeof l.value === 'string' && english.get(l.path) === l.value)
      .map((l) => l.path);
    expect(same).toEqual([]);
  });
});

describe('Ukrainian data in replies', () => {
  test.each(real.agreements.filter((a) => a.place?.uk != null).map((a) => [a.id, a] as const))(
    'GIVEN %s has a Ukrainian place THEN /agreement and /agreements show it, not the English',
    async (id, a) => {
      const body = await agreement.respond(ukInput({ partner: id }), ctx({ data: real }));
      const shown = shownText(body);
      expect(shown).toContain(a.place!.uk);
      if (!a.place!.uk!.includes(a.place!.en)) expect(shown).not.toContain(`\n${a.place!.en}`);
    },
  );

  test.each(real.agreements.map((a) => [a.id, a] as const))(
    'GIVEN %s THEN each signatory shows in Ukrainian where the data has it, else in English',
    async (id, a) => {
      const shown = shownText(
        await agreement.respond(ukInput({ partner: id }), ctx({ data: real })),
      );
      for (const side of ['partner', 'ukraine'] as const) {
        a.signatories[side].forEach(({ en: english, uk: ukrainian }) => {
          expect(shown).toContain(ukrainian ?? english);
          if (ukrainian !== null) expect(shown).not.toContain(english);
        });
      }
    },
  );

  test('GIVEN the English locale THEN places and signatories stay the English facts', async () => {
    const body = await agreement.respond(input({ partner: 'de' }), ctx({ data: real }));
    const shown = shownText(body);
    expect(shown).toContain('Berlin');
    expect(shown).toContain('Olaf Scholz (Federal Chancellor)');
    expect(shown).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  test.each([
    [7.1e9, 'EUR', '7,1 млрд євро'],
    [2.5e9, 'GBP', '2,5 млрд фунтів стерлінгів'],
    [2e8, 'GBP', '200 млн фунтів стерлінгів'],
    [5e7, 'USD', '50 млн доларів США'],
    [3e9, 'NOK', '3 млрд норвезьких крон'],
  ])('GIVEN %d %s WHEN formatted for uk THEN "%s"', (amount, currency, expected) => {
    expect(formatAmount(amount, currency, stringsFor('uk')).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  test.each([
    [1, 'рік'],
    [2, 'роки'],
    [5, 'років'],
    [10, 'років'],
    [11, 'років'],
    [21, 'рік'],
    [24, 'роки'],
  ])('GIVEN a %d-year term THEN Ukrainian says "%s"', (years, word) => {
    expect(uk.agreement.durationYears(years, 'X')).toBe(`${years} ${word}, до X`);
  });

  test.each([
    [1, '1 документ:'],
    [3, '3 документи:'],
    [31, '31 документ:'],
    [28, '28 документів:'],
  ])('GIVEN %d documents THEN the timeline says "%s"', (count, start) => {
    expect(uk.timeline.description(count).startsWith(start)).toBe(true);
  });

  test.each([
    [1, '1 країна, що підписала безпекову угоду'],
    [3, '3 країни, що підписали безпекову угоду'],
    [11, '11 країн, що підписали безпекову угоду'],
    [21, '21 країна, що підписала безпекову угоду'],
    [28, '28 країн, що підписали безпекову угоду'],
  ])('GIVEN %d countries THEN the map’s alt text says "%s", the verb agreeing', (count, text) => {
    expect(uk.pictures.map.alt.intro(count, 'усі угоди', 'A', 'B')).toContain(
      `: ${text} з Україною`,
    );
  });
});

describe('The Ukrainian /schedule status', () => {
  test.each(uk.schedule.weekdayNames.map((day, i) => [day, i] as const))(
    'GIVEN the digest on %s THEN the status says on every such day, in one word',
    (day) => {
      expect(uk.schedule.digestOn(day)).toMatch(/^що\p{L}+$/u);
    },
  );

  test('GIVEN Friday and Monday THEN the forms are the genitive ones', () => {
    expect(uk.schedule.digestOn('понеділок')).toBe('щопонеділка');
    expect(uk.schedule.digestOn('пʼятниця')).toBe('щопʼятниці');
  });

  test('GIVEN the next post THEN it is named, whatever the kind’s gender or number', () => {
    expect(uk.schedule.next('X')).toBe('наступний допис X');
  });
});

describe('The language of scheduled posts', () => {
  test.each([
    ['uk', 'uk'],
    ['uk-UA', 'uk'],
    ['en-US', 'en'],
    ['de', 'en'],
    [null, null],
  ])(
    'GIVEN a server whose preferred locale is %s WHEN /schedule setup runs THEN it stores %j',
    async (guildLocale, stored) => {
      {
        const view = testStore();
        const deps: ScheduleContext = {
          store: view.store,
          prompts: loadPrompts(real),
          channels: {
            inspect: () => Promise.resolve({ kind: 'ok', name: 'general', missing: [] }),
          },
          cooldowns: new Cooldowns(),
        };
        const run = (subcommand: string, options: Record<string, string>) =>
          schedule.respond(
            input(options, {
              subcommand,
              guildLocale,
              memberPermissions: PermissionFlagsBits.ManageGuild,
            }),
            ctx({ data: real, schedule: deps }),
          );
        const setup = { channel: '555555555555555555', time: '09:00', timezone: 'Europe/Kyiv' };
        await run('setup', setup);
        expect((await view.getGuild('100000000000000001'))?.language).toBe(stored);
        // A choice made with /schedule set survives a later setup.
        await run('set', { language: 'en' });
        await run('setup', setup);
        expect((await view.getGuild('100000000000000001'))?.language).toBe('en');
        const status = await run('status', {});
        expect(JSON.stringify(status.embeds)).toContain('English');
      }
    },
  );

  test('GIVEN the preview with --language uk WHEN a day with an anniversary is due THEN it prints the Ukrainian post', () => {
    const argv = ['--at', '2026-02-16T07:00:00Z', '--timezone', 'Europe/Kyiv', '--hour', '9'];
    const uk = previewDue([...argv, '--language', 'uk'], real, loadPrompts(real));
    const en = previewDue(argv, real, loadPrompts(real));
    if (!uk.ok || !en.ok) throw new Error('expected output');
    expect(uk.output).toContain(
      'Україна підписала безпекові угоди з партнерами: 🇩🇪 Німеччина і 🇫🇷 Франція',
    );
    expect(uk.output).toContain('Щотижневий огляд');
    expect(en.output).toContain('Ukraine signed security agreements with 🇩🇪 Germany and 🇫🇷 France');
    expect(previewDue([...argv, '--language', 'fr'], real, loadPrompts(real))).toEqual({
      ok: false,
      error: '--language takes en or uk',
    });
  });
});

describe('Command names inside the strings', () => {
  const english = new Set(commands.map((c) => c.data.name));
  const ukrainian = new Set(commands.map((c) => c.data.name_localizations?.uk));
  const mentions = (strings: object) =>
    leaves(strings)
      .map(({ value }) =>
        typeof value === 'function'
          ? String((value as (...args: string[]) => string)('x', 'x', 'x', 'x'))
          : String(value),
      )
      .flatMap((text) => [...text.matchAll(/(?<![\p{L}\p{N}/])\/([-\p{L}]+)/gu)])
      .map((m) => m[1]);

  test('GIVEN the English strings THEN every /command they name exists', () => {
    expect(mentions(en).length).toBeGreaterThan(3);
    for (const name of mentions(en)) expect(english).toContain(name);
  });

  test('GIVEN the Ukrainian strings THEN they name commands as Ukrainian users see them', () => {
    expect(mentions(uk).length).toBeGreaterThan(3);
    for (const name of mentions(uk)) expect(ukrainian).toContain(name);
  });
});
