import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { flagCodes, resolvePartner, suggestPartners } from '../../src/lookup/partners.js';
import { MAX_QUERY_LENGTH } from '../../src/lookup/normalize.js';
import { LIMITS } from '../../src/render/limits.js';

const data = loadData();

/** Text from people trying to break the bot: just text, never an exception. */
const hostile: [string, string][] = [
  ['empty', ''],
  ['spaces', '    '],
  ['mention everyone', '@everyone'],
  ['mention here', '@here'],
  ['role mention', '<@&123456789012345678>'],
  ['user mention', '<@123456789012345678>'],
  ['markdown', '**bold** __under__ ~~strike~~ ||spoiler||'],
  ['code block', '```js\nalert(1)\n```'],
  ['link', '[click](https://evil.example/x)'],
  ['control chars', '\u0000\u0007\u001b[31m\u007f'],
  ['zero-width only', '\u200b\u200c\u200d\ufeff'],
  ['rtl override', '\u202e\u202dabc\u2066'],
  ['6000 letters', 'x'.repeat(6000)],
  ['6000 words', 'lorem ipsum '.repeat(500)],
  ['6000 emoji', '😀'.repeat(3000)],
  ['lone surrogates', '\ud800\udc00\ud800'],
  ['unknown flag', '🇺🇦'],
  ['sql', "'; DROP TABLE agreements; --"],
  ['html', '<script>alert(1)</script>'],
  ['prototype keys', '__proto__ constructor toString'],
  ['digits', '1234567890'],
];

function idsOf(match: ReturnType<typeof resolvePartner>): string[] {
  if (match.kind === 'found') return [match.agreement.id];
  if (match.kind === 'not-partner') return [];
  return (match.kind === 'ambiguous' ? match.candidates : match.suggestions).map((a) => a.id);
}

describe('resolvePartner', () => {
  test.each([
    // ids, as autocomplete sends them
    ['de', 'de'],
    ['g7-declaration', 'g7-declaration'],
    ['ukraine-compact', 'ukraine-compact'],
    ['no', 'no'],
    ['is', 'is'],
    // English names, any case
    ['Germany', 'de'],
    ['germany', 'de'],
    ['GERMANY', 'de'],
    ['United Kingdom', 'gb'],
    ['united states', 'us'],
    ['European Union', 'eu'],
    ['Czech Republic', 'cz'],
    ['G7', 'g7-declaration'],
    ['Ukraine Compact', 'ukraine-compact'],
    // Ukrainian names
    ['Німеччина', 'de'],
    ['німеччина', 'de'],
    ['США', 'us'],
    ['Велика Британія', 'gb'],
    ['Великобританія', 'gb'],
    ['ЄС', 'eu'],
    ['Польща', 'pl'],
    ['Сполучені Штати Америки', 'us'],
    // ISO codes
    ['DE', 'de'],
    ['GB', 'gb'],
    ['gb', 'gb'],
    ['EU', 'eu'],
    ['US', 'us'],
    // aliases
    ['UK', 'gb'],
    ['Britain', 'gb'],
    ['Great Britain', 'gb'],
    ['USA', 'us'],
    ['U.S.A.', 'us'],
    ['America', 'us'],
    ['Holland', 'nl'],
    ['Czechia', 'cz'],
    ['Deutschland', 'de'],
    ['G-7', 'g7-declaration'],
    // flags, alone or with text
    ['🇩🇪', 'de'],
    ['🇪🇺', 'eu'],
    ['🇬🇧', 'gb'],
    ['🇩🇪 Germany · 16 Feb 2024', 'de'],
    // diacritics, with or without
    ['Česko', 'cz'],
    ['Cesko', 'cz'],
    ['España', 'es'],
    ['Espana', 'es'],
    ['Éire', 'ie'],
    // junk around the name
    ['  Germany  ', 'de'],
    ['***Germany!!!', 'de'],
    ['"France."', 'fr'],
    ['the agreement with Germany', 'de'],
    ['United Kingdom of Great Britain and Northern Ireland', 'gb'],
    ['Ger\u200bmany', 'de'],
    ['\u202egermany', 'de'],
    // typos
    ['Germny', 'de'],
    ['Frnace', 'fr'],
    ['Polnad', 'pl'],
    ['Sweeden', 'se'],
    ['Norwya', 'no'],
    ['Nетherlands', 'nl'],
    ['Нiмеччина', 'de'],
    ['kingdm', 'gb'],
    // prefixes with one reading
    ['Germ', 'de'],
    ['kingdom', 'gb'],
  ])('GIVEN the query %j WHEN resolved THEN it is agreement %s', (query, id) => {
    const match = resolvePartner(query, data);
    expect(match.kind).toBe('found');
    expect(idsOf(match)).toEqual([id]);
  });

  test('GIVEN "Germany", named inside the G7 and Compact member lists WHEN resolved THEN it is Germany alone', () => {
    expect(resolvePartner('Germany', data)).toEqual({
      kind: 'found',
      agreement: data.agreementById.get('de'),
    });
    expect(resolvePartner('United States', data).kind).toBe('found');
  });

  test.each([
    ['n', ['nl', 'no']],
    ['s', ['es', 'se', 'si']],
    ['uni', ['gb', 'us']],
    ['gre', ['gr', 'gb']],
    ['Japan and France', ['jp', 'fr']],
    ['🇩🇪🇫🇷', ['de', 'fr']],
  ])(
    'GIVEN the query %j that fits several WHEN resolved THEN it is ambiguous, listing %j',
    (query, expected) => {
      const match = resolvePartner(query, data);
      expect(match.kind).toBe('ambiguous');
      const ids = idsOf(match);
      for (const id of expected) expect(ids).toContain(id);
      expect(ids.length).toBeLessThanOrEqual(5);
    },
  );

  test.each([
    ['Germn', 'de'],
    ['Ukrane Compakt thing', 'ukraine-compact'],
    ['the', 'nl'],
  ])(
    'GIVEN the near miss %j WHEN resolved THEN it is not found and %s is among the suggestions',
    (query, id) => {
      const match = resolvePartner(query, data);
      expect(match.kind).toBe('not-found');
      expect(idsOf(match)).toContain(id);
      expect(idsOf(match).length).toBeLessThanOrEqual(3);
    },
  );

  test.each(hostile)(
    'GIVEN hostile input (%s) WHEN resolved THEN it does not throw and is not found',
    (_label, query) => {
      const match = resolvePartner(query, data);
      expect(match.kind).not.toBe('found');
      expect(idsOf(match).length).toBeLessThanOrEqual(5);
    },
  );

  test.each([
    ['a partner in markdown', '**Germany**', 'de'],
    ['a partner behind a mention', '@everyone Germany', 'de'],
    ['a partner after 6000 characters of padding', `Germany${' '.repeat(6000)}`, 'de'],
  ])('GIVEN hostile text with %s WHEN resolved THEN it is found', (_label, query, id) => {
    expect(idsOf(resolvePartner(query, data))).toEqual([id]);
  });

  test('GIVEN a partner named only after the query limit WHEN resolved THEN the tail is not read', () => {
    const query = `${'x '.repeat(MAX_QUERY_LENGTH * 3)}Germany`;
    expect(resolvePartner(query, data).kind).not.toBe('found');
  });
});

describe('flagCodes', () => {
  test.each([
    ['🇩🇪', ['DE']],
    ['🇪🇺 and 🇬🇧', ['EU', 'GB']],
    ['Germany', []],
    ['🇩', []],
  ])('GIVEN %j WHEN read THEN the codes are %j', (text, codes) => {
    expect(flagCodes(text)).toEqual(codes);
  });
});

describe('suggestPartners', () => {
  const within = (choices: ReturnType<typeof suggestPartners>) => {
    expect(choices.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
      expect(choice.name).not.toMatch(/[\ud800-\udbff]$/);
    }
  };

  test('GIVEN an empty query WHEN suggested THEN the first 25 agreements come in signing order', () => {
    const choices = suggestPartners('', data, 'en-US');
    within(choices);
    expect(data.agreements.length).toBeGreaterThan(LIMITS.autocompleteChoices);
    expect(choices).toHaveLength(LIMITS.autocompleteChoices);
    expect(choices.map((c) => c.value)).toEqual(
      data.agreements.slice(0, LIMITS.autocompleteChoices).map((a) => a.id),
    );
    const dates = choices.map((c) => data.agreementById.get(c.value)?.signed ?? '');
    expect([...dates].sort()).toEqual(dates);
  });

  test('GIVEN "ger" WHEN suggested THEN Germany is first, labelled with flag and date', () => {
    const choices = suggestPartners('ger', data, 'en-US');
    within(choices);
    expect(choices[0]).toEqual({ name: '🇩🇪 Germany · 16 Feb 2024', value: 'de' });
  });

  test.each([
    ['germany', 'de'],
    ['Frnace', 'fr'],
    ['🇯🇵', 'jp'],
    ['nl', 'nl'],
    ['Німеч', 'de'],
    ['uk', 'gb'],
  ])('GIVEN %j WHEN suggested THEN %s is first', (query, id) => {
    const choices = suggestPartners(query, data, 'en');
    within(choices);
    expect(choices[0]?.value).toBe(id);
  });

  test('GIVEN "germany" WHEN suggested THEN the G7, whose member list names Germany, comes after it', () => {
    const values = suggestPartners('germany', data, 'en').map((c) => c.value);
    expect(values[0]).toBe('de');
    expect(values).toContain('g7-declaration');
  });

  test('GIVEN "uni" WHEN suggested THEN names starting so come before names with a later word', () => {
    const values = suggestPartners('uni', data, 'en').map((c) => c.value);
    expect(values.slice(0, 2)).toEqual(['gb', 'us']);
    expect(values).toContain('eu');
    expect(values.indexOf('eu')).toBeGreaterThan(1);
  });

  test('GIVEN the uk locale WHEN suggested THEN names and dates are Ukrainian', () => {
    const choices = suggestPartners('ger', data, 'uk');
    expect(choices[0]).toEqual({ name: '🇩🇪 Німеччина · 16 лют. 2024', value: 'de' });
    const g7 = suggestPartners('', data, 'uk').find((c) => c.value === 'g7-declaration');
    expect(g7?.name).toBe('Декларація G7 · 12 лип. 2023');
  });

  test('GIVEN the uk locale and a partner with no Ukrainian short name WHEN suggested THEN the English one is used', () => {
    const compact = suggestPartners('compact', data, 'uk')[0];
    expect(compact?.value).toBe('ukraine-compact');
    expect(compact?.name).toMatch(/^Ukraine Compact · \d+ \S+ \d{4}$/);
  });

  test.each(hostile)(
    'GIVEN hostile input (%s) WHEN suggested THEN the choices stay within limits',
    (_l, query) => {
      within(suggestPartners(query, data, 'en'));
      within(suggestPartners(query, data, 'uk'));
    },
  );

  test('GIVEN a 6000-character query WHEN suggested many times THEN it stays fast', () => {
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) suggestPartners(`${'Germ '.repeat(1200)}${i}`, data, 'en');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
