import { describe, expect, test } from 'vitest';
import { about } from '../../src/commands/about.js';
import { agreement } from '../../src/commands/agreement.js';
import { agreements } from '../../src/commands/agreements.js';
import { commands } from '../../src/commands/index.js';
import { ukCommands } from '../../src/i18n/commands.js';
import { quote } from '../../src/commands/quote.js';
import { map } from '../../src/commands/map.js';
import { timeline } from '../../src/commands/timeline.js';
import { isCountry } from '../../src/lookup/partners.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { PAGE_SIZE } from '../../src/render/list.js';
import { expectValidChoices, expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';

const data = testData();
const text = (body: ReplyBody) => JSON.stringify(body);

describe('command definitions', () => {
  test.each(commands.map((c) => [c.data.name, c]))(
    'GIVEN /%s THEN its definition keeps Discord’s naming rules',
    (_, command) => {
      expect(command.data.name).toMatch(/^[-_'\p{L}\p{N}]{1,32}$/u);
      expect(command.data.name).toBe(command.data.name.toLowerCase());
      expect(command.data.description.length).toBeGreaterThan(0);
      expect(command.data.description.length).toBeLessThanOrEqual(100);
      const options = command.data.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      for (const option of options) {
        expect(option.name).toMatch(/^[-_'\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if ('choices' in option && option.choices)
          expect(option.choices.length).toBeLessThanOrEqual(25);
      }
    },
  );

  test('GIVEN the command list THEN names are unique', () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('/agreement', () => {
  test.each(data.agreements.map((a) => [a.id, a]))(
    'GIVEN %s WHEN asked by id THEN one embed with its facts, within limits',
    async (id, expected) => {
      const body = await agreement.respond(input({ partner: id }), testContext());
      expectWithinDiscordLimits(body);
      expect(isEphemeral(body)).toBe(false);
      expect(body.embeds).toHaveLength(1);
      const embed = body.embeds?.[0];
      expect(embed?.title).toContain(expected.partner.shortName.en);
      expect(text(body)).toContain(`<t:${Date.parse(`${expected.signed}T12:00:00Z`) / 1000}:D>`);
      for (const name of expected.signatories.partner)
        expect(text(body)).toContain(JSON.stringify(name.en).slice(1, -1));
      const button = body.components?.[0]?.components[0];
      expect(button && 'url' in button ? button.url : undefined).toMatch(/^https:\/\//);
    },
  );

  test('GIVEN a fact that is null WHEN shown THEN it reads "not stated", never "no"', async () => {
    const luxembourg = data.agreementById.get('lu');
    expect(luxembourg?.consultations24h).toBeNull();
    const body = await agreement.respond(input({ partner: 'lu' }), testContext());
    const field = body.embeds?.[0]?.fields?.find((f) => f.name === '24-hour consultations');
    expect(field?.value).toBe('Not stated in our sources');
  });

  test('GIVEN a text with no 24-hour deadline WHEN shown THEN it says so', async () => {
    const body = await agreement.respond(input({ partner: 'g7-declaration' }), testContext());
    const field = body.embeds?.[0]?.fields?.find((f) => f.name === '24-hour consultations');
    expect(field?.value).toBe('No 24-hour deadline in the text');
  });

  test('GIVEN Croatia WHEN shown THEN it is marked disputed', async () => {
    const body = await agreement.respond(input({ partner: 'Croatia' }), testContext());
    expect(body.embeds?.[0]?.description).toMatch(/Disputed/);
  });

  test('GIVEN the UK WHEN shown THEN the term ends ten years after signing', async () => {
    const body = await agreement.respond(input({ partner: 'UK' }), testContext());
    const field = body.embeds?.[0]?.fields?.find((f) => f.name === 'Duration');
    expect(field?.value).toBe(`10 years, until <t:${Date.parse('2034-01-12T12:00:00Z') / 1000}:D>`);
  });

  test.each([['Atlantis'], ['@everyone'], ['x'.repeat(6000)], ['**bold** `code` <@&123>']])(
    'GIVEN %#: an unknown or hostile name WHEN asked THEN an ephemeral suggestion, within limits',
    async (query) => {
      const body = await agreement.respond(input({ partner: query }), testContext());
      expect(isEphemeral(body)).toBe(true);
      expectWithinDiscordLimits(body);
      expect(body.content).not.toMatch(/(?<!\\)@everyone/);
      expect(body.content).not.toMatch(/(?<!\\)<@&/);
      expect(body.content).toMatch(/agreements/);
    },
  );

  test('GIVEN a typo WHEN asked THEN the agreement is found', async () => {
    const body = await agreement.respond(input({ partner: 'Germny' }), testContext());
    expect(body.embeds?.[0]?.title).toContain('Germany');
  });

  test('GIVEN any prefix WHEN autocompleting THEN choices stay within limits', () => {
    for (const query of ['', 'g', 'ger', 'Ні', '🇩🇪', 'x'.repeat(6000)]) {
      const choices = agreement.autocomplete?.(
        { ...input(), focused: { name: 'partner', value: query } },
        testContext(),
      );
      expectValidChoices(choices ?? []);
    }
  });
});

describe('/quote', () => {
  test.each(data.quotes.map((q) => [q.id, q]))(
    'GIVEN quote %s WHEN its speaker is asked with a fitting random THEN it is shown verbatim',
    async (_, expected) => {
      const own = data.quotesBySpeaker.get(expected.speakerId) ?? [];
      const index = own.indexOf(expected);
      const random = () => (index + 0.5) / own.length;
      const body = await quote.respond(
        input({ speaker: expected.speakerId }),
        testContext({ random }),
      );
      expectWithinDiscordLimits(body);
      expect(body.embeds?.[0]?.description).toBe(`> ${expected.text}`);
      expect(body.embeds?.[0]?.author?.name).toContain(
        data.personById.get(expected.speakerId)?.name.en,
      );
    },
  );

  test('GIVEN no options and the same seed THEN the same quote', async () => {
    const a = await quote.respond(input(), testContext());
    const b = await quote.respond(input(), testContext());
    expect(a).toEqual(b);
  });

  test('GIVEN speaker "shea" THEN a Jamie Shea quote', async () => {
    const body = await quote.respond(input({ speaker: 'shea' }), testContext());
    expect(body.embeds?.[0]?.author?.name).toMatch(/^Jamie Shea/);
  });

  test.each([
    ['en-US', 'Donald Tusk: Prime Minister of Poland', 'Government of Poland'],
    ['uk', 'Дональд Туск: прем’єр-міністр Польщі', 'Уряд Польщі'],
  ])(
    'GIVEN speaker "tusk" in %s THEN name, role and organisation in that language, words as said',
    async (locale, author, organisation) => {
      const body = await quote.respond(input({ speaker: 'tusk' }, { locale }), testContext());
      const embed = body.embeds?.[0];
      expect(embed?.author?.name).toBe(author);
      expect(embed?.footer?.text).toMatch(new RegExp(`^${organisation}`));
      const said = data.quotes.find((q) => q.speakerId === 'donald-tusk')!.text;
      expect(embed?.description).toContain(said.slice(0, 40));
    },
  );

  test('GIVEN an unknown speaker THEN an ephemeral list of speakers', async () => {
    const body = await quote.respond(input({ speaker: 'Napoleon' }), testContext());
    expect(isEphemeral(body)).toBe(true);
    expect(body.content).toMatch(/Jamie Shea/);
    expectWithinDiscordLimits(body);
  });

  test('GIVEN a topic no quote has THEN an ephemeral hint', async () => {
    const body = await quote.respond(input({ topic: 'zeppelin' }), testContext());
    expect(isEphemeral(body)).toBe(true);
  });

  test.each([[1], [2], [3], [4], [5]])(
    'GIVEN topic "NATO" and seed %i THEN the quote’s own words mention NATO, not just its context',
    async (seed) => {
      const { seededRandom } = await import('../../src/preview/random.js');
      const body = await quote.respond(
        input({ topic: 'NATO' }),
        testContext({ random: seededRandom(seed) }),
      );
      expect(body.embeds?.[0]?.description).toMatch(/NATO/);
    },
  );

  test('GIVEN topic "guarantees" THEN the quote mentions it', async () => {
    const body = await quote.respond(input({ topic: 'guarantees' }), testContext());
    expect(JSON.stringify(body.embeds?.[0]).toLowerCase()).toContain('guarantee');
  });
});

describe('/agreements', () => {
  test.each([['date'], ['name']])(
    'GIVEN order %s WHEN paging with the buttons THEN every agreement shows exactly once',
    async (order) => {
      let body = await agreements.respond(input({ order }), testContext());
      const seen: string[] = [];
      for (let guard = 0; guard < 10; guard += 1) {
        expectWithinDiscordLimits(body);
        const lines = (body.embeds?.[0]?.description ?? '')
          .split('\n')
          .filter((l) => l.includes('**'));
        expect(lines.length).toBeLessThanOrEqual(PAGE_SIZE);
        seen.push(...lines);
        const next = body.components?.[0]?.components[1];
        if (!next || !('custom_id' in next) || next.disabled) break;
        const [, ...args] = next.custom_id.split(':');
        body = await agreements.button!({ ...input(), args }, testContext());
      }
      expect(seen).toHaveLength(data.agreements.length);
      for (const a of data.agreements) {
        expect(
          seen.filter((line) =>
            line.includes(
              `**${a.partner.flag ? `${a.partner.flag} ` : ''}${a.partner.shortName.en}**`,
            ),
          ),
        ).toHaveLength(1);
      }
    },
  );

  test('GIVEN a stale or forged page number THEN the nearest real page', async () => {
    const body = await agreements.button!(
      { ...input(), args: ['page', 'date', '999'] },
      testContext(),
    );
    expect(body.embeds?.[0]?.footer?.text).toBe('Page 4 of 4');
    const junk = await agreements.button!(
      { ...input(), args: ['page', 'evil', 'NaN'] },
      testContext(),
    );
    expect(junk.embeds?.[0]?.footer?.text).toBe('Page 1 of 4');
  });
});

describe('/timeline and /about', () => {
  test('GIVEN the data THEN the timeline starts with the G7 declaration and keeps month order', async () => {
    const body = await timeline.respond(input(), testContext());
    expectWithinDiscordLimits(body);
    const fields = body.embeds?.[0]?.fields ?? [];
    expect(fields[0]?.name).toBe('July 2023');
    expect(fields[0]?.value).toContain('G7');
    const total = fields.reduce((n, f) => n + f.value.split('\n').length, 0);
    expect(total).toBe(data.agreements.length);
  });

  test('GIVEN the data THEN /about counts what the bot knows', async () => {
    const body = await about.respond(
      input(),
      testContext({ reportUrl: 'https://example.org/report' }),
    );
    expectWithinDiscordLimits(body);
    const counts = body.embeds?.[0]?.fields?.[0]?.value;
    expect(counts).toContain(`${data.agreements.length} documents (28 on Ukraine’s official list)`);
    expect(counts).toContain(`${data.quotes.length} quotes`);
    expect(text(body)).toContain('https://example.org/report');
  });
});

test.each([
  ['en-US', (name: string) => name],
  ['uk', (name: string) => ukCommands[name]!.name],
] as const)(
  'GIVEN /about in %s THEN it names every command a member can use, as they see it',
  async (locale, shownName) => {
    const body = await about.respond(input({}, { locale }), testContext());
    // /schedule is for admins and /reports for the operator alone: neither is a member's command.
    const members = commands.filter((c) => !['schedule', 'reports'].includes(c.data.name));
    for (const command of members)
      expect(text(body)).toContain(`\`/${shownName(command.data.name)}\``);
  },
);

describe('/map partner (a locator for one country)', () => {
  test.each([
    ['Germny', 'de', 'map-de.png'],
    ['Німеччина', 'de', 'map-de.png'],
    ['🇯🇵', 'jp', 'map-jp.png'],
  ])(
    'GIVEN partner "%s" THEN a public embed showing %s, with the picture attached as %s',
    async (typed, id, fileName) => {
      const body = await map.respond(input({ partner: typed }), testContext());
      expectWithinDiscordLimits(body);
      expect(isEphemeral(body)).toBe(false);
      const embed = body.embeds?.[0];
      expect(embed?.title).toContain(data.agreementById.get(id)!.partner.shortName.en);
      expect(embed?.image?.url).toBe(`attachment://${fileName}`);
      expect(body.files?.map((f) => f.name)).toEqual([fileName]);
      expect(body.files?.[0]?.description).toContain('highlighted');
    },
  );

  test.each(['EU', 'G7', 'compact'])(
    'GIVEN %s, which is no country THEN an ephemeral note pointing to /agreement',
    async (typed) => {
      const body = await map.respond(input({ partner: typed }), testContext());
      expect(isEphemeral(body)).toBe(true);
      expect(body.files ?? []).toEqual([]);
      expect(body.content).toContain('not a country');
      expect(body.content).toContain('/agreement partner:');
    },
  );

  test('GIVEN an unknown partner THEN the same ephemeral "did you mean" as /agreement', async () => {
    const [fromMap, fromAgreement] = await Promise.all([
      map.respond(input({ partner: 'Germanyy land' }), testContext()),
      agreement.respond(input({ partner: 'Germanyy land' }), testContext()),
    ]);
    expect(isEphemeral(fromMap)).toBe(true);
    expect(fromMap).toEqual(fromAgreement);
  });

  test('GIVEN an empty partner THEN the whole map, as without the option', async () => {
    const body = await map.respond(input({ partner: '  ' }), testContext());
    expect(body.files?.map((f) => f.name)).toEqual(['map.png']);
  });

  test.each(['', 'e', 'g', 'u'])(
    'GIVEN "%s" typed THEN autocomplete offers countries only, within limits',
    (typed) => {
      const choices = map.autocomplete!(
        { ...input({}), focused: { name: 'partner', value: typed } },
        testContext(),
      );
      expectValidChoices(choices);
      expect(choices.length).toBeGreaterThan(0);
      for (const { value } of choices) expect(isCountry(data.agreementById.get(value)!)).toBe(true);
    },
  );

  test('GIVEN nothing typed THEN autocomplete lists every country and no organisation', () => {
    const choices = map.autocomplete!(
      { ...input({}), focused: { name: 'partner', value: '' } },
      testContext(),
    );
    const values = choices.map((c) => c.value);
    expect(values).not.toContain('eu');
    expect(values).toContain('de');
  });
});
