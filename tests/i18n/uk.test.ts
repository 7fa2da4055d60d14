import { describe, expect, test } from 'vitest';
import { about } from '../../src/commands/about.js';
import { agreement } from '../../src/commands/agreement.js';
import { agreements } from '../../src/commands/agreements.js';
import { commands } from '../../src/commands/index.js';
import { map } from '../../src/commands/map.js';
import { quote } from '../../src/commands/quote.js';
import { timeline } from '../../src/commands/timeline.js';
import type { Choice, CommandContext } from '../../src/commands/types.js';
import { loadData, type Dataset } from '../../src/data/load.js';
import type { Agreement, Person, Quote } from '../../src/data/schema.js';
import { en } from '../../src/i18n/en.js';
import { stringsFor } from '../../src/i18n/index.js';
import { uk } from '../../src/i18n/uk.js';
import { formatAmount } from '../../src/render/format.js';
import { PAGE_SIZE } from '../../src/render/list.js';
import type { ReplyBody } from '../../src/render/reply.js';
import { seededRandom } from '../../src/preview/random.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testData } from '../helpers/context.js';

/**
 * Data, not UI: it stays in the language of its source by design, so the leak check replaces it
 * with a marker before it looks for English. Each entry is a field of the data files; nothing else
 * is exempt.
 *  - agreement titles, commitment texts, notes: the wording of English-language sources;
 *  - a place, a signatory or a partner's short name only where the data has no Ukrainian one;
 *  - source and text URLs (their paths are English words);
 *  - quote texts and contexts (never machine-translated), speakers' roles and organisations, and a
 *    speaker's name only where the data has no Ukrainian one.
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
    place: a.placeUk === null && a.place !== null ? DATA : a.place,
    signatories: {
      partner: a.signatories.partner.map((n, i) => (a.signatoriesUk?.partner[i] ? n : DATA)),
      ukraine: a.signatories.ukraine.map((n, i) => (a.signatoriesUk?.ukraine[i] ? n : DATA)),
    },
    commitments: a.commitments.map((c) => ({ ...c, text: DATA })),
    notes: a.notes.map(() => DATA),
    textUrl: a.textUrl === null ? null : url(`${a.id}/text`),
    sources: a.sources.map((s, i) => ({
      ...s,
      url: s.url === 'article' ? s.url : url(`${a.id}/${i}`),
    })),
  }));
  const peopleRaw = raw.people.map((p): Person => ({
    ...p,
    name: { en: p.name.uk ?? `${DATA} ${p.id}`, uk: p.name.uk },
    role: DATA,
    organisation: DATA,
  }));
  const quotesRaw = raw.quotes.map((q, i): Quote => ({
    ...q,
    text: DATA,
    context: DATA,
    source: q.source === 'article' ? q.source : url(`quote/${i}`),
  }));
  return loadData({ agreements: agreementsRaw, people: peopleRaw, quotes: quotesRaw });
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
  return leaves(en)
    .filter(({ path }) => path !== 'locale')
    .flatMap(({ path, value }) => {
      const text =
        typeof value === 'function'
          ? String((value as (...args: string[]) => string)(ARG, ARG, ARG, ARG))
          : String(value);
      return text.split(ARG).map((piece) => ({ path, text: piece.trim() }));
    })
    .filter(({ text }) => /\p{Script=Latin}{2}/u.test(text));
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
 * The text a reader sees: every string in the reply except ids and addresses. A picture's alt text
 * is left out unless asked for: src/render/pictures draws and describes in English only for now
 * (a known gap, held by the `test.fails` below until the pictures take a locale).
 */
function shownText(body: ReplyBody | Choice[], { withAlt = false } = {}): string {
  // A choice's value is an id the user never sees.
  if (Array.isArray(body)) return body.map((choice) => choice.name).join('\n');
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (key !== 'custom_id' && key !== 'url') parts.push(value);
    } else if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  const { files, ...rest } = body;
  walk(rest, '');
  if (withAlt) for (const file of files ?? []) parts.push(file.description);
  // Markdown links show only their label.
  return parts.join('\n').replace(/\]\(https?:\/\/[^)\s]+\)/g, ']');
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

const replies = await everyUkrainianReply();

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

  test.each(replies.map((r) => [r.name, r.body] as const))(
    'GIVEN %s in Ukrainian THEN no English UI string or format shows',
    (_, body) => {
      const shown = shownText(body);
      expect(findLeaks(shown, fragments)).toEqual([]);
      for (const pattern of ENGLISH_FORMATS) expect(shown).not.toMatch(pattern);
      if (!Array.isArray(body)) expectWithinDiscordLimits(body);
    },
  );

  // Flips to a failure (so the exemption above is dropped) once the pictures speak Ukrainian.
  test.fails.each(
    replies
      .filter((r) => !Array.isArray(r.body) && r.body.files?.length)
      .map((r) => [r.name, r.body] as const),
  )('KNOWN GAP: GIVEN %s in Ukrainian THEN its picture’s alt text is Ukrainian too', (_, body) => {
    expect(shownText(body, { withAlt: true })).not.toMatch(/\b(of|and|the|by)\b/);
  });

  test('GIVEN the router’s error messages in Ukrainian THEN they are not the English ones', () => {
    const errors = stringsFor('uk').errors;
    expect(findLeaks(Object.values(errors).join('\n'), fragments)).toEqual([]);
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
  test.each(real.agreements.filter((a) => a.placeUk !== null).map((a) => [a.id, a] as const))(
    'GIVEN %s has a Ukrainian place THEN /agreement and /agreements show it, not the English',
    async (id, a) => {
      const body = await agreement.respond(ukInput({ partner: id }), ctx({ data: real }));
      const shown = shownText(body);
      expect(shown).toContain(a.placeUk);
      if (!a.placeUk!.includes(a.place!)) expect(shown).not.toContain(`\n${a.place}`);
    },
  );

  test.each(real.agreements.map((a) => [a.id, a] as const))(
    'GIVEN %s THEN each signatory shows in Ukrainian where the data has it, else in English',
    async (id, a) => {
      const shown = shownText(
        await agreement.respond(ukInput({ partner: id }), ctx({ data: real })),
      );
      for (const side of ['partner', 'ukraine'] as const) {
        a.signatories[side].forEach((english, index) => {
          const ukrainian = a.signatoriesUk?.[side][index] ?? null;
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
    expect(formatAmount(amount, currency, 'uk').replace(/\u00a0/g, ' ')).toBe(expected);
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
