import { describe, expect, test } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import {
  applyFilters,
  filterCounts,
  filtersFromId,
  filtersToId,
  KIND_FILTERS,
} from '../../src/search/filters.js';
import { stringsFor } from '../../src/i18n/index.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';
import type { Agreement } from '../../src/data/schema.js';

const data = testData();
const agreements = findCommand('agreements')!;
const en = stringsFor('en-US');

function shownPartners(description: string | undefined): number {
  return (description ?? '').split('\n').filter((line) => /^(✅|🧭|⚠️) \*\*/.test(line)).length;
}

describe('GIVEN the /agreements filters', () => {
  test('WHEN clause:stated THEN the counts come from the data, and only those are listed', async () => {
    const stated = data.agreements.filter((a) => a.consultations24h === true).length;
    const unknown = data.agreements.filter((a) => a.consultations24h === null).length;
    const body = await agreements.respond(input({ clause: 'stated' }), testContext());
    expectWithinDiscordLimits(body);
    const embed = body.embeds![0]!;
    expect(embed.description).toContain(
      `${stated} of ${data.agreements.length} state a 24-hour clause; for ${unknown} our sources say nothing.`,
    );
    expect(embed.title).toContain(`${stated} of ${data.agreements.length}`);
    expect(shownPartners(embed.description)).toBe(Math.min(10, stated));
  });

  test('WHEN the data changes THEN so do the counts (nothing is hard-coded)', () => {
    const changed = data.agreements.map((a): Agreement =>
      a.id === 'de' ? { ...a, consultations24h: null } : a,
    );
    const before = filterCounts(data.agreements, { clause: 'stated' }, en)[0];
    const after = filterCounts(changed, { clause: 'stated' }, en)[0];
    expect(after).not.toBe(before);
    expect(applyFilters(changed, { clause: 'stated' }).length).toBe(
      applyFilters(data.agreements, { clause: 'stated' }).length - 1,
    );
  });

  test.each([
    [{ clause: 'not-stated' as const }, (a: Agreement) => a.consultations24h === null],
    [{ clause: 'none' as const }, (a: Agreement) => a.consultations24h === false],
    [{ year: 2025 }, (a: Agreement) => a.signed.startsWith('2025')],
    [{ kind: 'official' as const }, (a: Agreement) => a.status === 'official'],
    [{ kind: 'framework' as const }, (a: Agreement) => a.status === 'framework'],
    [
      { year: 2024, kind: 'official' as const, clause: 'stated' as const },
      (a: Agreement) =>
        a.signed.startsWith('2024') && a.status === 'official' && a.consultations24h === true,
    ],
  ])('WHEN filtered by %j THEN exactly the documents that fit', (filters, keep) => {
    expect(applyFilters(data.agreements, filters).map((a) => a.id)).toEqual(
      data.agreements.filter(keep).map((a) => a.id),
    );
  });

  test('WHEN a filtered list has a second page THEN its buttons carry the filters, and the button answers the same list', async () => {
    const body = await agreements.respond(
      input({ kind: 'official', order: 'name' }),
      testContext(),
    );
    const ids = body.components![0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''));
    expect(ids).toEqual([
      'agreements:page:name:-1:-:-:official',
      'agreements:page:name:1:-:-:official',
    ]);
    const [, ...args] = ids[1]!.split(':');
    const page = await agreements.button!({ ...input(), args }, testContext());
    expect(page.embeds![0]!.title).toBe(body.embeds![0]!.title);
    expect(page.embeds![0]!.footer?.text).toBe('Page 2 of 3');
  });

  test('WHEN an old button without filters is clicked THEN the whole list, as before', async () => {
    const page = await agreements.button!(
      { ...input(), args: ['page', 'date', '1'] },
      testContext(),
    );
    expect(page.embeds![0]!.title).toContain(`(${data.agreements.length})`);
  });

  test('WHEN no document fits THEN an ephemeral answer with the counts and a hint', async () => {
    const body = await agreements.respond(input({ year: 2023, kind: 'disputed' }), testContext());
    expect(body.flags).toBe(64);
    expect(body.content).toContain('No document matches all of these filters.');
    expect(body.content).toContain('1 of 31 was signed in 2023.');
  });

  test('THEN every kind has its sentence in both languages, and ids round-trip', () => {
    for (const { value } of KIND_FILTERS) {
      expect(stringsFor('uk').filters.kind[value](1, 2)).toMatch(/\p{Script=Cyrillic}/u);
      expect(
        filtersFromId(filtersToId({ kind: value, year: 2024, clause: 'none' }).split(':')),
      ).toEqual({ kind: value, year: 2024, clause: 'none' });
    }
    expect(filtersFromId(['x', 'NaN', 'nope'])).toEqual({
      clause: undefined,
      year: undefined,
      kind: undefined,
    });
  });
});
