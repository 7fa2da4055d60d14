import type { APIApplicationCommandOption } from 'discord-api-types/v10';
import fc from 'fast-check';
import englishCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { afterAll, describe, expect, test } from 'vitest';
import { propertyRuns } from '../helpers/property-runs.js';
import { commands, findCommand } from '../../src/commands/index.js';
import type { CommandInput, OptionValues, SlashCommand } from '../../src/commands/types.js';
import { toReplyOptions } from '../../src/discord/send.js';
import { renderNotFound } from '../../src/render/not-found.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { stringsFor } from '../../src/i18n/index.js';
import { echoUserText } from '../../src/render/user-text.js';
import { expectValidChoices, expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';

/**
 * Thousands of hostile inputs at every option, autocomplete and button of every command. A fixed
 * seed and run count keep CI deterministic (PROPERTY_RUNS lowers the count for a quick local run);
 * a failure prints the seed and the shrunk input.
 */
const SEED = 20_240_711;
const RUNS = propertyRuns(3_000);

let generated = 0;
const started = performance.now();
afterAll(() => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`hostile input: ${generated} generated inputs in ${seconds} s (seed ${SEED})`);
});

const data = testData();

/** What people type to break bots: pings, markdown, invisible and direction characters, links. */
const NASTY = [
  '@everyone',
  '@here',
  '@@everyone',
  '\\@everyone',
  '<@1>',
  '<@!123456789012345678>',
  '<@&1>',
  '<@&123456789012345678>',
  '<#1>',
  '</about:1>',
  '<t:0:R>',
  '<:x:1>',
  '<a:x:1>',
  ':x:',
  '```',
  '```js\n',
  '`',
  '**',
  '__',
  '~~',
  '||',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '1. ',
  '[x](https://evil.example)',
  '[x](<https://evil.example>)',
  'https://discord.gg/invite',
  '<https://x.example>',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u3164',
  '\u115f',
  '\u2800',
  '\ufe0f',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u000b',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085',
  '\u2028',
  '\u2029',
  '\\',
  '\\\\',
  '\ud800',
  '\udfff',
  'e\u0301',
  'Z\u0337\u0322\u0348\u0301\u0301\u0301',
  '👨‍👩‍👧',
  '🇩🇪',
  '🇺🇦',
  '🇩',
  'Німеччина',
  'Нiмеччина',
  'Germany',
  'ger',
  'Tusk',
  'Шольц',
  'NATO',
  'G7',
  'de',
  'gb',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '${x}',
  '%s',
  '{{x}}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
];

/** Single UTF-16 units, lone surrogates included: more than a Discord client can send. */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: utf16Unit, maxLength: 4 }) },
);

/** A piece repeated to a length Discord would never send (options are capped at 100). */
const long = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1_000, max: 6_000 }))
  .map(([parts, length]) => {
    const unit = parts.join('') || 'a';
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });

/** Many flags at once: each one a partner, so the answer lists them all. */
const flags = fc
  .array(
    fc.constantFrom(...data.agreements.flatMap((a) => (a.partner.flag ? [a.partner.flag] : []))),
    {
      minLength: 2,
      maxLength: 40,
    },
  )
  .map((list) => list.join(''));

const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: flags },
  {
    weight: 6,
    arbitrary: fc.array(piece, { maxLength: 24, size: 'max' }).map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 120, size: 'max' }) },
  { weight: 1, arbitrary: fc.string({ unit: utf16Unit, maxLength: 120, size: 'max' }) },
  { weight: 1, arbitrary: long },
);

/** Option values as a modified client might send them: mostly text, sometimes not. */
const optionValue: fc.Arbitrary<string | number | boolean | undefined> = fc.oneof(
  { weight: 12, arbitrary: hostile },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(undefined)),
  },
);

const locale = fc.oneof(
  fc.constantFrom('en-US', 'en-GB', 'uk', 'uk-UA', 'de', 'ja', ''),
  fc.string({ maxLength: 12 }),
);

/** A random number for /quote, including values a broken generator might give. */
const randomValue = fc.oneof(
  fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  fc.constantFrom(Number.NaN, 1, -0.5, 0.999_999_9, Number.POSITIVE_INFINITY),
);

function command(name: string): SlashCommand {
  const found = findCommand(name);
  if (!found) throw new Error(`no /${name}`);
  return found;
}

function commandInput(options: OptionValues, localeValue: string): CommandInput {
  return input(options, { locale: localeValue });
}

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let slashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) slashes += 1;
  return slashes % 2 === 1;
}

/** Every unescaped occurrence of a pattern: what Discord would parse as markup or a mention. */
function unescapedMatches(text: string, pattern: RegExp): string[] {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  return [...text.matchAll(global)].filter((m) => !isEscaped(text, m.index)).map((m) => m[0]);
}

const PINGS = /@everyone|@here|<@[!&]?\d|<#\d|<\/[^\s:]+:\d/u;
const BIDI_OR_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]|(?![\n])\p{Cc}/u;

/** The strings of a reply, each with the part of the message it sits in. */
function replyStrings(body: ReplyBody): { slot: string; text: string; oneLine: boolean }[] {
  const out: { slot: string; text: string; oneLine: boolean }[] = [];
  if (body.content) out.push({ slot: 'content', text: body.content, oneLine: false });
  for (const embed of body.embeds ?? []) {
    if (embed.title) out.push({ slot: 'title', text: embed.title, oneLine: true });
    if (embed.description)
      out.push({ slot: 'description', text: embed.description, oneLine: false });
    if (embed.author) out.push({ slot: 'author', text: embed.author.name, oneLine: true });
    if (embed.footer) out.push({ slot: 'footer', text: embed.footer.text, oneLine: true });
    for (const field of embed.fields ?? []) {
      out.push({ slot: 'field name', text: field.name, oneLine: true });
      out.push({ slot: 'field value', text: field.value, oneLine: false });
    }
  }
  for (const row of body.components ?? []) {
    for (const component of row.components) {
      if ('label' in component && component.label) {
        out.push({ slot: 'button', text: component.label, oneLine: true });
      }
    }
  }
  return out;
}

/** The checks every reply must pass, whatever the input. */
function expectSafeReply(body: ReplyBody): void {
  expectWithinDiscordLimits(body);
  // On the wire: no mention is parsed, so nothing pings even if text slipped through.
  expect(toReplyOptions(body).allowedMentions).toEqual({ parse: [] });
  for (const { slot, text, oneLine } of replyStrings(body)) {
    expect(unescapedMatches(text, PINGS), `${slot}: ${text}`).toEqual([]);
    expect(text, slot).not.toMatch(BIDI_OR_CONTROL);
    expect(text, slot).not.toMatch(/\p{Cs}/u);
    // An odd number of fences or backticks would swallow the rest of the message as code.
    expect(unescapedMatches(text, /```/).length % 2, `${slot}: ${text}`).toBe(0);
    expect(unescapedMatches(text, /`/).length % 2, `${slot}: ${text}`).toBe(0);
    if (oneLine) expect(text, slot).not.toMatch(/[\n\r\u2028\u2029]/);
  }
  // User text reaches only the one-line message of a not-found answer: it cannot add lines, and
  // only the person who typed it sees it.
  if (body.content) {
    expect(body.content.split('\n').length).toBeLessThanOrEqual(3);
    expect(isEphemeral(body)).toBe(true);
  }
}

function run<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void> | void) {
  return fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      generated += 1;
      await check(value);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}

describe('hostile input at every command', () => {
  test('GIVEN any text as /agreement partner THEN a safe reply, never an exception', async () => {
    await run(fc.record({ partner: optionValue, locale }), async ({ partner, locale: l }) => {
      expectSafeReply(
        await command('agreement').respond(commandInput({ partner }, l), testContext()),
      );
    });
  });

  test('GIVEN any text as /quote speaker and topic THEN a safe reply, never an exception', async () => {
    await run(
      fc.record({
        speaker: fc.option(optionValue, { nil: undefined }),
        topic: fc.option(optionValue, { nil: undefined }),
        locale,
        random: randomValue,
      }),
      async ({ speaker, topic, locale: l, random }) => {
        const ctx = testContext({ random: () => random });
        expectSafeReply(await command('quote').respond(commandInput({ speaker, topic }, l), ctx));
      },
    );
  });

  test('GIVEN any value as /agreements order THEN a safe reply, never an exception', async () => {
    await run(fc.record({ order: optionValue, locale }), async ({ order, locale: l }) => {
      expectSafeReply(
        await command('agreements').respond(commandInput({ order }, l), testContext()),
      );
    });
  });

  test('GIVEN any text as /search query and kind THEN a safe reply, never an exception', async () => {
    await run(
      fc.record({
        query: fc.oneof(optionValue, fc.constantFrom('F-16', 'ППО', 'air defence', 'the of')),
        kind: fc.oneof(fc.constantFrom('agreements', 'quotes'), optionValue),
        locale,
      }),
      async ({ query, kind, locale: l }) => {
        expectSafeReply(
          await command('search').respond(commandInput({ query, kind }, l), testContext()),
        );
      },
    );
    // 3,000 full searches, with typo lookups on nonsense words: more than the default 20 s on a
    // busy machine.
  }, 120_000);

  test('GIVEN any custom_id parts on a search page button THEN a safe page, never an exception', async () => {
    const part = fc.oneof(
      hostile,
      fc.constantFrom('p', 'x', 'a', 'q', '0', '-1', '9', 'F-16', 'Ukraine'),
    );
    await run(
      fc.record({ args: fc.array(part, { maxLength: 6 }), locale }),
      async ({ args, locale: l }) => {
        const body = await command('search').button!(
          { ...commandInput({}, l), args },
          testContext(),
        );
        expectSafeReply(body);
      },
    );
  });

  test('GIVEN any text as /compare first and second THEN a safe reply, never an exception', async () => {
    const side = fc.oneof(
      optionValue,
      fc.constantFrom('de', 'Germny', '🇯🇵', 'EU', 'G7', 'Німеччина'),
    );
    await run(
      fc.record({ first: side, second: side, locale }),
      async ({ first, second, locale: l }) => {
        expectSafeReply(
          await command('compare').respond(commandInput({ first, second }, l), testContext()),
        );
      },
    );
  });

  test('GIVEN any values as /agreements filters and any filter parts on its buttons THEN a safe reply', async () => {
    const value = fc.oneof(
      fc.constantFrom(
        'stated',
        'not-stated',
        'none',
        'official',
        'framework',
        'disputed',
        2024,
        2025,
        2023,
        '-',
      ),
      optionValue,
    );
    await run(
      fc.record({ clause: value, year: value, kind: value, order: value, locale }),
      async ({ clause, year, kind, order, locale: l }) => {
        const agreements = command('agreements');
        expectSafeReply(
          await agreements.respond(commandInput({ clause, year, kind, order }, l), testContext()),
        );
        const args = ['page', String(order), '1', String(clause), String(year), String(kind)];
        expectSafeReply(await agreements.button!({ ...commandInput({}, l), args }, testContext()));
      },
    );
  });

  test('GIVEN any custom_id parts on a page button THEN a safe page, never an exception', async () => {
    const part = fc.oneof(
      hostile,
      fc.constantFrom('page', 'date', 'name', '0', '-1', '3', '1e309', 'NaN'),
    );
    await run(
      fc.record({ args: fc.array(part, { maxLength: 5 }), locale }),
      async ({ args, locale: l }) => {
        const agreements = command('agreements');
        const body = await agreements.button!({ ...commandInput({}, l), args }, testContext());
        expectSafeReply(body);
      },
    );
  });

  test('GIVEN any options and locale at /timeline, /map and /about THEN a safe reply', async () => {
    await run(
      fc.record({
        name: fc.constantFrom('timeline', 'map', 'about'),
        show: fc.oneof(fc.constantFrom('all', '2024', '2025', 'dw21'), optionValue),
        // /map's locator: mostly hostile text, sometimes a partner it finds or one it cannot map.
        partner: fc.option(fc.oneof(hostile, fc.constantFrom('de', 'Germny', '🇯🇵', 'EU', 'G7')), {
          nil: undefined,
        }),
        locale,
      }),
      async ({ name, show, partner, locale: l }) => {
        const body = await command(name).respond(commandInput({ show, partner }, l), testContext());
        expectSafeReply(body);
      },
    );
    // Thousands of pictures drawn (the overseas locators project the whole world once each):
    // well over the default 20 s when other test files share the two cores.
  }, 120_000);

  test('GIVEN any text typed into an autocomplete THEN ≤ 25 valid choices, never an exception', async () => {
    const withAutocomplete = commands.flatMap((c) => autocompleteOptions(c));
    expect(withAutocomplete.map((t) => `${t.command.data.name} ${t.option}`)).toEqual(
      expect.arrayContaining([
        'agreement partner',
        'quote speaker',
        'search query',
        'compare first',
        'compare second',
      ]),
    );
    // Lookup answers carry our own ids; other autocompletes (time zones) their own known values.
    const ids = new Set<string>([
      ...data.agreements.map((a) => a.id),
      ...data.records.map((r) => r.id),
      ...data.people.map((p) => p.id),
      // A country with no agreement is offered by its ISO code, which answers "no agreement".
      ...Object.keys(englishCountries.countries).map((code) => code.toLowerCase()),
    ]);
    await run(
      fc.record({ target: fc.constantFrom(...withAutocomplete), value: hostile, locale }),
      ({ target: { command: c, subcommand, option }, value, locale: l }) => {
        const choices = c.autocomplete!(
          {
            ...commandInput({ [option]: value }, l),
            subcommand,
            focused: { name: option, value },
          },
          testContext(),
        );
        expectValidChoices(choices);
        if (['agreement', 'quote', 'compare'].includes(c.data.name)) {
          // A choice's value goes back to the bot as the option: only our ids, never user text.
          for (const choice of choices) expect(ids).toContain(choice.value);
        }
      },
    );
  });
});

/** Every option with autocomplete, subcommands' included. */
function autocompleteOptions(
  c: SlashCommand,
): { command: SlashCommand; subcommand: string | null; option: string }[] {
  const found: { command: SlashCommand; subcommand: string | null; option: string }[] = [];
  const visit = (options: readonly APIApplicationCommandOption[], subcommand: string | null) => {
    for (const option of options) {
      if ('autocomplete' in option && option.autocomplete) {
        found.push({ command: c, subcommand, option: option.name });
      }
      if ('options' in option && option.options) visit(option.options, option.name);
    }
  };
  visit(c.data.options ?? [], null);
  return found;
}

describe('not-found answers', () => {
  test('GIVEN any number of suggestions of any length THEN the answer stays within limits', async () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 });
    await run(
      fc.record({
        query: hostile,
        suggestions: fc.array(name, { maxLength: 150, size: 'max' }),
        list: fc.array(name, { maxLength: 150, size: 'max' }),
        locale: fc.constantFrom('en-US', 'uk'),
      }),
      ({ query, suggestions, list, locale: l }) => {
        const strings = stringsFor(l);
        const body = renderNotFound(
          strings.notFound.speaker(echoUserText(query)),
          suggestions,
          strings.notFound.speakerList(list.join(', ')),
          strings,
        );
        expectWithinDiscordLimits(body);
        expect(isEphemeral(body)).toBe(true);
      },
    );
  });
});

describe('echoUserText', () => {
  const MARKUP = /[\\`*_~|>#[\]()<:@-]/u;

  test('GIVEN any text WHEN echoed THEN one short line that shows as typed and pings no one', async () => {
    await run(hostile, (text) => {
      const echoed = echoUserText(text);
      expect(echoed).not.toMatch(
        /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u,
      );
      expect(echoed).not.toMatch(/\s\s|^\s|\s$/u);
      for (let i = 0; i < echoed.length; i += 1) {
        const char = echoed[i] ?? '';
        if (MARKUP.test(char) && char !== '\\') expect(isEscaped(echoed, i), echoed).toBe(true);
      }
      expect(unescapedMatches(echoed, PINGS)).toEqual([]);
      // What the reader sees (escapes removed) is at most 60 characters.
      expect(echoed.replace(/\\(.)/gu, '$1').length).toBeLessThanOrEqual(60);
    });
  });

  test.each([
    ['@everyone', '\\@everyone'],
    ['<@&123>', '\\<\\@&123\\>'],
    ['a\u202eb', 'ab'],
    ['Germany\nFrance', 'Germany France'],
    ['Ger\u200bmany\t\tFrance', 'Germany France'],
    ['\u3164\u115f', ''],
    ['a\ud800b', 'ab'],
    ['```js\nx```', '\\`\\`\\`js x\\`\\`\\`'],
    ['[x](https://e.x)', '\\[x\\]\\(https\\://e.x\\)'],
  ])('GIVEN %j WHEN echoed THEN %j', (text, expected) => {
    expect(echoUserText(text)).toBe(expected);
  });
});
