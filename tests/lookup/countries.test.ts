import { describe, expect, test } from 'vitest';
import { agreement } from '../../src/commands/agreement.js';
import { map } from '../../src/commands/map.js';
import { countryNamed } from '../../src/lookup/countries.js';
import { lookupForm } from '../../src/lookup/normalize.js';
import { resolvePartner, suggestPartners } from '../../src/lookup/partners.js';
import { resolveSubject, suggestSubjects } from '../../src/lookup/subjects.js';
import { isEphemeral } from '../../src/render/reply.js';
import { input, testContext, testData } from '../helpers/context.js';

const data = testData();

describe('a real country with no agreement is never another country (issue 15)', () => {
  test.each([
    ['Slovakia', 'SK'],
    ['slovakia', 'SK'],
    ['Словаччина', 'SK'],
    ['Slowakei', 'SK'],
    ['Georgia', 'GE'],
    ['Moldova', 'MD'],
    ['Serbia', 'RS'],
    ['Russia', 'RU'],
    ['🇸🇰', 'SK'],
    ['the agreement with Slovakia', 'SK'],
  ])(
    'GIVEN %j WHEN resolved for /map THEN "no agreement" with %s, not a near miss',
    (query, iso2) => {
      const match = resolvePartner(query, data);
      expect(match.kind).toBe('not-partner');
      if (match.kind === 'not-partner') expect(match.country.iso2).toBe(iso2);
    },
  );

  test('GIVEN Slovakia WHEN /agreement THEN it says Ukraine has no agreement with Slovakia, not Slovenia', async () => {
    const body = await agreement.respond(input({ partner: 'Slovakia' }), testContext());
    expect(isEphemeral(body)).toBe(true);
    expect(body.content).toContain('Ukraine has no security agreement with Slovakia in our data');
    expect(JSON.stringify(body)).not.toContain('Slovenia');
  });

  test('GIVEN Slovakia in Ukrainian WHEN /agreement THEN the Ukrainian name and answer', async () => {
    const body = await agreement.respond(
      input({ partner: 'Словаччина' }, { locale: 'uk' }),
      testContext(),
    );
    expect(body.content).toContain('не має безпекової угоди з партнером «Словаччина»');
  });

  test('GIVEN Slovakia WHEN /map partner: THEN no picture of Slovenia, the same plain answer', async () => {
    const body = await map.respond(input({ partner: 'Slovakia' }), testContext());
    expect(body.files ?? []).toEqual([]);
    expect(body.content).toContain('no security agreement with Slovakia');
  });

  test.each([
    ['Slovakia', suggestPartners],
    ['Slovakia', suggestSubjects],
  ])('GIVEN %j WHEN autocompleted THEN Slovakia is offered, Slovenia is not', (query, suggest) => {
    const choices = suggest(query, data, 'en');
    expect(choices[0]?.name).toContain('Slovakia');
    expect(choices[0]?.name).toContain('no agreement');
    expect(choices.map((c) => c.value)).not.toContain('si');
  });

  test('GIVEN "slovak" while typing WHEN autocompleted THEN Slovakia comes before the typo match Slovenia', () => {
    const names = suggestSubjects('slovak', data, 'en').map((c) => c.name);
    const slovakia = names.findIndex((n) => n.includes('Slovakia'));
    const slovenia = names.findIndex((n) => n.includes('Slovenia'));
    expect(slovakia).toBeGreaterThanOrEqual(0);
    if (slovenia >= 0) expect(slovakia).toBeLessThan(slovenia);
  });

  test('GIVEN the value autocomplete sends for Slovakia WHEN resolved THEN the same answer', () => {
    const [first] = suggestSubjects('Slovakia', data, 'en');
    expect(resolveSubject(first!.value, data).kind).toBe('not-partner');
  });

  test.each([
    ['Slovnia', 'si'],
    ['Slovenija', 'si'],
    ['Germny', 'de'],
  ])(
    'GIVEN the typo %j (no country’s exact name) THEN typo tolerance still finds %s',
    (query, id) => {
      const match = resolvePartner(query, data);
      expect(match.kind).toBe('found');
      if (match.kind === 'found') expect(match.agreement.id).toBe(id);
    },
  );
});

describe('partners by their names in other languages (issue 15)', () => {
  test.each([
    ['Allemagne', 'de'],
    ['Niemcy', 'de'],
    ['Frankreich', 'fr'],
    ['Royaume-Uni', 'gb'],
    ['Германия', 'de'],
    ['Francja', 'fr'],
    ['Vereinigtes Königreich', 'gb'],
    ['Великобритания', 'gb'],
    ['Japon', 'jp'],
    ['Dania', 'dk'],
  ])('GIVEN %j THEN it is the agreement %s, in /agreement and /map alike', (query, id) => {
    const partner = resolvePartner(query, data);
    expect(partner.kind === 'found' && partner.agreement.id).toBe(id);
    const subject = resolveSubject(query, data);
    expect(
      subject.kind === 'found' &&
        subject.subject.kind === 'agreement' &&
        subject.subject.agreement.id,
    ).toBe(id);
  });

  test.each([['Frankreich'], ['Niemcy'], ['Германия']])(
    'GIVEN %j WHEN autocompleted THEN its partner comes first',
    (query) => {
      const match = resolvePartner(query, data);
      if (match.kind !== 'found') throw new Error(`${query} did not resolve`);
      expect(suggestPartners(query, data, 'en')[0]?.value).toBe(match.agreement.id);
    },
  );

  test('GIVEN every partner name and alias that is also a country’s name THEN it is that same country', () => {
    const clashes: string[] = [];
    for (const a of data.agreements) {
      const names = [a.partner.shortName.en, a.partner.shortName.uk, ...a.partner.aliases];
      for (const name of names.flatMap((n) => (n ? [n] : []))) {
        const country = countryNamed(lookupForm(name));
        if (country && country.iso2 !== a.partner.iso2)
          clashes.push(`${a.id}: ${name} → ${country.iso2}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('a blank partner (issue 15)', () => {
  test.each([[''], ['   '], ['***'], ['\u200b']])(
    'GIVEN %j WHEN /agreement THEN it asks for a name instead of "I don’t know an agreement with “”"',
    async (partner) => {
      const body = await agreement.respond(input({ partner }), testContext());
      expect(isEphemeral(body)).toBe(true);
      expect(body.content).not.toContain('“”');
      expect(body.content).toContain('Type a partner’s name');
    },
  );

  test('GIVEN a blank partner in Ukrainian THEN the Ukrainian request', async () => {
    const body = await agreement.respond(input({ partner: ' ' }, { locale: 'uk' }), testContext());
    expect(body.content).toContain('Введіть назву партнера');
    expect(body.content).not.toContain('«»');
  });
});
